// Which path Chromium's compositing takes in the frames of typing, and what those frames cost
// (bench/goals-not-met.md, under Typing). A frame's layerization either runs in full
// (`PaintArtifactCompositor::Update`: the paint chunks sorted into layers again) or only
// repaints the layers it has; the full path runs when a paint chunk is added, removed or moved,
// or its bounds change.
//
//   node bench/frame-path.mjs            small pages beside the editor's typing in 三 and 一
//   NIANBAO_DIST=dir node bench/frame-path.mjs
//
// Each change gets a frame of its own (a frame, then a macrotask), so that the counts are per
// change. Unthrottled: the times are a trace's, so read them as shares, not as the keystroke's.
import { serveDist, launchBrowser, startBlankReport } from '../tests/e2e/harness.mjs';

const CHANGES = 40;
const TRACE_CATEGORIES = ['blink', 'cc', 'disabled-by-default-devtools.timeline'];

/** Pages of one element each, and tables of many, changed CHANGES times: what the browser does
 * with no app. */
const SMALL_PAGES = {
  'a div whose text grows': ['<div id="t"></div>', 'text'],
  'a div that clips its growing text (overflow: hidden)': ['<div id="t" style="width: 300px; height: 40px; overflow: hidden"></div>', 'text'],
  'the same text in a positioned box inside the clip': ['<div style="width: 300px; height: 40px; overflow: hidden"><div style="position: relative; height: 40px; background: #fff"><span id="t"></span></div></div>', 'text'],
  'a focused <input>, a character typed': ['<input id="t">', 'value'],
  'an <input> not focused, its value set': ['<input id="t" data-blurred>', 'value'],
  'a focused <textarea>, a character typed': ['<textarea id="t" rows="8" cols="60"></textarea>', 'value'],
  'a focused contenteditable, a character typed': ['<div id="t" contenteditable style="min-height: 40px"></div>', 'editing'],
  ...gridPages(),
  ...besideGridPages(),
};

/** A table of 22 × 8 cells, as large as table 三, one of its cells (`#t`) typed into: each cell
 * an input as the editor draws it (sized by its cell, `contain: size layout style`), a text box
 * (`contenteditable`) with and without that containment, or text with one input. */
function gridPages() {
  const table = (cell) => {
    const rows = Array.from({ length: 22 }, (_, r) => `<tr>${Array.from({ length: 8 }, (_, c) => `<td>${cell(r * c, r === 3 && c === 3 ? ' id="t"' : '')}</td>`).join('')}</tr>`);
    return '<style>td { border: 1px solid #888; padding: 0 } .c { display: block; width: 100%; min-height: 1.9rem; border: 0; padding: 0.3rem; box-sizing: border-box; font: inherit; text-align: center }</style>'
      + `<table style="border-collapse: collapse; width: 900px">${rows.join('')}</table>`;
  };
  const contained = 'contain: size layout style';
  return {
    'a grid of 176 inputs, contained': [table((v, id) => `<input class="c" style="${contained}"${id} value="${v}">`), 'value'],
    'a grid of 176 text boxes (contenteditable), contained': [table((v, id) => `<div class="c" style="${contained}" contenteditable="plaintext-only"${id}>${v}</div>`), 'editing'],
    'a grid of 176 text boxes, not contained': [table((v, id) => `<div class="c" contenteditable="plaintext-only"${id}>${v}</div>`), 'editing'],
    'a grid of text with one input': [table((v, id) => (id ? `<input class="c"${id} value="${v}">` : `<span class="c">${v}</span>`)), 'value'],
  };
}

/** A paragraph typed beside a table of 176 cells that do not change, the cells drawn as inputs
 * styled in the ways that could spare them a frame's paint and layerization, and as text: what
 * the grids' inputs cost the frames of typing elsewhere (a paragraph, another grid). */
function besideGridPages() {
  const cell = 'display: block; width: 100%; min-height: 1.9rem; border: 0; padding: 0.3rem; box-sizing: border-box; font: inherit; text-align: center';
  const contained = `${cell}; contain: size layout style`;
  const table = (draw) => {
    const rows = Array.from({ length: 22 }, (_, r) => `<tr>${Array.from({ length: 8 }, (_, c) => `<td style="border: 1px solid #888; padding: 0" data-v="${r * c}">${draw(r * c)}</td>`).join('')}</tr>`);
    return `<textarea id="t" rows="4" cols="60"></textarea><table style="border-collapse: collapse; width: 900px">${rows.join('')}</table>`;
  };
  const input = (style, more = '') => table((v) => `<input style="${style}"${more} value="${v}">`);
  return {
    'beside 176 inputs, contained (as the editor draws them)': [input(contained), 'value'],
    'beside 176 inputs, not contained': [input(cell), 'value'],
    'beside 176 inputs, read-only': [input(contained, ' readonly'), 'value'],
    'beside 176 inputs, pointer-events: none': [input(`${contained}; pointer-events: none`), 'value'],
    'beside 176 inputs, overflow: hidden': [input(`${contained}; overflow: hidden`), 'value'],
    'beside 176 inputs, contain: strict': [input(`${cell}; contain: strict`), 'value'],
    'beside 176 inputs, type=number': [input(contained, ' type="number"'), 'value'],
    'beside 176 inputs, content-visibility: hidden, the value shown by the cell (::after)': [
      '<style>td { position: relative } td::after { content: attr(data-v); position: absolute; inset: 0; pointer-events: none; display: flex; align-items: center; justify-content: center }</style>'
        + input(`${contained}; content-visibility: hidden`), 'value'],
    'beside 176 cells of text': [table((v) => `<span style="${cell}">${v}</span>`), 'value'],
  };
}

