// embed.html honours every part of a share link a player can show, and names the one it cannot:
// `view` (the Share menu's iframe link carries it once the reader has zoomed) opens the player on
// that window, `at=seq:N` puts the playhead on that event (one the run lacks is named), `spread`
// lays the run out as the playground did, and `compare` (a second strategy: a player shows one
// run) is named and carried by the link out, which opens the playground on all of it. A program
// attribute that cannot be read is worded for the attribute, not for a link.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSession, waitForPlayer } from '../support/browser.mjs';
import { traceOf } from '../support/trace.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

const link = '#v=1&example=basic&strategy=local&steps=3&delay_ms=5&seed=1';

/** Opens embed.html at `fragment`; returns the page once the player's run has ended. */
async function openEmbed(fragment) {
  const page = await session.browser.newPage({ viewport: { width: 900, height: 500 } });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(`${session.url}embed.html${fragment}`);
  await waitForPlayer(page);
  await drawn(page);
  return page;
}

const drawn = (page) =>
  page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );

/** What the player shows: its messages, playhead, link out, axis labels and a canvas print. */
const shows = (page, id = 'player') =>
  page.evaluate((id) => {
    const player = document.getElementById(id);
    const root = player.shadowRoot;
    const canvas = root.querySelector('canvas.timeline-canvas');
    const data = canvas?.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    for (let i = 0; i < (data?.length ?? 0); ++i) hash = (hash * 31 + data[i]) | 0;
    return {
      state: player.state,
      messages: [...root.querySelectorAll('.player-messages li')].map((li) => li.textContent),
      playhead: player.playhead,
      open: root.querySelector('.player-open').getAttribute('href'),
      axis: (canvas?.dataset.axis ?? '').split('|'),
      picture: hash,
    };
  }, id);

/** An axis label in ns ("12 ms", "1.5 ms", "800 µs", "0"). */
function labelNs(label) {
  const match = /^(-?[\d.]+)\s*(s|ms|µs|us|ns)?$/.exec(label);
  assert.ok(match, `an axis label: ${label}`);
  const scale = { s: 1e9, ms: 1e6, µs: 1e3, us: 1e3, ns: 1 }[match[2] ?? 'ns'];
  return Number(match[1]) * scale;
}

test('embed.html opens on the link’s view window, and its link out keeps it', async () => {
  const whole = await shows(await openEmbed(link));
  // The window is on the layout axis: with spread=false that is virtual time itself.
  const page = await openEmbed(`${link}&spread=false&view=10ms..12ms`);
  const zoomed = await shows(page);
  assert.deepEqual(zoomed.messages, []);
  const times = zoomed.axis.map(labelNs);
  assert.ok(times.length >= 2, zoomed.axis.join(' '));
  assert.ok(
    times.every((ns) => ns >= 10e6 && ns <= 12e6),
    `the axis is within the window: ${zoomed.axis.join(' ')} (whole: ${whole.axis.join(' ')})`,
  );
  assert.match(zoomed.open, /[#&]view=10ms\.\.12ms(&|$)/);
  // With instants stretched (the default), the same window is another part of the picture.
  const stretched = await shows(await openEmbed(`${link}&view=10ms..12ms`));
  assert.notEqual(stretched.picture, whole.picture, 'a window, not the whole run');
  assert.deepEqual(stretched.messages, []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('embed.html puts the playhead on at=seq:N, and names an event the run lacks', async () => {
  const events = await traceOf('basic', { steps: 3, delay_ms: 5 });
  const seq = events[Math.floor(events.length / 2)].seq;
  const page = await openEmbed(`${link}&at=seq:${seq}`);
  const shown = await shows(page);
  assert.deepEqual(shown.messages, []);
  assert.equal(
    shown.playhead,
    events.findIndex((e) => e.seq === seq),
  );
  assert.match(shown.open, new RegExp(`[#&]at=seq:${seq}(&|$)`));
  await page.evaluate(() => (location.hash += '0000'));
  await page.waitForFunction(
    () => document.getElementById('player').shadowRoot.querySelector('.player-messages li'),
    null,
    { timeout: 20000 },
  );
  const missing = await shows(page);
  assert.deepEqual(missing.messages, [
    `link part at=seq:${seq}0000: this run has no event ${seq}0000 (it has ${events.length} events); the playhead is at its first event.`,
  ]);
  assert.equal(missing.playhead, 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('embed.html lays the run out as spread= says, and names compare= while its link out keeps it', async () => {
  const spread = await shows(await openEmbed(link));
  const page = await openEmbed(`${link}&spread=false`);
  const virtual = await shows(page);
  assert.deepEqual(virtual.messages, []);
  assert.notEqual(virtual.picture, spread.picture, 'pure virtual time draws another picture');
  assert.match(virtual.open, /[#&]spread=false(&|$)/);
  await page.evaluate(() => (location.hash += '&compare=tokio-multi-thread'));
  await page.waitForFunction(
    () => document.getElementById('player').shadowRoot.querySelector('.player-messages li'),
    null,
    { timeout: 20000 },
  );
  const compared = await shows(page);
  assert.equal(compared.state, 'done', 'the link’s own run is shown');
  assert.deepEqual(compared.messages, [
    'link part compare=tokio-multi-thread: an embedded player shows one run; “Open in Wakeline” shows the comparison.',
  ]);
  assert.match(compared.open, /[#&]compare=tokio-multi-thread(&|$)/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a program attribute that cannot be read is named as the attribute, not as a link', async () => {
  const page = await session.browser.newPage({ viewport: { width: 900, height: 900 } });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  const players = [
    ['empty', ''],
    ['alphabet', 'abc$def'],
    ['cut', 'abcde'],
  ]
    .map(
      ([id, value]) =>
        `<wakeline-player id="${id}" loading="eager" program="${value}"></wakeline-player>`,
    )
    .join('\n');
  await page.route(`${session.url}host.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body>${players}<script src="/wakeline-player.js"></script></body></html>`,
    }),
  );
  await page.goto(`${session.url}host.html`);
  for (const id of ['empty', 'alphabet', 'cut'])
    await page.waitForFunction((id) => document.getElementById(id).state === 'error', id, {
      timeout: 20000,
    });
  assert.deepEqual((await shows(page, 'empty')).messages, [
    'attribute program: The program is empty.',
  ]);
  assert.deepEqual((await shows(page, 'alphabet')).messages, [
    'attribute program: The program holds characters that base64url does not use; the attribute was changed or mangled.',
  ]);
  assert.deepEqual((await shows(page, 'cut')).messages, [
    'attribute program: The program is cut short: the attribute does not hold all of what the Share menu wrote.',
  ]);
  for (const id of ['empty', 'alphabet', 'cut'])
    assert.doesNotMatch((await shows(page, id)).messages.join('\n'), /link/i);
  assert.deepEqual(page.errors, []);
  await page.close();
});
