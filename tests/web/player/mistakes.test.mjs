// A blogger's mistakes are said, not hidden: a typo in a <wakeline-player>'s example or strategy
// (or in embed.html's link) runs nothing, draws nothing of another example or an earlier run, and
// says which value is wrong, with the id that was probably meant or the ones there are; a
// `select` that is not seq:N or task:N, or that names no event or task of the run, is named and
// selects nothing. The player's messages name attributes (`attribute example="concurent"`),
// embed.html's name the link's parts (`link part example=concurent`). A message never takes the
// timeline's height: the timeline is as tall with messages as without, at a fixed height and at
// `height="auto"`, on a wide screen and a phone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openHostPage, startSession, waitForPlayer, waitForPlayers } from '../support/browser.mjs';
import { traceOf, wakelineInNode } from '../support/trace.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

/** A host page with `players` (markup of the test's own), the player's script after them. */
const hostPage = (players) => `<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
</head><body>${players}<script src="/wakeline-player.js"></script></body></html>`;

/** Opens `body` as host.html at `viewport` and waits for every player's run to end. */
async function openHost(body, viewport = { width: 1000, height: 800 }) {
  const page = await session.browser.newPage({ viewport });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  return openHostPage(page, session, body);
}

/** What player `id` shows: state, messages, status, whether a timeline and controls show. */
const shows = (page, id = 'player') =>
  page.evaluate((id) => {
    const player = document.getElementById(id);
    const root = player.shadowRoot;
    const timeline = root.querySelector('.timeline');
    const canvas = root.querySelector('canvas');
    // Pixels not of the canvas's background (its top-left pixel): 0 for a blank canvas.
    let ink = 0;
    if (canvas && canvas.width > 1) {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4)
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) ++ink;
    }
    return {
      state: player.state,
      messages: [...root.querySelectorAll('.player-messages li')].map((li) => li.textContent),
      markup: root.querySelectorAll('.player-messages li *').length,
      status: root.querySelector('.player-status').textContent,
      timeline: getComputedStyle(timeline).visibility === 'visible',
      ink,
      controls: !root.querySelector('.player-controls').hidden,
      playhead: player.playhead,
      figure: player.figure() !== null,
      // The element's own children (the blogger's caption) are on screen.
      caption: [...player.children].some((child) => child.getBoundingClientRect().height > 0),
    };
  }, id);

