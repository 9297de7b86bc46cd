// Playback in Chromium: play moves the playhead, steps move exactly one event, the poll step lands
// on a poll_begin, the caption tells the event at the playhead, and at phone size the timeline and
// the playback bar are on screen. The page's trace is compared with the same run made by the
// JavaScript API in node.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, startSession, waitForRun } from './support/browser.mjs';
import { traceOf } from './support/trace.mjs';

let session;
let events;

before(async () => {
  session = await startSession();
  events = await traceOf('concurrent');
});
after(() => session?.close());

async function loaded(viewport) {
  const page = await openPage(session.browser, `${session.url}#v=1&example=concurrent`);
  if (viewport) await page.setViewportSize(viewport);
  assert.equal(await waitForRun(page), 'done');
  await page.waitForFunction(() => document.body.dataset.playhead !== undefined);
  return page;
}

const playhead = (page) => page.evaluate(() => Number(document.body.dataset.playhead));
const narration = (page) => page.locator('#narration').textContent();

/** Moves the playhead to event `i` with the arrow keys, one event per press. */
async function goTo(page, i) {
  const current = await playhead(page);
  for (let n = current; n < i; ++n) await page.keyboard.press('ArrowRight');
  for (let n = current; n > i; --n) await page.keyboard.press('ArrowLeft');
  assert.equal(await playhead(page), i);
}

test('the page plays the same trace as the API gives', async () => {
  const page = await loaded();
  assert.match(
    await page.locator('.playback-counter').textContent(),
    new RegExp(`/ ${events.length}$`),
  );
  assert.equal(await playhead(page), 0);
  assert.equal(await narration(page), 't = 0: the runtime starts on the virtual clock.');
  await page.close();
});

test('play advances the playhead and pause stops it', async () => {
  const page = await loaded();
  await page.selectOption('.playback-speed', '8');
  await page.click('.playback-play');
  await page.waitForFunction(() => Number(document.body.dataset.playhead) >= 5, null, {
    timeout: 5000,
  });
  await page.click('.playback-play');
  const paused = await playhead(page);
  await page.waitForTimeout(400);
  assert.equal(await playhead(page), paused, 'a paused playhead stays');
  assert.ok(paused >= 5 && paused < events.length - 1, `played to ${paused}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('next and previous move exactly one event, by button and by arrow key', async () => {
  const page = await loaded();
  for (let n = 1; n <= 6; ++n) {
    await page.click('.playback-next');
    assert.equal(await playhead(page), n);
  }
  await page.click('.playback-prev');
  assert.equal(await playhead(page), 5);
  await page.locator('#timeline canvas').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await playhead(page), 6);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await playhead(page), 4);
  assert.match(await page.locator('.playback-counter').textContent(), /^event 5 \//);
  await page.close();
});

test('the poll step lands on the next poll_begin, skipping none', async () => {
  const page = await loaded();
  let at = 0;
  for (let n = 0; n < 8; ++n) {
    await page.click('.playback-next-poll');
    const next = await playhead(page);
    assert.equal(events[next].kind, 'poll_begin', `event ${next} is ${events[next].kind}`);
    const skipped = events.slice(at + 1, next).filter((e) => e.kind === 'poll_begin');
    assert.deepEqual(skipped, [], 'no poll_begin in between');
    at = next;
  }
  await page.keyboard.press('ArrowUp');
  const back = await playhead(page);
  assert.equal(events[back].kind, 'poll_begin');
  assert.ok(back < at);
  await page.close();
});

test('the caption tells the event at the playhead', async () => {
  const page = await loaded();
  const name = new Map(events.filter((e) => e.kind === 'task_spawn').map((e) => [e.task, e.name]));
  const wake = events.findIndex(
    (e) => e.kind === 'waker_wake' && e.by === 'timer' && e.effect === 'scheduled',
  );
  const checks = [
    [
      events.findIndex((e) => e.kind === 'poll_begin'),
      (e) => `the executor takes task ${name.get(e.task)} from the run queue and polls it`,
    ],
    [
      events.findIndex((e) => e.kind === 'timer_arm'),
      (e) => `arms timer ${e.timer} for t = ${e.deadline / 1e6} ms (line ${e.line})`,
    ],
    [
      events.findIndex((e) => e.kind === 'poll_end' && e.result === 'pending'),
      (e) => `returned Poll::Pending at line ${e.line}`,
    ],
    [wake, (e) => `timer ${e.by_id} fired and woke task ${name.get(e.task)} (waiting at line `],
    [
      events.findIndex((e) => e.kind === 'park'),
      (e) => `the executor parks until t = ${e.until / 1e6} ms`,
    ],
  ];
  for (const [i, expected] of checks) {
    assert.ok(i > 0, 'the trace has the event');
    await goTo(page, i);
    const text = await narration(page);
    const t = events[i].t;
    assert.ok(text.startsWith(`t = ${t === 0 ? '0' : `${t / 1e6} ms`}: `), text);
    assert.ok(text.includes(expected(events[i])), `“${text}” tells ${events[i].kind}`);
  }
  // The wake's caption names the queue position its enqueue records.
  const enqueue = events.find((e) => e.kind === 'task_enqueue' && e.cause === events[wake].seq);
  const ahead = enqueue.depth - 1;
  await goTo(page, wake);
  assert.match(await narration(page), new RegExp(ahead === 0 ? 'first in line' : `${ahead} ahead`));
  await page.close();
});

test('the await line of the task at the playhead is lit in the source', async () => {
  const page = await loaded();
  const i = events.findIndex(
    (e) => e.kind === 'poll_end' && e.result === 'pending' && e.file === 'concurrent.cpp',
  );
  await goTo(page, i);
  assert.equal(
    await page.locator('.source-line.is-current').getAttribute('data-line'),
    String(events[i].line),
  );
  await page.close();
});

test('at phone size the timeline and the playback bar are on screen and drawn', async () => {
  const page = await loaded({ width: 390, height: 844 });
  const canvas = await page.locator('#timeline canvas').boundingBox();
  assert.ok(
    canvas.width >= 350 && canvas.height >= 250,
    `timeline ${canvas.width}x${canvas.height}`,
  );
  assert.ok(
    canvas.y >= 0 && canvas.y + canvas.height <= 844,
    'the timeline is in the first screen',
  );
  const play = await page.locator('.playback-play').boundingBox();
  assert.ok(play && play.y + play.height <= 844, 'play is in the first screen');
  const scrub = await page.locator('.playback-scrub').boundingBox();
  assert.ok(scrub.width >= 300, `scrub bar ${scrub.width} px wide`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling (${width})`);
  await page.click('.playback-next');
  assert.equal(await playhead(page), 1);
  await page.close();
});
