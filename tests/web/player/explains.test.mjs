// <wakeline-player> explains its run: the narration line tells the event at the playhead, the
// buttons and keys step by event and by poll, the speed plays a long run in about a minute, a
// compact legend names the marks, the keys it uses do not scroll the host page, and the JS
// surface (play, pause, seek; `playhead`, `runend`, `ended`) drives it from a post's script.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession, waitForPlayer } from '../support/browser.mjs';

const hostPage = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>body { margin: 0 } .tall { height: 3000px }</style></head><body>
<p>Before the player.</p>
<wakeline-player id="player" example="concurrent" strategy="local" params="tasks=3 steps=2" seed="7" height="420"></wakeline-player>
<div class="tall"></div>
<script src="/wakeline-player.js"></script>
<script>
  window.heard = { playhead: 0, runend: null, ended: 0, last: null };
  const player = document.getElementById('player');
  player.addEventListener('playhead', (event) => { ++heard.playhead; heard.last = event.detail; });
  player.addEventListener('runend', (event) => { heard.runend = event.detail; });
  player.addEventListener('ended', () => { ++heard.ended; });
</script>
</body></html>`;

async function hostWith(session, body = hostPage) {
  const page = await session.browser.newPage({ viewport: { width: 1000, height: 700 } });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  await page.route(`${session.url}host.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body }),
  );
  await page.goto(`${session.url}host.html`);
  assert.equal(await waitForPlayer(page), 'done');
  return page;
}

const inPlayer = (page, body, arg) =>
  page.evaluate(
    ([source, value]) => {
      const player = document.getElementById('player');
      return new Function('player', 'root', 'arg', source)(player, player.shadowRoot, value);
    },
    [body, arg],
  );

test('the player narrates the event at the playhead and steps by event and by poll', async () => {
  const session = await startSession();
  try {
    const page = await hostWith(session);
    const first = await inPlayer(
      page,
      `return {
        narration: root.querySelector('.player-narration').textContent,
        counter: root.querySelector('.player-counter').textContent,
        legend: [...root.querySelectorAll('.player-legend .legend:not(.legend-rest) .legend-item')].map((li) => li.dataset.mark),
        runend: window.heard.runend,
        speed: root.querySelector('.player-speed').value,
      };`,
    );
    assert.match(first.narration, /^t = 0: /);
    assert.match(first.counter, /^1 \/ \d+$/);
    assert.ok(first.legend.includes('pending') && first.legend.includes('ready'), first.legend);
    assert.ok(first.runend.events > 20 && first.runend.outcome === 'completed', first.runend);
    assert.equal(first.speed, '1', 'a short run plays at 1×');

    // Next event, then next poll: the narration follows, the poll step lands on a poll_begin.
    await page.locator('#player .player-next').click();
    const afterNext = await inPlayer(
      page,
      `return [player.playhead, root.querySelector('.player-narration').textContent];`,
    );
    assert.equal(afterNext[0], 1);
    assert.notEqual(afterNext[1], first.narration);
    await page.locator('#player .player-next-poll').click();
    const polled = await inPlayer(
      page,
      `return root.querySelector('.player-narration').textContent;`,
    );
    assert.match(polled, /poll/i);
    const atPoll = await inPlayer(page, 'return player.playhead;');
    assert.ok(atPoll > 1);
    await page.locator('#player .player-prev').click();
    assert.equal(await inPlayer(page, 'return player.playhead;'), atPoll - 1);
    assert.deepEqual(page.errors, []);
  } finally {
    await session.close();
  }
});

test('keys step the player and do not scroll the host page', async () => {
  const session = await startSession();
  try {
    const page = await hostWith(session);
    await page.locator('#player canvas.timeline-canvas').click({ position: { x: 5, y: 5 } });
    const start = await inPlayer(page, 'return player.playhead;');
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    const moved = await inPlayer(page, 'return player.playhead;');
    assert.ok(moved > start + 1, `${start} -> ${moved}`);
    await page.keyboard.press('End');
    const count = await inPlayer(page, 'return window.heard.runend.events;');
    assert.equal(await inPlayer(page, 'return player.playhead;'), count - 1);
    await page.keyboard.press('Home');
    assert.equal(await inPlayer(page, 'return player.playhead;'), 0);
    await page.keyboard.press(' ');
    assert.equal(await inPlayer(page, 'return player.playing;'), true);
    await page.keyboard.press(' ');
    assert.equal(await inPlayer(page, 'return player.playing;'), false);
    assert.equal(
      await page.evaluate(() => window.scrollY),
      scrollBefore,
      'the page did not scroll',
    );
    // Focus outside the player: the same keys are the page's again.
    await page.locator('p').first().click();
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => window.scrollY > 0);
    assert.deepEqual(page.errors, []);
  } finally {
    await session.close();
  }
});

test('play, pause and seek from a script, with playhead, runend and ended events', async () => {
  const session = await startSession();
  try {
    const page = await hostWith(session);
    const count = await inPlayer(page, 'return window.heard.runend.events;');
    // seek: by index, by time; the playhead event tells where it is.
    assert.equal(await inPlayer(page, 'return player.seek(5);'), 5);
    assert.equal(await inPlayer(page, 'return window.heard.last.event;'), 5);
    const at10 = await inPlayer(page, "return [player.seek('10ms'), window.heard.last.t];");
    assert.ok(at10[0] > 5 && at10[1] >= 10e6, JSON.stringify(at10));
    const bad = await inPlayer(
      page,
      "try { player.seek('soon'); return 'no'; } catch (e) { return e.name; }",
    );
    assert.equal(bad, 'RangeError');
    // Fast, to the end: `ended` once.
    await page.selectOption('#player >> .player-speed', '64');
    await inPlayer(page, 'player.seek(arg); player.play();', count - 6);
    assert.equal(await inPlayer(page, 'return player.playing;'), true);
    await page.waitForFunction(() => window.heard.ended === 1, null, { timeout: 5000 });
    assert.equal(await inPlayer(page, 'return player.playhead;'), count - 1);
    await inPlayer(page, 'player.play();');
    await inPlayer(page, 'player.pause();');
    assert.equal(await inPlayer(page, 'return player.playing;'), false);
    assert.deepEqual(page.errors, []);
  } finally {
    await session.close();
  }
});

test('a long run plays in about a minute; the speed attribute sets another', async () => {
  const session = await startSession();
  try {
    const body = hostPage.replace('params="tasks=3 steps=2"', 'params="tasks=12 steps=8"');
    const page = await hostWith(session, body);
    const { events, speed } = await inPlayer(
      page,
      "return { events: window.heard.runend.events, speed: Number(root.querySelector('.player-speed').value) };",
    );
    const seconds = events / (4 * speed);
    assert.ok(events > 400, `${events} events`);
    assert.ok(seconds <= 60 && seconds > 15, `${events} events at ${speed}× take ${seconds} s`);
    await inPlayer(page, "player.setAttribute('speed', '0.5');");
    assert.equal(await inPlayer(page, "return root.querySelector('.player-speed').value;"), '0.5');
    assert.deepEqual(page.errors, []);
  } finally {
    await session.close();
  }
});
