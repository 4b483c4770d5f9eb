// The size budget (issue 8): what a first visit downloads — the release build's wasm, JS and
// CSS, gzip -9 — is to stay under 350 KB. Deterministic, so CI holds to it (through a ratchet
// while the app is over it); timings are only reported (bench/run.mjs, docs/benchmarks.md).
// `./x test` builds the release dist/ first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from './harness.mjs';
import { transferSizes, BUDGET_GZIP_BYTES, RATCHET_GZIP_BYTES } from '../../bench/sizes.mjs';

// The app is over its 350 KB budget today (367.7 KB on 2026-11-29): CI holds the ratchet, which
// stops any growth, and says how far the build is from the budget.
test('the release build (wasm + JS + CSS, gzip -9) does not grow past the ratchet towards the 350 KB budget', (t) => {
  const sizes = transferSizes(DIST, { brotli: false });
  const lines = sizes.files.map((f) => `  ${f.name}: ${f.raw} bytes raw, ${f.gzip} gzip -9`).join('\n');
  const limit = RATCHET_GZIP_BYTES;
  t.diagnostic(
    `${sizes.total.gzip} bytes gzip -9; budget ${BUDGET_GZIP_BYTES}` +
      (sizes.total.gzip > BUDGET_GZIP_BYTES ? `, over it by ${sizes.total.gzip - BUDGET_GZIP_BYTES}` : ', within it'),
  );
  assert.ok(
    sizes.total.gzip < limit,
    `${sizes.total.gzip} bytes gzip -9 is over the ratchet of ${limit} bytes:\n${lines}\n` +
      'see which crates cost most with `node bench/wasm-contributors.mjs` (docs/benchmarks.md)',
  );
});
