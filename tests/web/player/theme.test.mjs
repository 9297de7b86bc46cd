// The player's theme: `theme="light"` on a light-only blog stays light when the reader's system is
// dark, `dark` stays dark on a light one, `auto` follows the reader's setting (and its changes);
// a bad value is named and the reader's setting used. embed.html takes the same as `theme=` in
// its link. The canvas is what is compared: its background pixel, light or dark.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession, waitForPlayer } from '../support/browser.mjs';
import { playerLooks } from '../support/player-looks.mjs';

const hostPage = (attributes) => `<!doctype html><html><head><meta charset="utf-8">
<link rel="icon" href="data:,"></head><body>
<wakeline-player id="player" example="concurrent" strategy="local" params="tasks=3 steps=2" seed="7" loading="eager" ${attributes}></wakeline-player>
<script src="/wakeline-player.js"></script>
</body></html>`;

/** Waits until the player looks as `expected` (a change of theme draws in a later frame). */
async function looksLike(page, expected) {
  const deadline = Date.now() + 5000;
  let shown = await playerLooks(page);
  while (JSON.stringify(shown) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    shown = await playerLooks(page);
  }
  assert.deepEqual(shown, expected);
}

async function open(session, colorScheme, url, body) {
  const page = await session.browser.newPage({ colorScheme });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  if (body) {
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body }));
  }
  await page.goto(url);
  assert.equal(await waitForPlayer(page), 'done');
  return page;
}

test('theme="light" stays light for a dark reader, "dark" stays dark for a light one, "auto" follows', async () => {
  const session = await startSession();
  const url = `${session.url}host.html`;
  try {
    const light = await open(session, 'dark', url, hostPage('theme="light"'));
    await looksLike(light, { canvas: 'light', frame: 'light', messages: [] });
    // Changed on the shown run: no new run, the palette follows.
    await light.evaluate(() => document.getElementById('player').setAttribute('theme', 'auto'));
    await looksLike(light, { canvas: 'dark', frame: 'dark', messages: [] });
    await light.emulateMedia({ colorScheme: 'light' });
    await looksLike(light, { canvas: 'light', frame: 'light', messages: [] });
    assert.deepEqual(light.errors, []);
    await light.close();

    const dark = await open(session, 'light', url, hostPage('theme="dark"'));
    await looksLike(dark, { canvas: 'dark', frame: 'dark', messages: [] });
    await dark.evaluate(() =>
      document.getElementById('player').setAttribute('theme', '<b>sepia</b>'),
    );
    await looksLike(dark, {
      canvas: 'light',
      frame: 'light',
      messages: [
        'attribute theme="<b>sepia</b>": not light, dark or auto; the reader\'s setting (light) is used.',
      ],
    });
    assert.deepEqual(dark.errors, []);
    await dark.close();
  } finally {
    await session.close();
  }
});

test('embed.html takes theme= from its link', async () => {
  const session = await startSession();
  try {
    const link = `${session.url}embed.html#v=1&example=concurrent&tasks=3&seed=2`;
    const light = await open(session, 'dark', `${link}&theme=light`);
    await looksLike(light, { canvas: 'light', frame: 'light', messages: [] });
    // The frame's own page follows the player's theme too.
    assert.equal(
      await light.evaluate(() => getComputedStyle(document.documentElement).colorScheme),
      'light',
    );
    await light.close();
    const dark = await open(session, 'light', `${link}&theme=dark`);
    await looksLike(dark, { canvas: 'dark', frame: 'dark', messages: [] });
    await dark.close();
    const bad = await open(session, 'light', `${link}&theme=blue`);
    const shown = await playerLooks(bad);
    assert.equal(shown.canvas, 'light');
    // Named as the link's part, not as an attribute.
    assert.match(shown.messages.join('\n'), /^link part theme=blue: not light, dark or auto/m);
    await bad.close();
  } finally {
    await session.close();
  }
});

test("steal arrows are not drawn in the playhead's orange, in either theme", async () => {
  const session = await startSession();
  try {
    const page = await open(session, 'light', `${session.url}host.html`, hostPage('theme="light"'));
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => document.getElementById('player').setAttribute('theme', t), theme);
      const colours = await page.evaluate(() => {
        const style = getComputedStyle(
          document.getElementById('player').shadowRoot.querySelector('.timeline'),
        );
        const read = (name) => style.getPropertyValue(`--tl-${name}`).trim().toLowerCase();
        return { steal: read('steal'), playhead: read('playhead'), pending: read('pending') };
      });
      assert.notEqual(colours.steal, colours.playhead, `${theme}: ${JSON.stringify(colours)}`);
      assert.notEqual(colours.steal, colours.pending, `${theme}: ${JSON.stringify(colours)}`);
    }
    await page.close();
  } finally {
    await session.close();
  }
});
