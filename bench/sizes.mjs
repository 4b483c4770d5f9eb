// Transfer sizes of a built dist/: the WebAssembly, JavaScript and CSS a first visit downloads,
// raw, gzip -9 and brotli (quality 11), as a static host that compresses would send them.
// gzip is GNU gzip's `gzip -9` (what `./x build` prints; Node's zlib at level 9 comes out about
// 1.5% larger on the wasm), brotli is Node's zlib.
// Shared by the benchmark (bench/run.mjs) and the budget test (tests/e2e/budget.test.mjs), so
// the figure the test holds to is the figure the benchmark prints.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { execFileSync } from 'node:child_process';

/** The whole app (wasm + JS + CSS, gzip -9) must stay under this, 1 KB = 1,000 bytes. 350 KB
 * until 2026-12-05, when the grids drawn as the core's markup and fewer copies of the standard
 * library's sort took the first visit from 347.0 to 338.4 KB: 342 KB. Then the views that
 * opening a draft does not need (the first screen, the drafts list, the paste import, the
 * history, the 图解) went into parts fetched on first use (src/parts.rs): 300.2 KB; the merge
 * banner too: 295.5 KB; and the import of a picked or dropped file: 291.8 KB. The first screen
 * back in the editor (a part of its own cost a newcomer a round trip): 297.1 KB. Then the
 * editor of an open draft went into a part of its own (compiled early when a draft is stored,
 * index.html), and the views on the way into one more: 229.8 KB, held at 240 KB (the goal of issue 17 was
 * 250 KB). */
export const BUDGET_GZIP_BYTES = 240_000;
/** The editor's part with the shared pieces it needs (files.json's `editorPart`): what opening
 * the first draft adds to the first visit. 77.1 KB (2026-12-05), held at +3 %: 79.5 KB. Then a
 * press anywhere in a grid's cell going to its input (a row made tall by a two-line label left
 * a dead margin above and below the input) took it from 79.2 to 79.8 KB: held at 80.0 KB. Then
 * the grids' cells drawn as text with one input per grid laid over the cell being edited (its
 * place, its moves by key and press, issue 17's typing): 82.9 KB, held at 83.5 KB. */
export const EDITOR_PART_GZIP_BYTES = 83_500;
/** The parts fetched after the first visit (by the service worker, for offline use, and when
 * first used): the supervisor's page, the editor's tools worker (importer, Word, 图解) and the
 * editor's parts. Not
 * part of the first visit's budget; held at their size plus 3 %, so that they do not grow
 * unnoticed. Measured 2026-11-29: 280.5 and 357.4 KB; 2026-12-04, after the importer and
 * T-numbers learned real reports (page chrome, agencies, damaged PDF rows, every quantity the
 * text states): 308.7 and 375.7 KB; then the reading rules (T-numbers, T-no-requests-claim,
 * T-page-chrome) moved from the editor's first visit (−18 KB) to the worker, which the editor
 * starts a pause after it opens: the worker 400.4 KB. Then the region view and kept batches
 * (issue 18, which allows the supervisor's page +15 % over its 310.6 KB: 357 KB) took it to
 * 410 KB, and back to 328.4 KB once the page read published pages in the tools worker instead
 * of carrying the importer, drew its table and lists as the core's markup, and sorted without
 * the standard library's sorts. Then, for 500 files on a slow laptop (issue 17), the table in
 * pages of 100 rows, the rows following a language switch a slice at a time and the batch kept
 * in three tasks: 337.2 KB; a folder picked and listed (选择文件夹…): 341.4 KB. The editor's parts fetched on first use (editor/parts/, 2026-12-05):
 * 84.2 KB in all, each fetched alone with the shared pieces it needs; with the editor of an open
 * draft a part too: 142.6 KB; with that part one file, carrying its own copy of the three shared
 * chunks it needs (one request instead of four when a draft opens): 149.2 KB. The supervisor's
 * page, 2026-12-05 (fourteenth session): 343.7 → 347.4 KB for the findings' bases in English,
 * C-blank's rows of a mostly blank table 三 in one finding, and the text's claims of none
 * (「未发生行政复议」, 「未制发规范性文件」, 「全部予以公开」) the page checks its reports for; 348.8 KB
 * once a batch's page opened as a draft kept its import notes, 349.3 KB once the drafts' index
 * counts those notes with the draft's findings (sixteenth session). The eighteenth session's
 * T-numbers phrasings (「涉及行政复议N件」, channels listed with 等, 「另有N件顺延到下年度」: three
 * more statements of the corpus read) took the worker from 411.7 to 412.1 KB and the supervisor's
 * page from 349.5 to 350.0 KB: held at 412.5 and 350.5 KB. The nineteenth session's (counts
 * listed after one of documents, 「行政复议、行政诉讼N件」 as both together, appeals about
 * disclosure named after their count, 「不予公开等其他类型N件」, 「案件数2件」: seven more read)
 * took them to 413.3 and 351.2 KB: held at 413.8 and 351.5 KB. The editor's parts 153.8 →
 * 156.7 KB (2026-12-06) with the grids' one input laid over the cell being edited: held at
 * 157.5 KB. The twenty-fifth session's 选择文件… through Chromium's own picker (500 files taken a
 * promise each, not in one task of the browser's) and the batch table's roles said (its rows laid
 * out as grids) took the supervisor's page from 349.5 to 352.9 KB (the picker ~2.4 KB, the roles
 * ~0.8): held at 353.5 KB. The twenty-sixth session's 选择文件夹… in browsers without a folder
 * picker of their own (Firefox: a file input that takes a folder) took it from 353.3 to 354.4 KB
 * (the two ways of picking a folder share one sort; the input is markup): held at 355 KB. */
