// Guided tours: a <wakeline-player> reads its stops from a child <ol data-tour> (a list the post
// shows without JavaScript) or from an embed link's `tour` part, shows "2 / 5" with previous and
// next, and puts each stop's playhead, selection and window on its timeline; captions stay text.
// The playground's Tour menu adds stops at the view on screen, edits and reorders them, and
// writes the embed link and the element that carry them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, startSession, waitForPlayer, waitForRun } from '../support/browser.mjs';

const tourList = `<ol data-tour>
  <li data-at="seq:3">The root task is spawned &lt;b&gt;first&lt;/b&gt;.</li>
  <li data-at="seq:20" data-view="2ms..12ms" data-select="seq:20">A worker is polled.</li>
  <li data-at="10ms">At 10 ms the timers fire.</li>
  <li data-at="later">A stop with a bad playhead.</li>
</ol>`;

const hostPage = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<wakeline-player id="player" example="concurrent" strategy="local" params="tasks=3 steps=2" seed="7" height="420">
${tourList}
</wakeline-player>
<script src="/wakeline-player.js"></script>
</body></html>`;

const tourState = (page) =>
  page.evaluate(() => {
    const player = document.getElementById('player');
    const root = player.shadowRoot;
    const caption = root.querySelector('.tour-caption');
    return {
      shown: !root.querySelector('.player-tour').hidden,
      count: root.querySelector('.tour-count').textContent,
      caption: caption.textContent,
      captionElements: caption.children.length,
      prevDisabled: root.querySelector('.tour-prev').disabled,
      nextDisabled: root.querySelector('.tour-next').disabled,
      playhead: player.playhead,
      stop: player.stop,
      messages: [...root.querySelectorAll('.player-messages li')].map((li) => li.textContent),
    };
  });

test('a player reads its tour from a child list, shows 1 / 3, and steps through the stops', async () => {
  const session = await startSession();
  try {
    const page = await session.browser.newPage({ viewport: { width: 1000, height: 700 } });
    page.errors = [];
    page.on('pageerror', (error) => page.errors.push(error.message));
    await page.route(`${session.url}host.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: hostPage }),
    );
    // Without JavaScript the post shows the list itself.
    await page.route(`${session.url}wakeline-player.js`, (route) => route.abort(), { times: 1 });
    await page.goto(`${session.url}host.html`);
    const readable = await page.evaluate(() => document.querySelector('ol[data-tour]').innerText);
    assert.match(readable, /The root task is spawned <b>first<\/b>\./);
    await page.unroute(`${session.url}wakeline-player.js`);
    await page.reload();
    assert.equal(await waitForPlayer(page), 'done');
    const first = await tourState(page);
    assert.equal(first.shown, true);
    assert.equal(first.count, '1 / 3');
    assert.equal(first.caption, 'The root task is spawned <b>first</b>.');
    assert.equal(first.captionElements, 0, 'the caption is text');
    assert.equal(first.playhead, 2, 'seq:3 is the third event');
    assert.equal(first.prevDisabled, true);
    assert.ok(
      first.messages.some((m) => /Tour stop 4: the playhead "later"/.test(m)),
      first.messages,
    );
    let stops = 0;
    await page.evaluate(() =>
      document.getElementById('player').addEventListener('stop', () => ++window.stops),
    );
    await page.evaluate(() => (window.stops = 0));
    await page.locator('#player .tour-next').click();
    const second = await tourState(page);
    assert.equal(second.count, '2 / 3');
    assert.equal(second.caption, 'A worker is polled.');
    assert.equal(second.playhead, 19);
    const view = await page.evaluate(() => {
      const canvas = document.getElementById('player').shadowRoot.querySelector('.timeline-canvas');
      return canvas.dataset.axis;
    });
    assert.match(view, /2 ms|4 ms/, `the stop's window is shown (${view})`);
    await page.locator('#player .tour-next').click();
    const third = await tourState(page);
    assert.equal(third.count, '3 / 3');
    assert.equal(third.nextDisabled, true);
    const t = await page.evaluate(() => {
      const player = document.getElementById('player');
      return new Promise((resolve) => {
        player.addEventListener('playhead', (e) => resolve(e.detail.t), { once: true });
        player.seek(player.playhead + 1);
      });
    });
    assert.ok(t >= 10e6, `the third stop is at 10 ms (${t})`);
    stops = await page.evaluate(() => window.stops);
    assert.equal(stops, 2);
    assert.equal(await page.evaluate(() => document.getElementById('player').goToStop(0)), true);
    assert.equal((await tourState(page)).count, '1 / 3');
    assert.deepEqual(page.errors, []);
  } finally {
    await session.close();
  }
});

test('the playground authors a tour that an embed link carries to embed.html', async () => {
  const session = await startSession();
  try {
    const caption = (text) => encodeURIComponent(text);
    const link = `${session.url}index.html#v=1&example=concurrent&strategy=local&tasks=3&seed=7&tour=seq:3,,,${caption('First, <i>the root</i>.')}|seq:9,,,${caption('Then task 1.')}`;
    const page = await openPage(session.browser, link);
    await waitForRun(page);
    // The tour went to the editor; the page's link is the scenario.
    assert.doesNotMatch(await page.evaluate(() => location.hash), /tour=/);
    assert.equal(await page.locator('#tour-menu > summary').textContent(), 'Tour (2)');
    await page.locator('#tour-menu > summary').click();
    // A third stop at the playhead, its caption edited; then moved first.
    await page.evaluate(() => {
      document.body.focus();
    });
    await page.locator('#tour-menu .tour-add').click();
    assert.equal(await page.locator('#tour-menu .tour-stop').count(), 3);
    const narrated = await page.locator('#tour-menu .tour-caption-field').nth(2).inputValue();
    assert.match(narrated, /^t = /, 'a new stop starts with the narration');
    await page.locator('#tour-menu .tour-caption-field').nth(2).fill('Start: the runtime starts.');
    await page.locator('#tour-menu .tour-up').nth(2).click();
    await page.locator('#tour-menu .tour-up').nth(1).click();
    const captions = await page
      .locator('#tour-menu .tour-caption-field')
      .evaluateAll((nodes) => nodes.map((n) => n.value));
    assert.deepEqual(captions, [
      'Start: the runtime starts.',
      'First, <i>the root</i>.',
      'Then task 1.',
    ]);
    const embedLink = await page.locator('#tour-menu .tour-link').inputValue();
    assert.match(embedLink, /embed\.html#v=1&example=concurrent.*&tour=seq:\d+,/);
    const snippet = await page.locator('#tour-menu .tour-snippet').inputValue();
    assert.match(snippet, /<ol data-tour>/);
    assert.match(snippet, /First, &lt;i&gt;the root&lt;\/i&gt;\./);
    assert.deepEqual(page.errors, []);

    const embed = await openPage(session.browser, embedLink);
    assert.equal(await waitForPlayer(embed), 'done');
    const shown = await tourState(embed);
    assert.equal(shown.count, '1 / 3');
    assert.equal(shown.caption, 'Start: the runtime starts.');
    await embed.locator('#player .tour-next').click();
    const next = await tourState(embed);
    assert.equal(next.caption, 'First, <i>the root</i>.');
    assert.equal(next.captionElements, 0);
    assert.equal(next.playhead, 2);
    assert.deepEqual(next.messages, []);
    assert.deepEqual(embed.errors, []);
  } finally {
    await session.close();
  }
});
