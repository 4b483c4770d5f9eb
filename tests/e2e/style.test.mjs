// The screen's style sheet defines each selector once (outside @media blocks): a second rule for
// the same selector, further down, is how a fix gets silently overridden.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** The selectors of the top-level rules of a style sheet, in order, with repeats. */
export function topLevelSelectors(css) {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const selectors = [];
  let depth = 0;
  let prelude = '';
  for (const ch of text) {
    if (ch === '{') {
      if (depth === 0 && !prelude.trim().startsWith('@')) {
        selectors.push(...prelude.split(',').map((s) => s.trim().replace(/\s+/g, ' ')));
      }
      depth += 1;
      prelude = '';
    } else if (ch === '}') {
      depth -= 1;
      prelude = '';
    } else if (depth === 0) {
      prelude += ch;
    }
  }
  return selectors;
}

test('each selector of style/main.css has one rule', () => {
  const selectors = topLevelSelectors(readFileSync(new URL('../../style/main.css', import.meta.url), 'utf8'));
  assert.ok(selectors.length > 100, `${selectors.length} selectors read`);
  const repeated = selectors.filter((s, i) => selectors.indexOf(s) !== i);
  assert.deepEqual(repeated, []);
});

test('the check sees a repeated selector', () => {
  const selectors = topLevelSelectors('.a, .b { x: 1 } @media (max-width: 1px) { .a { x: 2 } } .b { y: 1 }');
  assert.deepEqual(selectors, ['.a', '.b', '.b']);
});
