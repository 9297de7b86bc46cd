// Hostile input in Chromium, from tests/web/support/hostile-corpus.mjs: trace files imported
// through the Import control, share links followed into a page that is already up and into
// embed.html, and <wakeline-player> attributes set by a host page. For each, no script runs (no
// payload sets window.__pwned, no markup reaches the DOM or a shadow root, the strict CSP reports
// no blocked attempt, no uncaught error), the page or element says what was wrong, and an example
// still runs and draws afterwards.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  openShareMenu,
  startSession,
  waitForPlayer,
  waitForRun,
  watchedPage,
} from './support/browser.mjs';
import {
  extremeTraceFiles,
  hostileLinks,
  payloadTrace,
  refusedTraceFiles,
  scriptPayload,
  traceLines,
  writeHugeTrace,
} from './support/hostile-corpus.mjs';

let session;
let basic;
let lostWakeup;
let policy;
before(async () => {
  [basic, lostWakeup] = [await traceLines('basic'), await traceLines('lost-wakeup')];
  session = await startSession();
  policy = (await fetch(session.url)).headers.get('content-security-policy');
});
after(() => session?.close());

/** Opens the page at `hash` in a watchedPage() and waits for its run. */
async function openWatched(hash) {
  const page = await watchedPage(session.browser);
  await page.goto(session.url + hash);
  assert.equal(await waitForRun(page), 'done');
  return page;
}

/**
 * Asserts nothing of a payload ran or became markup, in the document or any open shadow root
 * (a <wakeline-player>'s), and the page threw nothing.
 */
async function assertNothingRan(page, what) {
  const found = await page.evaluate(() => {
    const roots = [document];
    for (let i = 0; i < roots.length; ++i) {
      for (const node of roots[i].querySelectorAll('*'))
        if (node.shadowRoot) roots.push(node.shadowRoot);
    }
    // The document's own scripts are in its head; a shadow root has none at all.
    const injected = roots
      .flatMap((root) => [
        ...root.querySelectorAll(
          `img, svg, iframe, object, embed, a[href^="javascript" i], ${root === document ? 'body script' : 'script'}`,
        ),
      ])
      // CodeMirror's own spacer beside a widget: no source, hidden from readers.
      .filter((node) => !(node.matches('img.cm-widgetBuffer') && !node.hasAttribute('src')))
      .map((node) => node.outerHTML.slice(0, 80));
    const handlers = roots
      .flatMap((root) => [...root.querySelectorAll('*')])
      .filter((node) => [...node.attributes].some((attribute) => attribute.name.startsWith('on')))
      .map((node) => node.outerHTML.slice(0, 80));
    return { pwned: window.__pwned, violations: window.__violations, injected, handlers };
  });
  assert.deepEqual(found, { pwned: undefined, violations: [], injected: [], handlers: [] }, what);
  assert.deepEqual(page.errors, [], what);
}

/** Runs `example` with the Run button and returns the event count the status shows. */
async function runStillWorks(page, example = 'timers') {
  await page.selectOption('#example-picker', example);
  await page.evaluate(() => (document.body.dataset.runState = 'stale'));
  await page.click('#run-button');
  assert.equal(await waitForRun(page), 'done');
  const status = await page.locator('#run-status-text').textContent();
  const events = Number(status.replace(/,/g, '').match(/^(\d+) events/)?.[1]);
  assert.ok(events > 10, `the run shows its events: ${status}`);
  assert.ok((await canvasInk(page)) > 1000, 'the timeline is drawn');
  return events;
}

/** Pixels of the timeline canvas (or the <wakeline-player> `selector` names) that are not its background. */
function canvasInk(page, selector = '#timeline canvas') {
  return page.evaluate((sel) => {
    const node = document.querySelector(sel);
    const canvas = node instanceof HTMLCanvasElement ? node : node.canvas;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) ++ink;
    return ink;
  }, selector);
}

/** Hands `file` ({ name, buffer } or a path) to the Import control; resolves to the message shown. */
async function importFile(page, file, name = file.name ?? path.basename(file), timeout = 20000) {
  await page.setInputFiles(
    '#import-file',
    typeof file === 'string' ? file : { ...file, mimeType: 'application/x-ndjson' },
  );
  await page.waitForFunction(
    (fileName) => {
      const text = document.getElementById('share-message').textContent;
      return text.startsWith(`${fileName}: `) || text.startsWith(`Imported ${fileName}:`);
    },
    name,
    { timeout },
  );
  return page.locator('#share-message').textContent();
}

