// docs/embedding.md's recipes on a host page on another origin served with exactly the policy
// the page gives (read from it): the iframe snippet, the element, and the element written by
// the Hugo shortcode and by the Jekyll include, expanded for a call by a small expander of the
// forms they use (Hugo and Jekyll themselves are not run here). Each passes the embed's theme,
// selection and language through, as the Share menu writes them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { iframeSnippet } from '../../../web/app/share/share-menu.js';
import { startBlog } from '../support/blog-host.mjs';
import { startSession, waitForPlayer, watchedPage } from '../support/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const doc = readFileSync(path.join(repo, 'docs/embedding.md'), 'utf8');
const read = (file) => readFileSync(path.join(repo, 'docs/embedding', file), 'utf8');

/** The policy under `<!-- policy: NAME -->` in docs/embedding.md, for the site at `origin`. */
function policy(name, origin) {
  const match = new RegExp(`<!-- policy: ${name} -->\\n\`\`\`\\n([^\\n]+)\\n\`\`\``).exec(doc);
  assert.ok(match, `docs/embedding.md has the ${name} policy`);
  return match[1].replaceAll('https://wakeline.example', origin);
}

const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The Hugo shortcode for `args` (and `inner`), as Hugo would expand its forms. */
function expandHugo(template, args, inner, site) {
  return template
    .replace(/\{\{-? \/\*[^]*?\*\/ -?\}\}/g, '')
    .replace(
      /\{\{- if not \(\.Page\.Scratch\.Get "wakeline"\) \}\}\{\{ \.Page\.Scratch\.Set "wakeline" true -\}\}\n([^]*?)\{\{ end -\}\}\n/,
      '$1',
    )
    .replace(/\{\{ site\.Params\.wakelineSite \}\}/g, site)
    .replace(
      /\s*\{\{- with \.Get "(\w+)" \}\}([^{]*)\{\{ \. \}\}([^{]*)\{\{ end \}\}/g,
      (_, name, a, b) => (args[name] === undefined ? '' : `${a}${escapeHtml(args[name])}${b}`),
    )
    .replace(/\s*\{\{- with \.Inner \}\}([^{]*)\{\{ \. \}\}([^{]*)\{\{ end -\}\}\s*/g, (_, a, b) =>
      inner ? `${a}${escapeHtml(inner)}${b}` : '',
    );
}

/** The Jekyll include for `args`, as Liquid would expand its forms. */
function expandJekyll(template, args) {
  return template
    .replace(/\{%- comment -%\}[^]*?\{%- endcomment -%\}\n/, '')
    .replace(
      /\s*\{%-? if include\.(\w+) %\}([^{]*)\{\{ include\.\1 \| escape \}\}([^{]*)\{% endif -?%\}\s*/g,
      (_, name, a, b) => (args[name] === undefined ? '' : `${a}${escapeHtml(args[name])}${b}`),
    );
}

let session;
let blog;
before(async () => {
  session = await startSession();
  blog = await startBlog();
});
after(() => {
  blog?.close();
  return session?.close();
});

/** Serves `body` on the blog's origin under `csp`; returns the page once loaded. */
async function openPost(head, body, csp) {
  const page = await watchedPage(session.browser);
  blog.set('/post.html', {
    csp,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Post</title>${head}</head><body><p>A post.</p>${body}</body></html>`,
  });
  await page.goto(`${blog.url}post.html`);
  return page;
}

/** The language the page's player speaks. */
const speaks = (page) => page.evaluate(() => document.getElementById('player').language.lang);

async function assertClean(page) {
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
}

test('the iframe snippet runs under the iframe policy, with no style attribute', async () => {
  const origin = new URL(session.url).origin;
  const snippet = iframeSnippet(session.url, 'v=1&example=basic&steps=2&lang=en', 'basic', {
    theme: 'light',
    lang: 'es',
  });
  assert.doesNotMatch(snippet, /style=/);
  // The embed's theme and language after the scenario; the fragment's own lang gives way.
  assert.match(snippet, /#v=1&amp;example=basic&amp;steps=2&amp;lang=es&amp;theme=light" /);
  const page = await openPost('', snippet, policy('iframe', origin));
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(
    () => document.querySelector('wakeline-player')?.state === 'done',
    null,
    { timeout: 20000 },
  );
  assert.equal(
    await frame.evaluate(() => document.querySelector('wakeline-player').language.lang),
    'es',
  );
  await assertClean(page);
});

test('the element runs under the element policy', async () => {
  const origin = new URL(session.url).origin;
  const page = await openPost(
    `<script src="${origin}/wakeline-player.js"></script>`,
    '<wakeline-player id="player" example="basic" params="steps=2"></wakeline-player>',
    policy('element', origin),
  );
  assert.equal(await waitForPlayer(page), 'done');
  await assertClean(page);
});

test('the Hugo shortcode writes a player that runs under the element policy', async () => {
  const origin = new URL(session.url).origin;
  const html = expandHugo(
    read('hugo/layouts/shortcodes/wakeline.html'),
    {
      example: 'timers',
      strategy: 'local',
      height: '300',
      theme: 'light',
      select: 'seq:10',
      lang: 'es',
    },
    '',
    `${origin}/`,
  );
  assert.match(html, /<script src="[^"]+wakeline-player\.js"><\/script>/);
  assert.match(
    html,
    /<wakeline-player example="timers" strategy="local" select="seq:10" height="300" theme="light" lang="es"><\/wakeline-player>/,
  );
  const body = html.replace('<wakeline-player', '<wakeline-player id="player"');
  const page = await openPost('', body, policy('element', origin));
  assert.equal(await waitForPlayer(page), 'done');
  // lang="es": its Spanish (wakeline-player-es.mjs) came from the site under the same policy.
  assert.equal(await speaks(page), 'es');
  await assertClean(page);
});

test('the Jekyll include writes a player that runs under the element policy', async () => {
  const origin = new URL(session.url).origin;
  const html = expandJekyll(read('jekyll/_includes/wakeline.html'), {
    example: 'basic',
    params: 'steps=2',
    select: 'task:1',
    theme: 'dark',
    lang: 'es',
    caption: '<b>basic</b>: the root task, polled',
  });
  assert.equal(
    html.trim(),
    '<wakeline-player example="basic" params="steps=2" select="task:1" theme="dark" lang="es"><p>&lt;b&gt;basic&lt;/b&gt;: the root task, polled</p></wakeline-player>',
  );
  const page = await openPost(
    `<script src="${origin}/wakeline-player.js"></script>`,
    html.replace('<wakeline-player', '<wakeline-player id="player"'),
    policy('element', origin),
  );
  assert.equal(await waitForPlayer(page), 'done');
  // lang="es": its Spanish (wakeline-player-es.mjs) came from the site under the same policy.
  assert.equal(await speaks(page), 'es');
  await assertClean(page);
});
