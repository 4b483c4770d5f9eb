// The editor's files, from wasm-split-cli's and wasm-bindgen's output (`./x`, build_editor):
//   node tools/editor-files.mjs WORK OUT [WASM-OPT FLAGS...]
// WORK holds wasm-split-cli's output (the parts, `*.wasm` but the main module, and its loader
// `__wasm_split.js`) and, in WORK/bindgen/, wasm-bindgen's output for the main module. OUT
// becomes dist/editor/ (index.html's start-up script loads it):
//   nianbao-app-H.js, nianbao-app-H_bg.wasm   the editor: JS glue (minified) and main wasm
//   parts-H.js                                the loader of the parts (minified)
//   parts/NAME-H.wasm                         the parts, each fetched on first use
//   parts/editor-part-H.bin                   the editor's part: its module and the shared
//                                             chunks it needs, end to end in one file
//   files.json                                the names index.html needs, and where each
//                                             module of the editor's part lies in its file
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

// Each module the loader fetches, and the modules the editor's part needs (itself first): the
// start-up script compiles those early when a draft is about to open (index.html).
const moduleFiles = new Map(
  [...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
);
const editorLoad = loader.match(
  /export const __wasm_split_load_editor = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\)/,
);
if (!editorLoad) throw new Error("editor-files: the loader has no load of the editor's part");
const editorModules = [editorLoad[1], ...editorLoad[2].split(',').map((v) => v.trim()).filter(Boolean).map((v) => {
  if (!moduleFiles.has(v)) throw new Error(`editor-files: the loader does not fetch ${v}`);
  return moduleFiles.get(v);
})];
// A module compiled early is instantiated from that; otherwise (or if that fetch failed) fetched.
const fetches = loader.match(/const src = fetch\(new URL\(/g)?.length ?? 0;
const instantiations = loader.match(/WebAssembly\.instantiateStreaming\(src, imports\)/g)?.length ?? 0;
const caught = loader.match(/src\.catch\(\(\) => \{\}\);/g)?.length ?? 0;
if (fetches === 0 || fetches !== instantiations || fetches !== caught) throw new Error(`editor-files: the loader's ${fetches} fetches, ${caught} catches and ${instantiations} instantiations do not pair`);
loader = loader
  .replaceAll('const src = fetch(new URL(', 'const src = compiledOrFetched(new URL(')
  .replaceAll('WebAssembly.instantiateStreaming(src, imports)', 'instantiated(src, imports)')
  .replaceAll('src.catch(() => {});', 'Promise.resolve(src).catch(() => {});');
loader += `
/** The editor's own module, which exists only in the editor's part's file (index.html's
 * \`nianbaoCompileEditor\`). */
const EDITOR_MODULE = new URL("./${editorModules[0]}", import.meta.url).href;
/** The module the start-up script compiled (or a promise of it), once; or a response being
 * fetched. The editor's module, when no draft was about to open (a first draft, from the first
 * screen), is compiled from its part's file now; the shared chunks in that file were asked for
 * before it, alone, and their copies are dropped. */
function compiledOrFetched(url) {
  if (url.href === EDITOR_MODULE && !globalThis.nianbaoCompiling?.has(EDITOR_MODULE)) {
    globalThis.nianbaoCompileEditor();
    for (const other of [...globalThis.nianbaoCompiling.keys()]) if (other !== EDITOR_MODULE) globalThis.nianbaoCompiling.delete(other);
  }
  const early = globalThis.nianbaoCompiling?.get(url.href);
  if (!early) return fetch(url);
  globalThis.nianbaoCompiling.delete(url.href);
  // The editor's module has no file of its own to fetch: a failed part is asked for again.
  return early.module ?? early.compiled.catch((error) => (url.href === EDITOR_MODULE ? Promise.reject(error) : fetch(url)));
}
/** A module compiled already is instantiated at once, in the task that asked for it: the editor
 * then draws in the same task as the page's start, as it did before it was a part. */
async function instantiated(src, imports) {
  const got = src instanceof WebAssembly.Module ? src : await src;
  if (got instanceof WebAssembly.Module) return { module: got, instance: new WebAssembly.Instance(got, imports) };
  return WebAssembly.instantiateStreaming(got, imports);
}
`;

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

// The editor's part in one file: a draft opens with one request for it instead of four, which
// waited behind each other and the main files for the browser's six connections to the host.
const partOf = new Map(parts.map((part) => [part.name, part]));
let offset = 0;
const editorPart = {
  file: `parts/editor-part-${h}.bin`,
  modules: editorModules.map((name) => {
    const part = partOf.get(name);
    if (!part) throw new Error(`editor-files: the editor's part needs ${name}, which wasm-split-cli did not write`);
    const placed = [part.file, offset, part.body.length];
    offset += part.body.length;
    return placed;
  }),
};

mkdirSync(join(out, 'parts'), { recursive: true });
writeFileSync(join(out, names.wasm), mainWasm);
writeFileSync(join(out, names.js), await minified(glue));
writeFileSync(join(out, names.loader), await minified(loader));
for (const part of parts) if (part.name !== editorModules[0]) writeFileSync(join(out, part.file), part.body);
writeFileSync(join(out, editorPart.file), Buffer.concat(editorModules.map((name) => partOf.get(name).body)));
writeFileSync(join(out, 'files.json'), `${JSON.stringify({ js: names.js, wasm: names.wasm, loader: names.loader, editorPart }, null, 2)}\n`);
console.log(`editor-files: main ${mainWasm.length} bytes; ${parts.length} parts, ${parts.reduce((t, p) => t + p.body.length, 0)} bytes`);
