// The size budget (issue 8): what a first visit downloads — the editor's wasm, JS and CSS and
// the service worker, gzip -9 — stays under BUDGET_GZIP_BYTES. The supervisor's page, the tools
// worker and the editor's parts, fetched after it, are held at their sizes. Deterministic, so CI holds to them; timings are only
// reported (bench/run.mjs, docs/benchmarks.md). `./x test` builds the release dist/ first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DIST } from './harness.mjs';
import { transferSizes, editorPartSizes, BUDGET_GZIP_BYTES, EDITOR_PART_GZIP_BYTES, LATER_GZIP_BYTES } from '../../bench/sizes.mjs';

function listed(sizes) {
  return sizes.files.map((f) => `  ${f.name}: ${f.raw} bytes raw, ${f.gzip} gzip -9`).join('\n');
}

test('a first visit (wasm + JS + CSS + service worker, gzip -9) stays under its budget', (t) => {
  const sizes = transferSizes(DIST, { brotli: false });
  t.diagnostic(`${sizes.total.gzip} bytes gzip -9; budget ${BUDGET_GZIP_BYTES}`);
  assert.ok(
    sizes.total.gzip < BUDGET_GZIP_BYTES,
    `${sizes.total.gzip} bytes gzip -9 is over the budget of ${BUDGET_GZIP_BYTES} bytes:\n${listed(sizes)}\n` +
      'see which crates cost most with `node bench/wasm-contributors.mjs` (docs/benchmarks.md)',
  );
  // The first visit carries neither the importer nor the Word writer (the worker's) nor the
  // editor's parts fetched on first use.
  assert.ok(!sizes.files.some((f) => f.name.includes('worker') || f.name.includes('parts/')), listed(sizes));
  assert.ok(sizes.files.some((f) => /^editor\/nianbao-app-[0-9a-f]+_bg\.wasm$/.test(f.name)), listed(sizes));
});

test("opening the first draft adds the editor's part, held at its size", (t) => {
  const part = editorPartSizes(DIST, { brotli: false });
  t.diagnostic(`${part.total.gzip} bytes gzip -9; held at ${EDITOR_PART_GZIP_BYTES}`);
  assert.ok(part.files.some((f) => /^parts\/editor-part-[0-9a-f]+\.bin$/.test(f.name)), part.files.map((f) => f.name).join(', '));
  assert.ok(part.total.gzip < EDITOR_PART_GZIP_BYTES, `${part.total.gzip} bytes gzip -9 is over ${EDITOR_PART_GZIP_BYTES}`);
});

test('the supervisor page, the tools worker and the editor\'s parts, fetched later, do not grow past their sizes', (t) => {
  for (const [part, limit] of Object.entries(LATER_GZIP_BYTES)) {
    const sizes = transferSizes(join(DIST, part), { brotli: false });
    t.diagnostic(`${part}: ${sizes.total.gzip} bytes gzip -9; held at ${limit}`);
    assert.ok(sizes.total.gzip < limit, `${part}: ${sizes.total.gzip} bytes gzip -9 is over ${limit}:\n${listed(sizes)}`);
  }
});