function countFrames(events) {
  const slices = events.filter((e) => e.ph === 'X' || e.ph === 'B');
  const of = (name) => slices.filter((e) => e.name === name);
  const perFrame = (name, frames) => of(name).reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000 / Math.max(frames, 1);
  const frames = of('LocalFrameView::pushPaintArtifactToCompositor').length;
  return {
    frames,
    full: of('PaintArtifactCompositor::Update').length,
    layerizeMs: perFrame('PaintArtifactCompositor::Update', frames),
    hitTestMs: perFrame('LayoutView::HitTest', frames),
    hitTests: of('LayoutView::HitTest').length,
    paintMs: perFrame('LocalFrameView::RunPaintLifecyclePhase', frames),
    frameMs: perFrame('ProxyMain::BeginMainFrame', frames),
  };
}

async function traced(browser, page, run) {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await run();
  return countFrames(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
}

async function smallPage(browser, html, change) {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  try {
    await page.setContent(`<!doctype html><meta charset="utf-8"><body>${html}<p>A line below.</p></body>`);
    return await traced(browser, page, () => page.evaluate(async ({ changes, change }) => {
      const target = document.getElementById('t');
      if (change !== 'text' && !('blurred' in target.dataset)) target.focus();
      for (let i = 0; i < changes; i++) {
        if (change === 'text') target.textContent += 'a';
        else if (change === 'value') target.value += 'a';
        else document.execCommand('insertText', false, 'a');
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }
    }, { changes: CHANGES, change }));
  } finally {
    await page.close();
  }
}

/** The editor, typed in as bench/typing.mjs types: a cell of 三 after another, then 一's text. */
async function editor(browser, site) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  try {
    await page.goto(site.url);
    await startBlankReport(page);
    await page.locator('.reading-status').waitFor({ state: 'hidden' });
    const result = {};
    for (const where of ['table', 'text', 'text beside grids of text']) {
      if (where === 'text beside grids of text') {
        // A bound: the grid's one input (in the cell last typed into) replaced by its text too.
        await page.evaluate(() => {
          for (const input of document.querySelectorAll('table.grid input.cell')) {
            const text = document.createElement('span');
            text.textContent = input.value;
            text.style.cssText = 'display: block; min-height: 1.9rem; text-align: center';
            input.replaceWith(text);
          }
        });
      }
      result[where] = await traced(browser, page, () => page.evaluate(async ({ changes, where }) => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const cells = [...document.querySelectorAll('table.grid-requests .cell:not([aria-readonly]):not([readonly])')].map((c) => c.id || c.closest('.grid-scroll').querySelector(':scope > input').id);
        const area = document.getElementById('section-overview');
        if (where !== 'table') area.focus();
        for (let i = 0; i < changes; i++) {
          if (where === 'table') {
            document.getElementById(cells[i % cells.length]).focus();
            await Promise.resolve(); // the grid's input takes the focus in a microtask
          }
          const input = where === 'table' ? document.activeElement : area;
          if (where === 'table') {
            input.value = String((i % 9) + 1);
          } else {
            input.value += '政';
          }
          input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: input.value.at(-1) }));
          await frame();
        }
      }, { changes: CHANGES, where }));
    }
    return result;
  } finally {
    await page.close();
  }
}

const line = (name, r) =>
  `${name}: ${r.full} of ${r.frames} frames laid into layers in full; per frame: the whole frame ${r.frameMs.toFixed(2)} ms, layerization ${r.layerizeMs.toFixed(2)} ms, ` +
  `paint phase ${r.paintMs.toFixed(2)} ms, hover hit tests ${r.hitTests} (${r.hitTestMs.toFixed(2)} ms)`;

const browser = await launchBrowser();
const site = await serveDist();
try {
  for (const [name, [html, change]] of Object.entries(SMALL_PAGES)) {
    console.log(line(name, await smallPage(browser, html, change)));
  }
  const typed = await editor(browser, site);
  console.log(line('the editor, a cell of 三 after another', typed.table));
  console.log(line('the editor, 一\'s text', typed.text));
  console.log(line('the editor, 一\'s text, the grids\' one input replaced by its text (a bound)', typed['text beside grids of text']));
} finally {
  await browser.close();
  await site.stop();
}
