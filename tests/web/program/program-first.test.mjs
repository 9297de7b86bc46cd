// An example with a program opens on its program (issue 17): the .rs shows highlighted at once,
// the first timeline comes from the C++ run (the same story) before the language is asked for,
// then the program's own run takes its place with the playhead on the same moment. A link
// without a program still opens the C++ view, its event numbers those of the C++ run.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSession, waitForRun, watchedPage } from '../support/browser.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

/**
 * The narration without line numbers and task numbers (the C++ names its workers `worker 4`,
 * the program after their async fn, `worker`).
 */
const story = (text) => text.replace(/ at line \d+/g, '').replace(/ worker \d+/g, ' worker');

test('a first visit shows concurrent.rs and draws the C++ run before loading the language', async () => {
  const page = await watchedPage(session.browser);
  const requests = [];
  page.on('request', (request) => requests.push({ url: request.url(), at: Date.now() }));
  // The language arrives late: the C++ run's timeline is on screen meanwhile.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/wakeline-full.mjs', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(session.url);
  await page.waitForSelector('canvas[data-first-timeline]');
  assert.equal(await page.evaluate(() => document.body.dataset.source), 'rust');
  assert.equal(await page.getAttribute('#source-rust', 'aria-pressed'), 'true');
  assert.match(await page.textContent('#program-plain'), /async fn main/);
  assert.ok((await page.locator('#program-plain .tok-keyword').count()) > 5);
  await page.waitForFunction(() => document.body.dataset.programRun === 'preview');
  assert.match(await page.textContent('#program-message'), /C\+\+ run for now/);
  const firstTimeline = await page.evaluate(
    () =>
      performance.timeOrigin + performance.getEntriesByName('wakeline:first-timeline')[0].startTime,
  );
  const full = requests.filter((request) => /wakeline-full\.(mjs|wasm)/.test(request.url));
  assert.ok(
    full.every((request) => request.at >= firstTimeline - 5),
    'the full module is asked for only after the first timeline',
  );

  // The reader steps while the language loads; the program's run keeps the moment.
  await page.waitForFunction(() => document.body.dataset.runState === 'done');
  await page.focus('.timeline-canvas');
  for (let i = 0; i < 12; ++i) await page.keyboard.press('ArrowRight');
  const before = story(await page.textContent('#narration'));
  release();
  await page.waitForFunction(() => document.body.dataset.programRun === 'program');
  assert.equal(await waitForRun(page), 'done');
  assert.equal(story(await page.textContent('#narration')), before);
  await page.waitForFunction(() => location.hash.includes('&program='));
  assert.equal(await page.textContent('#program-message'), '');
  // The program's lines light up now.
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('#program-editor[data-ready="true"]');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
});

test('a link without a program opens the C++ view on the C++ run’s event', async () => {
  const page = await watchedPage(session.browser);
  await page.goto(`${session.url}#v=1&example=concurrent&strategy=local&at=seq:35`);
  assert.equal(await waitForRun(page), 'done');
  assert.equal(await page.evaluate(() => document.body.dataset.source), 'cpp');
  assert.equal(await page.evaluate(() => document.body.dataset.programRun), 'none');
  await page.waitForFunction(() => document.body.dataset.playhead === '34');
  assert.match(location(await page.url()), /at=seq:35/);
  assert.doesNotMatch(location(await page.url()), /program=/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a reload of the program’s link runs the program, at the link’s event', async () => {
  const page = await watchedPage(session.browser);
  await page.goto(session.url);
  await page.waitForFunction(() => document.body.dataset.programRun === 'program');
  await waitForRun(page);
  await page.focus('.timeline-canvas');
  for (let i = 0; i < 20; ++i) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.includes('at=seq:21'));
  const narration = await page.textContent('#narration');
  await page.reload();
  assert.equal(await waitForRun(page), 'done');
  await page.waitForFunction(() => document.body.dataset.programRun === 'program');
  await page.waitForFunction(() => document.body.dataset.playhead === '20');
  assert.equal(await page.textContent('#narration'), narration);
  assert.deepEqual(page.errors, []);
  await page.close();
});

function location(url) {
  return new URL(url).hash;
}