test('hostile trace files are refused with their line and problem, and nothing of them runs or shows', async () => {
  const page = await openWatched('#example=basic');
  try {
    const status = await page.locator('#run-status-text').textContent();
    for (const [name, buffer, problem] of refusedTraceFiles(basic)) {
      const message = await importFile(page, { name, buffer });
      assert.match(message, problem, name);
      assert.ok(message.startsWith(`${name}: `), message);
      assert.equal(
        await page
          .locator('#share-message')
          .evaluate((node) => node.classList.contains('is-error')),
        true,
        name,
      );
      assert.equal(
        await page.locator('#run-status-text').textContent(),
        status,
        `${name}: the shown run stays`,
      );
    }
    await assertNothingRan(page, 'after the refused files');
    await runStillWorks(page);
    await assertNothingRan(page, 'after a run');
  } finally {
    await page.close();
  }
});

test('a trace with script payloads in every string field is shown as text, and the page keeps working', async () => {
  const page = await openWatched('#example=basic');
  try {
    const text = payloadTrace(lostWakeup);
    const message = await importFile(page, { name: 'payload.ndjson', buffer: Buffer.from(text) });
    assert.equal(
      message,
      `Imported payload.ndjson: ${text.trimEnd().split('\n').length - 1} events.`,
    );
    // The payload is there, as text: in the task table (task names) and the warnings.
    await page.waitForFunction(() =>
      document.getElementById('task-table').textContent.includes('onerror='),
    );
    assert.match(
      await page.locator('#task-table').textContent(),
      /<img src=x onerror="window.__pwned=1">/,
    );
    assert.match(await page.locator('#warnings').textContent(), /Deadlock/);
    // Share snippets built from the payload's example name stay inside their attributes.
    await openShareMenu(page);
    const iframe = await page.locator('#share-iframe').inputValue();
    assert.doesNotMatch(iframe, /<img|<script|<svg/, iframe);
    await page.click('#share-menu summary');
    // Hover and click across the lanes: tooltips and selection details show the fields.
    const box = await page.locator('#timeline canvas').boundingBox();
    for (let x = 140; x < box.width; x += 40) {
      for (const y of [40, 70, 100, 130]) await page.mouse.click(box.x + x, box.y + y);
    }
    await page.waitForTimeout(200);
    await assertNothingRan(page, 'after the payload trace');
    await runStillWorks(page);
    await assertNothingRan(page, 'after a run');
  } finally {
    await page.close();
  }
});

test('traces with extreme numbers are shown without hanging the page, and export back', async () => {
  const page = await openWatched('#example=basic');
  try {
    for (const [name, buffer] of extremeTraceFiles(basic)) {
      const message = await importFile(page, { name, buffer });
      assert.match(message, new RegExp(`^Imported ${name}: \\d+ events`), message);
      assert.ok((await canvasInk(page)) > 100, `${name}: the timeline is drawn`);
      // The page still answers, and the trace exports as what was imported.
      await page.click('#export-menu summary');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#export-ndjson'),
      ]);
      const exported = await readFile(await download.path(), 'utf8');
      assert.equal(exported.trimEnd().split('\n').length, basic.length, name);
      await page.click('#export-menu summary');
    }
    await assertNothingRan(page, 'after the extreme traces');
    await runStillWorks(page);
  } finally {
    await page.close();
  }
});

