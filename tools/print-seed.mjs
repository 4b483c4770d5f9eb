// The printed seed report for docs/: the seed (crates/report/tests/fixtures/erdun-2023.txt, a
// published report) imported and rendered by the `nianbao` command, printed to PDF by Chromium
// as the app's print does (A4, the page's own @page rules), and pages of it as PNG.
//   node tools/print-seed.mjs    (after a build of the command; cargo builds it if needed)
// Writes docs/print-seed.pdf and docs/print-seed-page-N.png for the pages in PAGES and the last.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { launchBrowser } from '../tests/e2e/harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'target', 'print-seed');
const DOCS = join(ROOT, 'docs');
/** Table 三 runs over pages 4 and 5; the last page shows how the report ends (the signature). */
const PAGES = [4, 5];

mkdirSync(OUT, { recursive: true });
const nianbao = (...args) =>
  execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'nianbao', '--', ...args], { cwd: ROOT, stdio: 'inherit' });
nianbao('import', join(ROOT, 'crates/report/tests/fixtures/erdun-2023.txt'), '-o', join(OUT, 'seed.json'));
// The seed's page gives no date; the one the tests give it, as an office would type it.
const seed = JSON.parse(readFileSync(join(OUT, 'seed.json'), 'utf8'));
seed.meta.published_on = '2024-01-20';
writeFileSync(join(OUT, 'seed.json'), JSON.stringify(seed, null, 2));
nianbao('render', join(OUT, 'seed.json'), '-o', join(OUT, 'seed.html'));

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(join(OUT, 'seed.html')).href);
  await page.pdf({ path: join(DOCS, 'print-seed.pdf'), preferCSSPageSize: true, printBackground: true });
} finally {
  await browser.close();
}

const info = execFileSync('pdfinfo', [join(DOCS, 'print-seed.pdf')], { encoding: 'utf8' });
const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
for (const old of readdirSync(DOCS).filter((f) => /^print-seed-page-\d+\.png$/.test(f))) rmSync(join(DOCS, old));
for (const n of new Set([...PAGES, pages])) {
  execFileSync('pdftoppm', ['-png', '-r', '72', '-f', String(n), '-l', String(n), '-singlefile', join(DOCS, 'print-seed.pdf'), join(OUT, `page-${n}`)]);
  renameSync(join(OUT, `page-${n}.png`), join(DOCS, `print-seed-page-${n}.png`));
}
console.log(`docs/print-seed.pdf: ${pages} pages; PNG of pages ${[...new Set([...PAGES, pages])].join(', ')}`);
