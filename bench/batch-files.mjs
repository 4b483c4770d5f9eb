// The supervisor's batch of 500 files for bench/run.mjs (`--only supervisor-500`): what a county
// office gets from its units in a year, made from the fixtures of the repository (no build
// needed):
//
// - 300 report JSONs (tests/e2e/fixtures/erdun-2023.json), each under another agency's name with
//   other numbers in table 三; one in six with a total that does not add up (an error); one in
//   ten a 2022 report of the agency just before it, so that the batch checks 30 reports against
//   last year's (link_last_years);
// - 150 published reports as text or saved pages: 20 copies each of the five published texts of
//   crates/report/tests/fixtures/*.txt and 50 of tests/e2e/fixtures/erdun-2023.html, the agency
//   renamed in each; five pages and five texts in GBK (the pages declaring it, the texts not);
// - 50 files that are not reports, ten kinds of five: a PNG, broken JSON, an empty text, a JSON
//   of a newer version, binary bytes, a text over the 5 MB limit, four bytes of GBK, prose, a
//   JSON cut in half, a Word file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (path) => readFileSync(join(ROOT, path), 'utf8');

export const BATCH_COUNTS = { json: 300, published: 150, broken: 50 };
export const BATCH_TOTAL = BATCH_COUNTS.json + BATCH_COUNTS.published + BATCH_COUNTS.broken;
/** The app's limit for one file (src/drafts/import.rs, MAX_IMPORT_MB). */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const PLACES = ['东', '西', '南', '北', '青', '白', '红', '长', '金', '银', '新', '古', '清', '平', '安'];
const ENDS = ['城', '山', '湖', '河', '桥', '林', '泉', '石', '岭', '湾'];
/** 300 different names of units: 东城镇, 西城镇, … 安湾街道. */
const unitName = (j) => `${PLACES[j % 15]}${ENDS[Math.floor(j / 15) % 10]}${j < 150 ? '镇' : '街道'}`;
const TOWNS = ['朝阳', '和平', '建设', '解放', '人民', '胜利', '团结', '幸福', '光明', '文化'];
const SIDES = ['东', '西', '南', '北', '中', '上', '下', '前', '后', '新', '老', '大', '小', '沙', '桥'];
/** 150 other names, for the published pages (none of them a JSON unit's). */
const townName = (j) => `${TOWNS[j % 10]}${SIDES[Math.floor(j / 10) % 15]}`;

/** The published texts, and the name each calls its agency by (replaced by another). */
const TEXTS = [
  ['erdun-2023.txt', ['额尔敦']],
  ['shuyang-county-2025.txt', ['沐阳', '沭阳']],
  ['shuyang-fagaiju-2023.txt', ['沭阳', '沐阳']],
  ['guanzhou-street-2023-partial.txt', ['官洲']],
  ['dizhang-street-2023-partial-2019-format.txt', ['底张']],
];

const gbk = (texts) =>
  JSON.parse(
    execFileSync('python3', ['-c', 'import sys, json; print(json.dumps([t.encode("gbk").hex() for t in json.load(sys.stdin)]))'], {
      input: JSON.stringify(texts),
    }).toString(),
  ).map((hex) => Buffer.from(hex, 'hex'));

/** The 500 files as { name, buffer, kind }, sorted by name as a file picker lists them (so the
 * kinds come mixed). */
export function supervisorBatch() {
  const seed = read('tests/e2e/fixtures/erdun-2023.json');
  const files = [];
  for (let j = 0; j < BATCH_COUNTS.json; j++) {
    const report = JSON.parse(seed);
    const lastYear = j % 10 === 9;
    report.meta.agency = unitName(lastYear ? j - 1 : j);
    report.meta.year = lastYear ? 2022 : 2023;
    const received = 1 + ((j * 13) % 60);
    for (const row of ['1', '3.1', '3.7']) {
      report.requests[row][0] = received;
      report.requests[row][6] = received;
    }
    if (j % 6 === 5) report.requests['3.1'][6] = received + 1;
    files.push({ name: `${report.meta.agency}-${report.meta.year}.json`, buffer: Buffer.from(JSON.stringify(report, null, 2)), kind: 'json' });
  }
  const html = read('tests/e2e/fixtures/erdun-2023.html');
  const texts = TEXTS.map(([file, names]) => ({ file, names, text: read(`crates/report/tests/fixtures/${file}`) }));
  const published = [];
  for (let j = 0; j < BATCH_COUNTS.published; j++) {
    const name = townName(j);
    if (j % 3 === 2) {
      published.push({ name: `${name}街道2023年政府信息公开工作年度报告.html`, text: html.replaceAll('额尔敦', name), html: true });
    } else {
      const { file, names, text } = texts[j % 5];
      published.push({ name: `${name}-${file}`, text: names.reduce((t, n) => t.replaceAll(n, name), text), html: false });
    }
  }
  // Old government sites: five pages declare GBK, five texts are GBK without saying so.
  const inGbk = [...published.filter((p) => p.html).slice(0, 5), ...published.filter((p) => !p.html).slice(0, 5)];
  const encoded = gbk(inGbk.map((p) => (p.html ? p.text.replace('<meta charset="utf-8">', '<meta charset="gbk">') : p.text)));
  for (const p of published) {
    const at = inGbk.indexOf(p);
    files.push({ name: p.name, buffer: at >= 0 ? encoded[at] : Buffer.from(p.text), kind: 'published' });
  }
  const newer = JSON.parse(seed);
  newer.schema_version = 99;
  const broken = [
    ['截图{}.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['坏的{}.json', Buffer.from('{"format": "nianbao-report", "schema_version": 1,,}')],
    ['空的{}.txt', Buffer.from('   \n')],
    ['新版本{}.json', Buffer.from(JSON.stringify(newer, null, 2))],
    ['二进制{}.bin', Buffer.alloc(64)],
    ['太大{}.txt', Buffer.alloc(MAX_IMPORT_BYTES + 1024, 0x41)],
    ['gbk{}.txt', Buffer.from([0xc4, 0xea, 0xb1, 0xa8])],
    ['随笔{}.txt', Buffer.from('今天天气很好，没有什么要报告的。')],
    ['截断{}.json', Buffer.from(seed.slice(0, seed.length >> 1))],
    ['年报{}.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)])],
  ];
  for (let j = 0; j < BATCH_COUNTS.broken; j++) {
    const [pattern, buffer] = broken[j % broken.length];
    files.push({ name: pattern.replace('{}', String(Math.floor(j / broken.length) + 1)), buffer, kind: 'broken' });
  }
  if (files.length !== BATCH_TOTAL || new Set(files.map((f) => f.name)).size !== BATCH_TOTAL) {
    throw new Error(`the batch has ${files.length} files, ${new Set(files.map((f) => f.name)).size} names`);
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Writes the files to a new folder, as a user picks them from disk; returns it and the paths. */
export function batchOnDisk(files) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-batch-'));
  const paths = files.map((file) => {
    const path = join(dir, file.name);
    writeFileSync(path, file.buffer);
    return path;
  });
  return { dir, paths };
}