test('a 100 MB trace imports in slices: the page keeps drawing, then shows it all', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wakeline-hostile-'));
  const page = await openWatched('#example=basic');
  try {
    const huge = await writeHugeTrace(dir, 100, basic[0]);
    assert.ok(huge.bytes >= 100 * 1024 * 1024);
    // The longest the main thread went without running a timer while the file was read.
    await page.evaluate(() => {
      window.__longestStall = 0;
      let last = performance.now();
      window.__stallTimer = setInterval(() => {
        const now = performance.now();
        window.__longestStall = Math.max(window.__longestStall, now - last);
        last = now;
      }, 20);
    });
    const message = await importFile(page, huge.file, undefined, 90000);
    assert.equal(
      message,
      `Imported ${path.basename(huge.file)}: ${huge.events.toLocaleString('en')} events (the trace ends before the run did).`,
    );
    const stall = await page.evaluate(() => {
      clearInterval(window.__stallTimer);
      return window.__longestStall;
    });
    // Before slicing, the whole import was one stall of 6 s or more on this machine.
    assert.ok(stall < 3000, `the page stalled for ${Math.round(stall)} ms at most`);
    assert.match(
      await page.locator('#run-status-text').textContent(),
      new RegExp(`^${huge.events.toLocaleString('en')} events`),
    );
    await assertNothingRan(page, 'after the 100 MB trace');
    await runStillWorks(page);
  } finally {
    await page.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('hostile links followed into a running page run nothing, say what was wrong, and the page recovers', async () => {
  const page = await openWatched('#example=basic');
  try {
    for (const [fragment, problem] of hostileLinks()) {
      const what = fragment.length > 80 ? `${fragment.slice(0, 80)}…` : fragment;
      await page.evaluate((hash) => {
        document.body.dataset.runState = 'stale';
        location.hash = hash;
      }, fragment);
      assert.equal(await waitForRun(page), 'done', what);
      const list = (await page.locator('#link-messages li').allTextContents()).join('\n');
      // The address too: when the list is wrong, whether the page read this link says why.
      const address = await page.evaluate(() => location.hash.slice(0, 120));
      assert.match(list, problem, `${what} (the address then: ${address})`);
      assert.equal(await page.locator('#link-messages').isVisible(), true, what);
      // The link's scenario (or the default one) ran and drew.
      assert.ok((await canvasInk(page)) > 1000, `${what}: the timeline is drawn`);
      await assertNothingRan(page, what);
    }
    // A clean link after all that shows its scenario and no messages.
    await page.evaluate(() => {
      document.body.dataset.runState = 'stale';
      location.hash = '#v=1&example=state-machine&ticks=2&seed=3';
    });
    assert.equal(await waitForRun(page), 'done');
    assert.equal(await page.locator('#param-ticks').inputValue(), '2');
    assert.equal(await page.locator('#link-messages').isHidden(), true);
    await runStillWorks(page);
    await assertNothingRan(page, 'after the clean link');
  } finally {
    await page.close();
  }
});

/** Marks the player's run stale, then runs `change(arg)` in the page (which starts a new run). */
async function rerunPlayer(page, change, arg) {
  await page.evaluate(
    () =>
      (document.getElementById('player').shadowRoot.querySelector('.player').dataset.state =
        'stale'),
  );
  await page.evaluate(change, arg);
  return waitForPlayer(page);
}

/**
 * What the player shows: its messages, whether the list is on screen, how many elements are
 * inside its items (0: the messages are text), and the status line.
 */
function playerShows(page) {
  return page.evaluate(() => {
    const root = document.getElementById('player').shadowRoot;
    const list = root.querySelector('.player-messages');
    return {
      messages: [...list.children].map((item) => item.textContent),
      shown: !list.hidden && list.getBoundingClientRect().height > 0,
      markup: list.querySelectorAll('li *').length,
      status: root.querySelector('.player-status').textContent,
    };
  });
}

/** Asserts the player shows no timeline: nothing was run, and nothing of an earlier run is left. */
async function assertPlayerDrewNothing(page, what) {
  const shown = await page.evaluate(() => {
    const root = document.getElementById('player').shadowRoot;
    const timeline = root.querySelector('.timeline');
    return {
      timeline: getComputedStyle(timeline).visibility !== 'hidden',
      controls: !root.querySelector('.player-controls').hidden,
      playhead: document.getElementById('player').playhead,
    };
  });
  assert.deepEqual(shown, { timeline: false, controls: false, playhead: -1 }, what);
}

/** Asserts the player drew a finished run of `example` (any example when null). */
async function assertPlayerDrew(page, example, what) {
  const { status } = await playerShows(page);
  assert.match(status, new RegExp(`^${example ?? '[a-z-]+'} · [\\d,]+ events`), what);
  const ink = await canvasInk(page, '#player');
  if (ink > 500) return;
  // What a failure needs to be understood: the canvas's size and anything the page reported.
  const canvas = await page.evaluate(() => {
    const { width, height } = document.getElementById('player').canvas;
    return `${width}×${height}`;
  });
  assert.fail(
    `${what}: the timeline is drawn (${ink} pixels on a ${canvas} canvas; page errors: ${JSON.stringify(page.errors)})`,
  );
}

test('hostile links opened in embed.html run nothing, say what was wrong in the player, and still draw a run', async () => {
  const clean = '#v=1&example=state-machine&ticks=2&seed=3';
  for (const [fragment, problem] of hostileLinks()) {
    const what = `embed.html${fragment.length > 80 ? `${fragment.slice(0, 80)}…` : fragment}`;
    // Loaded fresh, as an embedding page's iframe loads it.
    const page = await watchedPage(session.browser);
    try {
      const response = await page.goto(`${session.url}embed.html${fragment}`);
      assert.equal(response.headers()['content-security-policy'], policy, what);
      assert.equal(await waitForPlayer(page), 'done', what);
      const shows = await playerShows(page);
      assert.match(shows.messages.join('\n'), problem, what);
      assert.equal(shows.shown, true, `${what}: the messages are on screen`);
      assert.equal(shows.markup, 0, `${what}: the messages are text`);
      await assertPlayerDrew(page, null, what);
      await assertNothingRan(page, what);
      // The embedding page changes the frame's fragment to a clean link: the messages go.
      assert.equal(
        await rerunPlayer(page, (hash) => (location.hash = hash), clean),
        'done',
        `${what}, then ${clean}`,
      );
      const cleaned = await playerShows(page);
      assert.deepEqual(
        { messages: cleaned.messages, shown: cleaned.shown },
        { messages: [], shown: false },
        `${what}, then ${clean}`,
      );
      await assertPlayerDrew(page, 'state-machine', `${what}, then ${clean}`);
      // And back to the hostile link, by its fragment alone.
      assert.equal(
        await rerunPlayer(page, (hash) => (location.hash = hash), fragment),
        'done',
        `${what} by hash`,
      );
      assert.match((await playerShows(page)).messages.join('\n'), problem, `${what} by hash`);
      await assertPlayerDrew(page, null, `${what} by hash`);
      await assertNothingRan(page, `${what} by hash`);
    } finally {
      await page.close();
    }
  }
});

test('<wakeline-player> attributes set to script payloads, huge numbers and empty text run nothing, are named as text inside it, and a valid set still runs', async () => {
  const page = await watchedPage(session.browser);
  // A host page of the test's own, served with the site's policy, as a blog would serve it.
  const valid = {
    example: 'basic',
    strategy: 'local',
    params: 'steps=2 delay_ms=5',
    seed: '1',
    start: '1ms',
    height: '300',
    speed: '1',
    loading: 'lazy',
    tour: '1ms,,,The first stop',
    theme: 'light',
    select: 'seq:3',
    lang: 'en',
  };
  const attributes = Object.entries(valid)
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ');
  const host = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/wakeline-player.js"></script></head><body><p id="text">A blog post.</p>
<wakeline-player id="player" ${attributes}></wakeline-player></body></html>`;
  try {
    await page.route(`${session.url}host.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'content-security-policy': policy },
        body: host,
      }),
    );
    await page.goto(`${session.url}host.html`);
    assert.equal(await waitForPlayer(page), 'done');
    assert.deepEqual((await playerShows(page)).messages, []);
    // What the player must say about a bad value of each attribute it observes: each message
    // names the attribute (`attribute example="…"`), never a link's part.
    const named = {
      example: /^attribute example=".*": Wakeline has no example of that name/m,
      strategy: /^attribute strategy=".*": Wakeline has no strategy of that name/m,
      params:
        /^attribute params=".*": (.* is not name=value|.* is not a parameter name|The example basic has no parameter)/m,
      seed: /^attribute seed=".*": the seed is not a whole number/m,
      start: /^attribute start=".*": .* the run starts at its first event/m,
      height:
        /^attribute height=".*": not auto or a number of pixels from 120 to 4000; \d+ is used/m,
      speed: /^attribute speed=".*": not a speed from 0.25 to 64/m,
      // A boolean attribute: any value, the payload too, means "on"; there is nothing to name.
      autoplay: null,
      // A program as a link carries it: a bad one runs nothing and says why.
      program: /^attribute program: /m,
      // The program's file name: any text, shown as text; nothing to name.
      name: null,
      // When the run starts: `eager` at once, anything else near the viewport; nothing to name.
      loading: null,
      // A tour as a link carries it: a stop that cannot be read is left out and named.
      tour: /^(Tour stop 1: |The tour is too long)/m,
      // light, dark or auto: anything else is named and the reader's setting is used.
      theme:
        /^attribute theme=".*": not light, dark or auto; the reader's setting \((light|dark)\) is used/m,
      // seq:N or task:N of the run shown: anything else is named and nothing is selected.
      select: /^attribute select=".*": .* is not seq:N or task:N; nothing is selected/m,
      // HTML's global attribute: a language Wakeline does not speak falls through to the page's
      // or the browser's (a French post is no mistake); nothing to name.
      lang: null,
    };
    const observed = await page.evaluate(
      () => customElements.get('wakeline-player').observedAttributes,
    );
    assert.deepEqual(
      [...observed].sort(),
      Object.keys(named).sort(),
      'a case for every attribute the element observes',
    );
    const values = [scriptPayload, '', '18446744073709551616', '1e308', '9'.repeat(5000)];
    // Only these change which run is shown; height, speed, theme and autoplay act on the shown run.
    const runs = (name) =>
      !['height', 'autoplay', 'speed', 'loading', 'tour', 'theme', 'select', 'lang'].includes(name);
    const set = ([name, value]) => document.getElementById('player').setAttribute(name, value);
    for (const name of observed) {
      for (const value of values) {
        const what = `${name}=${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
        // A program attribute that cannot be read (an empty one included) runs nothing; nor does
        // an example or a strategy that Wakeline does not have (rather than another one).
        const expected = ['program', 'example', 'strategy'].includes(name) ? 'error' : 'done';
        if (runs(name)) assert.equal(await rerunPlayer(page, set, [name, value]), expected, what);
        else await page.evaluate(set, [name, value]);
        const shows = await playerShows(page);
        // An empty params attribute is no parameters, an empty tour no stops, an empty select
        // no selection: nothing wrong.
        const problem =
          ['params', 'tour', 'select'].includes(name) && value === '' ? null : named[name];
        if (problem) {
          assert.match(shows.messages.join('\n'), problem, what);
          assert.equal(shows.shown, true, `${what}: the messages are on screen`);
          assert.equal(shows.markup, 0, `${what}: the messages are text`);
        } else {
          assert.deepEqual(shows.messages, [], what);
        }
        if (name === 'autoplay') {
          await page.waitForFunction(() => document.getElementById('player').playing, null, {
            timeout: 10000,
          });
        }
        if (expected === 'done') await assertPlayerDrew(page, null, what);
        else await assertPlayerDrewNothing(page, what);
        await assertNothingRan(page, what);
      }
      // Back to the valid value: the messages go.
      if (name === 'autoplay') {
        await page.evaluate(() => document.getElementById('player').removeAttribute('autoplay'));
        if (await page.evaluate(() => document.getElementById('player').playing))
          await page.locator('#player .player-play').click();
        assert.equal(await page.evaluate(() => document.getElementById('player').playing), false);
      } else if (!(name in valid)) {
        const remove = (attribute) => document.getElementById('player').removeAttribute(attribute);
        assert.equal(await rerunPlayer(page, remove, name), 'done', `${name} removed`);
      } else if (runs(name)) {
        assert.equal(
          await rerunPlayer(page, set, [name, valid[name]]),
          'done',
          `${name} valid again`,
        );
      } else {
        await page.evaluate(set, [name, valid[name]]);
      }
      assert.deepEqual((await playerShows(page)).messages, [], `${name} valid again`);
      await assertPlayerDrew(page, 'basic', `${name} valid again`);
    }
    // A later valid set of every attribute runs the run it names.
    assert.equal(
      await rerunPlayer(page, () => {
        const player = document.getElementById('player');
        for (const [name, value] of Object.entries({
          example: 'timers',
          strategy: 'local',
          params: '',
          seed: '2',
          start: '0ms',
          height: '360',
        })) {
          player.setAttribute(name, value);
        }
      }),
      'done',
    );
    const shows = await playerShows(page);
    assert.deepEqual(
      { messages: shows.messages, shown: shows.shown },
      { messages: [], shown: false },
    );
    await assertPlayerDrew(page, 'timers', 'the valid set');
    assert.equal(await page.locator('#text').textContent(), 'A blog post.');
    await assertNothingRan(page, 'after the valid set');
  } finally {
    await page.close();
  }
});
