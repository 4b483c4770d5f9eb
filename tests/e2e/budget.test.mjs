// The size budget (issue 8): what a first visit downloads — the release build's wasm, JS and
// CSS, gzip -9 — is to stay under 350 KB. Deterministic, so CI holds to it; timings are only
// reported (bench/run.mjs, docs/benchmarks.md). `./x test` builds the release dist/ first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from './harness.mjs';
import { transferSizes, BUDGET_GZIP_BYTES } from '../../bench/sizes.mjs';

test('the release build (wasm + JS + CSS, gzip -9) is under the 350 KB budget', (t) => {
  const sizes = transferSizes(DIST, { brotli: false });
  const lines = sizes.files.map((f) => `  ${f.name}: ${f.raw} bytes raw, ${f.gzip} gzip -9`).join('\n');
  t.diagnostic(`${sizes.total.gzip} bytes gzip -9; budget ${BUDGET_GZIP_BYTES}`);
  assert.ok(
    sizes.total.gzip < BUDGET_GZIP_BYTES,
    `${sizes.total.gzip} bytes gzip -9 is over the budget of ${BUDGET_GZIP_BYTES} bytes:\n${lines}\n` +
      'see which crates cost most with `node bench/wasm-contributors.mjs` (docs/benchmarks.md)',
  );
});
