// Trunk post_build hook: runs in the staging folder of every build, before it becomes dist/.
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

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run by trunk only)');

const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
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
console.log(`post-build: ${hashes.length} inline script hash(es), ${files.length} files precached`);
