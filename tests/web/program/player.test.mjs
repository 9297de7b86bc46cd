// <wakeline-player> and embed.html with a program of the language (issue 17): inline in a <pre>
// on a host page served with the strict policy, or in the link's `program` part; shown under
// the timeline, read-only, with the current line highlighted and a link that opens it in the
// playground. A cut program link runs nothing and says why.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { encodeProgram } from '../../../web/app/program/program-link.js';
import { startSession, waitForPlayer, watchedPage } from '../support/browser.mjs';

let session;
let policy;
before(async () => {
  session = await startSession();
  policy = (await fetch(session.url)).headers.get('content-security-policy');
});
after(() => session?.close());

const program = `use std::time::Duration;
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    sleep(Duration::from_millis(3)).await;
    println!("a < b && c > d");
}
`;

/** The host page: a post with the program inline, readable without JavaScript. */
function hostPage(text) {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="wakeline-player.js"></script></head><body><h1>A post</h1>
<wakeline-player id="player" strategy="tokio-current-thread" name="post.rs"><pre>${escaped}</pre></wakeline-player>
</body></html>`;
}

test('a player with an inline program runs it and shows it, under the page policy', async () => {
  const page = await watchedPage(session.browser);
  await page.route(`${session.url}post.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': policy },
      body: hostPage(program),
    }),
  );
  await page.goto(`${session.url}post.html`);
  assert.equal(await waitForPlayer(page), 'done');
  const shown = await page.evaluate(() => {
    const root = document.getElementById('player').shadowRoot;
    return {
      name: root.querySelector('.player-program .source-file-name')?.textContent,
      lines: [...root.querySelectorAll('.player-program .source-line code')].map(
        (c) => c.textContent,
      ),
      open: root.querySelector('.player-open').href,
      openText: root.querySelector('.player-open').textContent,
      status: root.querySelector('.player-status').textContent,
    };
  });
  assert.equal(shown.name, 'post.rs');
  assert.equal(shown.lines.join('\n'), program.replace(/\n$/, ''));
  assert.equal(shown.openText, 'Open in playground');
  assert.match(
    shown.open,
    /index\.html#v=1&.*strategy=tokio-current-thread.*&program=[A-Za-z0-9_-]+$/,
  );
  assert.match(shown.status, /post\.rs · \d+ events/);
  // Playing moves the highlight to the program's lines.
  await page.evaluate(() =>
    document.getElementById('player').shadowRoot.querySelector('.player-play').click(),
  );
  await page.waitForFunction(
    () =>
      document.getElementById('player').shadowRoot.querySelector('.player-program .is-current') !==
      null,
  );
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('embed.html runs the program its link carries; a cut one runs nothing and says so', async () => {
  const encoded = await encodeProgram(program);
  const page = await watchedPage(session.browser);
  await page.goto(`${session.url}embed.html#v=1&example=new&program=${encoded}`);
  assert.equal(await waitForPlayer(page), 'done');
  const lines = await page.evaluate(
    () =>
      document.getElementById('player').shadowRoot.querySelectorAll('.player-program .source-line')
        .length,
  );
  assert.equal(lines, program.split('\n').length - 1);
  await page.goto(`${session.url}embed.html#v=1&example=new&program=${encoded.slice(0, -6)}`);
  await page.reload();
  assert.equal(await waitForPlayer(page), 'error');
  const messages = await page.evaluate(
    () =>
      document.getElementById('player').shadowRoot.querySelector('.player-messages').textContent,
  );
  assert.match(messages, /program: The link’s program is (damaged or cut short|cut short)/);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
});