test('a typo in the example id runs nothing, says which id was meant, and keeps the caption', async () => {
  const page = await openHost(
    hostPage(`<wakeline-player id="player" example="concurent" strategy="local" params="tasks=3"
  seed="7" loading="eager"><p>Figure 1: three tasks, polled in turn.</p></wakeline-player>`),
  );
  assert.deepEqual(await shows(page), {
    state: 'error',
    messages: [
      'attribute example="concurent": Wakeline has no example of that name. Did you mean concurrent? Nothing was run.',
    ],
    markup: 0,
    status: 'Nothing was run: the message above says why.',
    timeline: false,
    ink: 0,
    controls: false,
    playhead: -1,
    figure: false,
    caption: true,
  });
  // Fixed, it draws the run it names.
  await page.evaluate(() =>
    document.getElementById('player').setAttribute('example', 'concurrent'),
  );
  await waitForPlayers(page);
  const fixed = await shows(page);
  assert.equal(fixed.state, 'done');
  assert.deepEqual(fixed.messages, []);
  assert.match(fixed.status, /^concurrent · \d+ events$/);
  assert.ok(fixed.timeline && fixed.ink > 500, `the timeline is drawn (${fixed.ink} pixels)`);
  // A typo after a run was drawn: nothing of that run stays under the caption.
  await page.evaluate(() =>
    document.getElementById('player').setAttribute('example', 'Concurrnet'),
  );
  await waitForPlayers(page);
  const again = await shows(page);
  assert.equal(again.state, 'error');
  assert.deepEqual(again.messages, [
    'attribute example="Concurrnet": Wakeline has no example of that name. Did you mean concurrent? Nothing was run.',
  ]);
  assert.deepEqual(
    [again.timeline, again.controls, again.playhead, again.figure, again.caption],
    [false, false, -1, false, true],
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an id nothing is close to lists the examples; a strategy typo or one the example lacks runs nothing', async () => {
  const ids = (await (await wakelineInNode()).examples()).map((example) => example.id);
  const page = await openHost(
    hostPage(`<wakeline-player id="far" example="&lt;b&gt;blog&lt;/b&gt;" loading="eager"></wakeline-player>
<wakeline-player id="typo" example="work-stealing" strategy="tokio-multi-thred" loading="eager"></wakeline-player>
<wakeline-player id="lacks" example="lifo-slot" strategy="local" loading="eager"></wakeline-player>`),
  );
  const far = await shows(page, 'far');
  assert.deepEqual(far.messages, [
    `attribute example="<b>blog</b>": Wakeline has no example of that name; the examples are ${ids.join(', ')}. Nothing was run.`,
  ]);
  assert.equal(far.markup, 0, 'the value is text, not markup');
  const typo = await shows(page, 'typo');
  assert.deepEqual(typo.messages, [
    'attribute strategy="tokio-multi-thred": Wakeline has no strategy of that name. Did you mean tokio-multi-thread? Nothing was run.',
  ]);
  const lacks = await shows(page, 'lacks');
  assert.deepEqual(lacks.messages, [
    'attribute strategy="local": the example lifo-slot runs under tokio-multi-thread only. Nothing was run.',
  ]);
  for (const shown of [far, typo, lacks]) {
    assert.deepEqual(
      [shown.state, shown.timeline, shown.ink, shown.controls],
      ['error', false, 0, false],
    );
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('select puts a selection on the run; a malformed one or one the run lacks is named', async () => {
  const events = await traceOf('concurrent', { tasks: 3, steps: 2 });
  const tasks = new Set(events.map((e) => e.task).filter((t) => t > 0)).size;
  const attributes =
    'example="concurrent" strategy="local" params="tasks=3 steps=2" loading="eager"';
  const page = await openHost(
    hostPage(
      ['none', 'task', 'missing', 'nobody', 'bad']
        .map((id) => `<wakeline-player id="${id}" ${attributes}></wakeline-player>`)
        .join('\n')
        .replace('id="task"', 'id="task" select="task:2"')
        .replace('id="missing"', 'id="missing" select="seq:99999"')
        .replace('id="nobody"', 'id="nobody" select="task:40"')
        .replace('id="bad"', 'id="bad" select="poll 3"'),
    ),
  );
  /** A fingerprint of player `id`'s canvas, to tell a selection drawn from none. */
  const picture = (id) =>
    page.evaluate((id) => {
      const canvas = document.getElementById(id).shadowRoot.querySelector('canvas');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let hash = 0;
      for (let i = 0; i < data.length; ++i) hash = (hash * 31 + data[i]) | 0;
      return `${canvas.width}x${canvas.height}:${hash}`;
    }, id);
  const none = await picture('none');
  assert.deepEqual((await shows(page, 'task')).messages, []);
  assert.notEqual(await picture('task'), none, 'task:2 is drawn selected');
  assert.deepEqual((await shows(page, 'missing')).messages, [
    `attribute select="seq:99999": this run has no event 99999 (it has ${events.length} events); nothing is selected.`,
  ]);
  assert.deepEqual((await shows(page, 'nobody')).messages, [
    `attribute select="task:40": this run has no task 40 (it has ${tasks} tasks); nothing is selected.`,
  ]);
  assert.deepEqual((await shows(page, 'bad')).messages, [
    'attribute select="poll 3": "poll 3" is not seq:N or task:N; nothing is selected.',
  ]);
  for (const id of ['missing', 'nobody', 'bad']) {
    assert.equal((await shows(page, id)).state, 'done', `${id}: the run is shown`);
    assert.equal(await picture(id), none, `${id}: nothing is selected`);
  }
  // Changed on the shown run: selected (or named) without a new run.
  await page.evaluate(() => document.getElementById('missing').setAttribute('select', 'task:2'));
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  assert.deepEqual((await shows(page, 'missing')).messages, []);
  assert.equal(await picture('missing'), await picture('task'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("embed.html names the link's parts: a typo in its example, a bad select, a value out of range", async () => {
  const page = await session.browser.newPage({ viewport: { width: 900, height: 500 } });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(`${session.url}embed.html#v=1&example=concurent&tasks=3&seed=2`);
  assert.equal(await waitForPlayer(page), 'error');
  const typo = await shows(page);
  assert.deepEqual(typo.messages, [
    'link part example=concurent: Wakeline has no example of that name. Did you mean concurrent? Nothing was run.',
  ]);
  assert.deepEqual([typo.timeline, typo.ink, typo.controls], [false, 0, false]);
  // The same page, a link with a selection this run lacks and a parameter out of range.
  await page.evaluate(() => (location.hash = '#v=1&example=basic&steps=99&select=task:9'));
  await page.waitForFunction(
    () =>
      document.getElementById('player').shadowRoot.querySelectorAll('.player-messages li')
        .length === 2,
    null,
    { timeout: 20000 },
  );
  assert.equal(await waitForPlayer(page), 'done');
  const tasks = new Set((await traceOf('basic')).map((e) => e.task).filter((t) => t > 0)).size;
  const shown = await shows(page);
  assert.deepEqual(shown.messages, [
    'link part steps=99: The parameter steps must be between 1 and 20, not 99; its default 3 is used.',
    `link part select=task:9: this run has no task 9 (it has ${tasks} task${tasks === 1 ? '' : 's'}); nothing is selected.`,
  ]);
  assert.ok(
    shown.messages.every((text) => !/attribute/.test(text)),
    'no message speaks of attributes',
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** The heights of player `id`'s frame, messages and timeline, and whether they overlap. */
const heights = (page, id) =>
  page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const box = (selector) => root.querySelector(selector).getBoundingClientRect();
    const messages = root.querySelector('.player-messages');
    return {
      frame: box('.player').height,
      timeline: box('.timeline').height,
      messages: messages.hidden ? 0 : box('.player-messages').height,
      // The messages end where the timeline begins, or above: they cover none of it.
      apart: messages.hidden || box('.player-messages').bottom <= box('.timeline').top + 0.5,
    };
  }, id);

for (const viewport of [
  { width: 1000, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`messages take room of their own, never the timeline's, at ${viewport.width} px`, async () => {
    const run =
      'example="concurrent" strategy="local" params="tasks=3 steps=2" seed="7" loading="eager"';
    // The same run four times: each size with no message, then with three.
    const bad = 'speed="fast" theme="sepia" select="seq:0"';
    const page = await openHost(
      hostPage(`<wakeline-player id="fixed" ${run} height="320"></wakeline-player>
<wakeline-player id="fixed-told" ${run} height="320" ${bad}></wakeline-player>
<wakeline-player id="auto" ${run} height="auto"></wakeline-player>
<wakeline-player id="auto-told" ${run} height="auto" ${bad}></wakeline-player>`),
      viewport,
    );
    const asked = (await heights(page, 'fixed')).frame;
    for (const size of ['fixed', 'auto']) {
      const quiet = await heights(page, size);
      const told = await heights(page, `${size}-told`);
      assert.equal((await shows(page, `${size}-told`)).messages.length, 3);
      assert.ok(told.messages > 20, `${size}: the messages show (${told.messages} px)`);
      assert.ok(
        Math.abs(told.timeline - quiet.timeline) <= 1,
        `${size}: the timeline keeps its height (${told.timeline} with messages, ${quiet.timeline} without)`,
      );
      assert.ok(
        Math.abs(told.frame - (quiet.frame + told.messages)) <= 1.5,
        `${size}: the player grows by the messages (${told.frame} = ${quiet.frame} + ${told.messages})`,
      );
      assert.equal(told.apart, true, `${size}: the messages cover none of the timeline`);
    }
    // Nothing run: the messages take the timeline's place, in the height asked.
    await page.evaluate(() =>
      document.getElementById('fixed').setAttribute('example', 'concurent'),
    );
    await waitForPlayers(page);
    const refused = await heights(page, 'fixed');
    assert.ok(
      Math.abs(refused.frame - asked) <= 1,
      `the refused player keeps its height (${refused.frame}, ${asked} before)`,
    );
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}
