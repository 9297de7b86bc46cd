// The page's one frame loop (web/app/frame-scheduler.js): no other module of web/app asks the
// browser for animation frames, and the scheduler runs what was asked for before a frame in one
// browser frame, in order, with what is asked for meanwhile in the next one. Under node, with a
// stand-in for the browser's requestAnimationFrame.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filesMatching } from './support/app-sources.mjs';

test('only frame-scheduler.js calls requestAnimationFrame or cancelAnimationFrame', async () => {
  assert.deepEqual(await filesMatching(/\b(request|cancel)AnimationFrame\b/), [
    'frame-scheduler.js',
  ]);
});

// A browser stand-in: frames run when the test says so.
const browser = { next: new Map(), id: 0, frames: 0 };
globalThis.requestAnimationFrame = (callback) => {
  browser.next.set(++browser.id, callback);
  return browser.id;
};
globalThis.cancelAnimationFrame = (id) => browser.next.delete(id);
const reported = [];
globalThis.reportError = (error) => reported.push(error);
function runBrowserFrame(now) {
  const due = [...browser.next.values()];
  browser.next.clear();
  ++browser.frames;
  for (const callback of due) callback(now);
}

const { cancelFrame, requestFrame } = await import('../../web/app/frame-scheduler.js');

test('requests made before a frame share one browser frame and run in order', () => {
  const seen = [];
  requestFrame((now) => seen.push(['timeline', now]));
  requestFrame((now) => seen.push(['table', now]));
  requestFrame((now) => seen.push(['clock', now]));
  assert.equal(browser.next.size, 1, 'one browser frame asked for');
  runBrowserFrame(16);
  assert.deepEqual(seen, [
    ['timeline', 16],
    ['table', 16],
    ['clock', 16],
  ]);
  assert.equal(browser.next.size, 0);
});

test('a request made during a frame runs in the next one', () => {
  const seen = [];
  requestFrame(() => {
    seen.push('first');
    requestFrame(() => seen.push('again'));
  });
  runBrowserFrame(32);
  assert.deepEqual(seen, ['first']);
  assert.equal(browser.next.size, 1);
  runBrowserFrame(48);
  assert.deepEqual(seen, ['first', 'again']);
});

test('a cancelled request does not run, and with none left no frame is asked for', () => {
  const seen = [];
  const a = requestFrame(() => seen.push('a'));
  const b = requestFrame(() => seen.push('b'));
  cancelFrame(a);
  assert.equal(browser.next.size, 1, 'b still waits');
  cancelFrame(b);
  assert.equal(browser.next.size, 0, 'the browser frame is withdrawn');
  // Withdrawn by an earlier callback of the same frame.
  let c = 0;
  requestFrame(() => cancelFrame(c));
  c = requestFrame(() => seen.push('c'));
  runBrowserFrame(64);
  assert.deepEqual(seen, []);
});

test('a callback that throws is reported and the others still run', () => {
  const seen = [];
  requestFrame(() => {
    throw new Error('broken');
  });
  requestFrame(() => seen.push('after'));
  runBrowserFrame(80);
  assert.deepEqual(seen, ['after']);
  assert.equal(reported.length, 1);
  assert.equal(reported[0].message, 'broken');
});
