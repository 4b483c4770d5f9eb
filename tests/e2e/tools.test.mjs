// The editor's tools, which run in a worker outside the editor's download (issue 10): the 图解,
// drawn from the open report as it is edited and saved as SVG and as a PNG drawn through the
// browser's canvas; and the report as a Word document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { sharedBrowserAndSite, openEditor, requestCell } from './harness.mjs';

const env = sharedBrowserAndSite();

test('the figure follows the report and downloads as SVG and as a print-sized PNG', async () => {
  const { context, page, record } = await openEditor(env);
  try {
    await page.locator('[id="meta-agency"]').fill('沭阳县人民政府');
    await requestCell(page, '1', 'natural').fill('713');
    await requestCell(page, '2', 'natural').fill('36');
    await page.locator('button.show-figure').click();
    const figure = page.locator('.figure-panel .figure svg');
    await figure.waitFor();
    const text = await figure.textContent();
    assert.match(text, /沭阳县人民政府/);
    assert.match(text, /713/);
    assert.match(text, /36/);
    // Edited with the panel open: the figure follows.
    await requestCell(page, '1', 'natural').fill('714');
    await page.waitForFunction(() => document.querySelector('.figure svg')?.textContent.includes('714'));

    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.locator('button.download-svg').click()]);
    assert.match(svgDownload.suggestedFilename(), /^沭阳县人民政府-\d{4}-年报-图解\.svg$/);
    const svg = await readFile(await svgDownload.path(), 'utf8');
    assert.match(svg, /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /<script|href="http/);

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('button.download-png').click()]);
    assert.match(pngDownload.suggestedFilename(), /-图解\.png$/);
    const png = await readFile(await pngDownload.path());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, twice the figure's 794 × 1123 CSS pixels.
    assert.equal(png.readUInt32BE(16), 1588);
    assert.equal(png.readUInt32BE(20), 2246);
    assert.ok(png.length > 20_000, `a drawn page, not an empty one (${png.length} bytes)`);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the report downloads as a Word document with its three tables and merged headers', async () => {
  const { context, page, record } = await openEditor(env);
  try {
    await page.locator('[id="meta-agency"]').fill('沭阳县人民政府');
    await requestCell(page, '1', 'natural').fill('713');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.export-docx').click()]);
    assert.match(download.suggestedFilename(), /^沭阳县人民政府-\d{4}-年报\.docx$/);
    const path = await download.path();
    // Read as Word reads it: a zip with word/document.xml (Python's zipfile and XML parser).
    const facts = JSON.parse(
      execFileSync('python3', [
        '-c',
        [
          'import json, sys, zipfile, xml.dom.minidom as m',
          'z = zipfile.ZipFile(sys.argv[1])',
          'doc = m.parseString(z.read("word/document.xml"))',
          'W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
          'text = "".join(t.firstChild.data for t in doc.getElementsByTagNameNS(W, "t") if t.firstChild)',
          'footers = [n for n in z.namelist() if n.startswith("word/footer")]',
          'print(json.dumps({"tables": len(doc.getElementsByTagNameNS(W, "tbl")),',
          '  "spans": len(doc.getElementsByTagNameNS(W, "gridSpan")),',
          '  "merges": len(doc.getElementsByTagNameNS(W, "vMerge")),',
          '  "agency": "沭阳县人民政府" in text, "received": "713" in text,',
          '  "page_field": any(b"PAGE" in z.read(f) for f in footers)}))',
        ].join('\n'),
        path,
      ]).toString('utf8'),
    );
    assert.equal(facts.tables, 3);
    assert.ok(facts.spans > 5, `merged columns: ${facts.spans}`);
    assert.ok(facts.merges > 5, `merged rows: ${facts.merges}`);
    assert.ok(facts.agency && facts.received, JSON.stringify(facts));
    assert.ok(facts.page_field, 'page numbers in the footer');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});
