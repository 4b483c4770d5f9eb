// The editor's files, from wasm-split-cli's and wasm-bindgen's output (`./x`, build_editor):
//   node tools/editor-files.mjs WORK OUT [WASM-OPT FLAGS...]
// WORK holds wasm-split-cli's output (the parts, `*.wasm` but the main module, and its loader
// `__wasm_split.js`) and, in WORK/bindgen/, wasm-bindgen's output for the main module. OUT
// becomes dist/editor/ (index.html's start-up script loads it):
//   nianbao-app-H.js, nianbao-app-H_bg.wasm   the editor: JS glue (minified) and main wasm
//   parts-H.js                                the loader of the parts (minified)
//   parts/NAME-H.wasm                         the parts, each fetched on first use
//   files.json                                the names index.html needs
// Every wasm goes through `wasm-opt -Oz` with the flags given (./x passes the other pages',
// supervisor.html's data-wasm-opt-params). H is one hash of the whole set: the glue and the
// loader import each other, and a part only fits the main module it was split from, so the
// names change together.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minified } from './minify.mjs';

const [work, out, ...flags] = process.argv.slice(2);
if (!work || !out) throw new Error('usage: node tools/editor-files.mjs WORK OUT [WASM-OPT FLAGS...]');
const root = new URL('..', import.meta.url).pathname;
const LOADER = '__wasm_split.js';
const MAIN = 'nianbao-app';

function optimised(path) {
  const to = `${path}.opt`;
  execFileSync(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', ...flags, path, '-o', to], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return readFileSync(to);
}

const partNames = readdirSync(work).filter((name) => name.endsWith('.wasm') && name !== `${MAIN}.wasm`).sort();
const parts = partNames.map((name) => ({ name, body: optimised(join(work, name)) }));
const mainWasm = optimised(join(work, 'bindgen', `${MAIN}_bg.wasm`));
let glue = readFileSync(join(work, 'bindgen', `${MAIN}.js`), 'utf8');
let loader = readFileSync(join(work, LOADER), 'utf8');

const hash = createHash('sha256');
for (const body of [mainWasm, glue, loader, ...parts.map((p) => p.body)]) hash.update(body);
const h = hash.digest('hex').slice(0, 16);
const names = { js: `${MAIN}-${h}.js`, wasm: `${MAIN}-${h}_bg.wasm`, loader: `parts-${h}.js` };

const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Replaces every quoted `old` (after `from ` only, with `imports`: the glue also names the
 * loader as the wasm's import module, which must stay) and errs if there is none: a changed tool
 * must not leave a name unreplaced. */
function replaceAll(text, old, now, what, { imports = false } = {}) {
  const pattern = new RegExp(`${imports ? '(\\bfrom\\s*)' : '()'}(["'])${escaped(old)}\\2`, 'g');
  if (!pattern.test(text)) throw new Error(`editor-files: ${what} does not name ${old}`);
  return text.replace(pattern, (_, from, quote) => `${from}${quote}${now}${quote}`);
}
glue = replaceAll(glue, `./${LOADER}`, `./${names.loader}`, 'the glue', { imports: true });
loader = replaceAll(loader, `./${MAIN}.js`, `./${names.js}`, 'the loader', { imports: true });
for (const part of parts) {
  part.file = `parts/${part.name.replace(/\.wasm$/, '')}-${h}.wasm`;
  loader = replaceAll(loader, `./${part.name}`, `./${part.file}`, 'the loader');
}

mkdirSync(join(out, 'parts'), { recursive: true });
writeFileSync(join(out, names.wasm), mainWasm);
writeFileSync(join(out, names.js), await minified(glue));
writeFileSync(join(out, names.loader), await minified(loader));
for (const part of parts) writeFileSync(join(out, part.file), part.body);
writeFileSync(join(out, 'files.json'), `${JSON.stringify({ js: names.js, wasm: names.wasm, loader: names.loader }, null, 2)}\n`);
console.log(`editor-files: main ${mainWasm.length} bytes; ${parts.length} parts, ${parts.reduce((t, p) => t + p.body.length, 0)} bytes`);
