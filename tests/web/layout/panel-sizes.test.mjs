// The page's panels at 1440x900 (issue 18, item 2): the source fits 80 columns by default, the
// timeline is as tall as its lanes (no empty third under them), the splitters resize the columns
// and the timeline and the sizes come back on the next visit, and a long highlighted line is
// scrolled into view sideways.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSession, waitForRun } from '../support/browser.mjs';
import { lanesOf } from '../support/canvas.mjs';
import { traceOf } from '../support/trace.mjs';

let session;

before(async () => {
  session = await startSession();
});
after(() => session?.close());

async function open(hash, viewport = { width: 1440, height: 900 }) {
  const page = await session.browser.newPage({ viewport });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(session.url + hash);
  assert.equal(await waitForRun(page), 'done');
  return page;
}

/** The source view's room for code (its width less the line numbers) and its character width. */
const sourceMetrics = (page) =>
  page.evaluate(() => {
    const view = document.getElementById('source-view');
    const row = view.querySelector('.source-line');
    const code = row.lastElementChild;
    return {
      room: view.clientWidth - row.firstElementChild.getBoundingClientRect().width,
      charWidth: code.getBoundingClientRect().width / code.textContent.length,
      width: view.clientWidth,
    };
  });

test('at 1440 px the source fits 80 columns and the timeline is as tall as its lanes', async () => {
  const page = await open('#v=1&example=basic');
  const { room, charWidth } = await sourceMetrics(page);
  assert.ok(room >= 80 * charWidth, `${(room / charWidth).toFixed(1)} columns of code`);
  const canvas = await page.locator('#timeline canvas').boundingBox();
  const lanes = [...(await lanesOf(page)).values()];
  const bottom = Math.max(...lanes.map((lane) => lane.top + lane.height));
  assert.ok(
    canvas.height - bottom <= 16,
    `${canvas.height - bottom} px empty under the lanes of a ${canvas.height} px timeline`,
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the splitters resize the panels, and the sizes are remembered', async () => {
  const page = await open('#v=1&example=basic');
  const width = (selector) =>
    page.locator(selector).evaluate((n) => n.getBoundingClientRect().width);
  const height = (selector) =>
    page.locator(selector).evaluate((n) => n.getBoundingClientRect().height);
  const side = await width('.side-panel');
  const inspect = await width('.inspect-panel');
  const timeline = await height('#timeline');

  const drag = async (selector, dx, dy) => {
    const box = await page.locator(selector).boundingBox();
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx / 2, y + dy / 2);
    await page.mouse.move(x + dx, y + dy);
    await page.mouse.up();
  };
  await drag('#splitter-side', 100, 0);
  await drag('#splitter-inspect', -60, 0);
  await drag('#splitter-timeline', 0, 90);
  const resized = {
    side: await width('.side-panel'),
    inspect: await width('.inspect-panel'),
    timeline: await height('#timeline'),
  };
  assert.ok(Math.abs(resized.side - side - 100) <= 2, `side ${side} -> ${resized.side}`);
  assert.ok(
    Math.abs(resized.inspect - inspect - 60) <= 2,
    `inspect ${inspect} -> ${resized.inspect}`,
  );
  assert.ok(
    Math.abs(resized.timeline - timeline - 90) <= 2,
    `timeline ${timeline} -> ${resized.timeline}`,
  );

  await page.reload();
  assert.equal(await waitForRun(page), 'done');
  assert.ok(
    Math.abs((await width('.side-panel')) - resized.side) <= 1,
    `the side width came back (${await width('.side-panel')} for ${resized.side}; ${await page.evaluate(() => localStorage.getItem('wakeline.panels'))})`,
  );
  assert.ok(Math.abs((await width('.inspect-panel')) - resized.inspect) <= 1);
  assert.ok(Math.abs((await height('#timeline')) - resized.timeline) <= 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a highlighted line longer than the panel shows is scrolled into view sideways', async () => {
  // main awaits the coroutine twin at line 99: 87 columns, indented by 4.
  const events = await traceOf('state-machine');
  const i = events.findIndex((e) => e.kind === 'poll_end' && e.task === 1 && e.line === 99);
  assert.ok(i > 0, 'main waits at line 99');
  const page = await open('#v=1&example=state-machine');
  const line = await page
    .locator('.source-line[data-line="99"] code')
    .evaluate((code) => code.textContent);
  const indent = line.length - line.trimStart().length;
  // Make the panel two columns narrower than the line, so that the line fits only scrolled.
  const { width, charWidth } = await sourceMetrics(page);
  const gutter = await page
    .locator('.source-line-number')
    .first()
    .evaluate((n) => n.getBoundingClientRect().width);
  const target = gutter + (line.length - 2) * charWidth;
  const side = await page.locator('.side-panel').evaluate((n) => n.getBoundingClientRect().width);
  await page.evaluate((sizes) => localStorage.setItem('wakeline.panels', JSON.stringify(sizes)), {
    side: Math.round(side + (width - target)),
  });
  await page.reload();
  assert.equal(await waitForRun(page), 'done');
  await page.locator('#timeline canvas').focus();
  for (let n = 0; n < i; ++n) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(
    () => document.querySelector('.source-line.is-current')?.dataset.line === '99',
  );
  await page.waitForTimeout(600);
  const shown = await page.evaluate((indentChars) => {
    const view = document.getElementById('source-view');
    const row = view.querySelector('.source-line.is-current');
    const code = row.lastElementChild;
    const box = view.getBoundingClientRect();
    const rect = code.getBoundingClientRect();
    const charWidth = rect.width / code.textContent.length;
    const gutter = row.firstElementChild.getBoundingClientRect().width;
    return {
      textLeft: rect.left + indentChars * charWidth - (box.left + gutter),
      textRight: box.left + view.clientWidth - rect.right,
      scrollLeft: view.scrollLeft,
    };
  }, indent);
  assert.ok(shown.textLeft >= -1, `the start of the line is in view (${JSON.stringify(shown)})`);
  assert.ok(shown.textRight >= -1, `the end of the line is in view (${JSON.stringify(shown)})`);
  assert.ok(shown.scrollLeft > 0, 'the panel scrolled sideways');
  assert.deepEqual(page.errors, []);
  await page.close();
});
