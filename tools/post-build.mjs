// Trunk post_build hook: runs in the staging folder of every build, before it becomes dist/.
// 0. Release builds: the wasm-bindgen JS and the service worker are minified with terser
//    (Trunk's own minifier gives up on the wasm-bindgen JS and copies it as it is), and the
//    `integrity` hashes that index.html carries for the JS are computed again.
// 0b. The editor's page: the hashed names of the editor's JS, wasm and parts' loader (built by
//    ./x into editor/, listed in editor/files.json) in place of index.html's placeholders.
// 1. The CSP in index.html allows only the app's own scripts; Trunk's start-up script is
//    inline, so its sha256 goes into script-src (hashes, not 'unsafe-inline').
// 2. The service worker precaches exactly the files of this build: their hashed names are only
//    known now, so they are written into sw.js here, with a cache version derived from them.
//    The editor's build carries the supervisor's page (built first, into supervisor/): its files
//    are precached too, each page under its folder's address ('./', 'supervisor/'). The
//    supervisor's own build has no sw.js and stops after step 1.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { minified } from './minify.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run by trunk only)');

const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

async function minifyJs(path) {
  const before = readFileSync(path, 'utf8');
  const code = await minified(before);
  writeFileSync(path, code);
  return [before.length, code.length];
}

const release = process.env.TRUNK_PROFILE === 'release';
if (release) {
  for (const name of readdirSync(staging).filter((n) => n.endsWith('.js') && n !== 'sw.js')) {
    const [before, after] = await minifyJs(join(staging, name));
    // Subresource integrity of the file as it now is, in the algorithm Trunk chose. Trunk has
    // minified index.html by now: attribute values may stand without quotes.
    const body = readFileSync(join(staging, name));
    let updated = 0;
    html = html.replace(/<link\b[^>]*>/g, (tag) => {
      if (!new RegExp(`\\bhref=["']?(\\./)?${name.replace(/[.]/g, '\\.')}["'\\s>]`).test(tag)) return tag;
      return tag.replace(/\bintegrity=(["']?)(sha256|sha384|sha512)-[A-Za-z0-9+/=]+\1/, (_, quote, algorithm) => {
        updated++;
        return `integrity=${quote}${algorithm}-${createHash(algorithm).update(body).digest('base64')}${quote}`;
      });
    });
    if (updated === 0 && html.includes('integrity=')) {
      throw new Error(`post-build: no integrity attribute of ${name} found to update in index.html`);
    }
    console.log(`post-build: terser ${name}: ${before} → ${after} bytes`);
  }
}
const editorFiles = join(staging, 'editor', 'files.json');
if (html.includes('__EDITOR_JS__')) {
  if (!existsSync(editorFiles)) throw new Error('post-build: editor/files.json missing: run ./x build (build_editor) first');
  const { js, wasm, loader, editorPart } = JSON.parse(readFileSync(editorFiles, 'utf8'));
  if (!editorPart?.file || !Array.isArray(editorPart.modules) || editorPart.modules.length === 0) {
    throw new Error("post-build: editor/files.json names no file of the editor's part");
  }
  html = html
    .replaceAll('__EDITOR_JS__', js)
    .replaceAll('__EDITOR_WASM__', wasm)
    .replaceAll('__EDITOR_LOADER__', loader)
    .replaceAll('__EDITOR_PART_FILE__', editorPart.file)
    .replaceAll('__EDITOR_PART__', JSON.stringify(editorPart.modules));
}
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
if (!html.includes('__INLINE_SCRIPT_HASHES__')) throw new Error('post-build: CSP placeholder missing in index.html');
html = html.replace('__INLINE_SCRIPT_HASHES__', hashes.join(' '));
writeFileSync(indexPath, html);

const swPath = join(staging, 'sw.js');
if (!existsSync(swPath)) {
  console.log(`post-build: ${hashes.length} inline script hash(es); no service worker in this build`);
  process.exit(0);
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const files = walk(staging)
  .map((path) => relative(staging, path).split(sep).join('/'))
  .filter((name) => name !== 'sw.js')
  .sort();
const version = createHash('sha256');
for (const name of files) version.update(name).update(readFileSync(join(staging, name)));
// A page is cached under its folder's address, which is how it is opened.
const precache = files.map((f) => (f === 'index.html' ? './' : f.replace(/(^|\/)index\.html$/, '$1')));
const sw = readFileSync(swPath, 'utf8')
  .replace('__PRECACHE__', JSON.stringify(precache))
  .replace('__VERSION__', version.digest('hex').slice(0, 16));
writeFileSync(swPath, sw);
if (release) await minifyJs(swPath);
console.log(`post-build: ${hashes.length} inline script hash(es), ${files.length} files precached`);