export const LATER_GZIP_BYTES = { supervisor: 355_000, worker: 413_800, 'editor/parts': 157_500 };

/** `.bin`: the editor's part, wasm modules end to end in one file (tools/editor-files.mjs). */
const KINDS = { '.wasm': 'wasm', '.bin': 'wasm', '.js': 'js', '.css': 'css' };

function compressed(body, brotli) {
  return {
    raw: body.length,
    gzip: execFileSync('gzip', ['-9', '-n', '-c'], { input: body, maxBuffer: 64 << 20 }).length,
    brotli: brotli
      ? brotliCompressSync(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }).length
      : NaN,
  };
}

/** The folder of a page's own wasm and JS, built by ./x (the editor's: dist/editor/), which a
 * first visit fetches with the page; its parts/ subfolder is fetched on first use and is not. */
const OWN_FILES = 'editor';

/** Every wasm, JS and CSS file of `dir` and of its editor/ folder (the service worker included:
 * a first visit fetches it), with its sizes, and the totals per kind and overall. Brotli at
 * quality 11 takes seconds on the wasm: `{ brotli: false }` skips it. */
export function transferSizes(dir, { brotli = true } = {}) {
  const listed = (folder) =>
    existsSync(join(dir, folder))
      ? readdirSync(join(dir, folder))
          .map((name) => join(folder, name))
          .filter((name) => KINDS[extname(name)] && statSync(join(dir, name)).isFile())
      : [];
  const files = [...listed(''), ...listed(OWN_FILES)]
    .sort()
    .map((name) => ({ name, kind: KINDS[extname(name)], ...compressed(readFileSync(join(dir, name)), brotli) }));
  if (!files.some((f) => f.kind === 'wasm')) throw new Error(`no .wasm in ${dir}: is it a built dist/?`);
  return {
    files,
    wasm: sum(files.filter((f) => f.kind === 'wasm')),
    js: sum(files.filter((f) => f.kind === 'js')),
    css: sum(files.filter((f) => f.kind === 'css')),
    total: sum(files),
  };
}

/** The file of the editor's part (dist/editor/files.json's `editorPart`: its module and the
 * shared chunks it needs) with its sizes, and their total. */
export function editorPartSizes(dir, { brotli = true } = {}) {
  const { editorPart } = JSON.parse(readFileSync(join(dir, OWN_FILES, 'files.json'), 'utf8'));
  const files = [editorPart.file].map((name) => ({ name, ...compressed(readFileSync(join(dir, OWN_FILES, name)), brotli) }));
  return { files, total: sum(files) };
}

/** The raw, gzip and brotli sizes of `files` added up. */
function sum(files) {
  return files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

// `node bench/sizes.mjs [DIST]`: the sizes of one build, per file and in total (gzip -9 against
// the budget), for measuring a cut without the whole benchmark.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? process.env.NIANBAO_DIST ?? new URL('../dist/', import.meta.url).pathname;
  const sizes = transferSizes(dir);
  for (const f of [...sizes.files, { name: 'total', ...sizes.total }]) {
    console.log(`${f.name.padEnd(40)} ${String(f.raw).padStart(8)} raw ${String(f.gzip).padStart(8)} gzip -9 ${String(f.brotli).padStart(8)} brotli`);
  }
  const part = editorPartSizes(dir);
  console.log(`${"then the editor's part".padEnd(40)} ${String(part.total.raw).padStart(8)} raw ${String(part.total.gzip).padStart(8)} gzip -9 ${String(part.total.brotli).padStart(8)} brotli`);
  const over = sizes.total.gzip - BUDGET_GZIP_BYTES;
  console.log(over > 0 ? `over the budget by ${over} bytes gzip -9` : `within the budget by ${-over} bytes gzip -9`);
}
