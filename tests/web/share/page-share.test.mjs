// Share links in Chromium: a link restores example, strategy, parameters, seed, playhead and
// selection; a malformed one lists each problem and the rest applies; a hostile one runs nothing
// and becomes no markup; the fragment follows the scenario; the Share menu's snippets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openShareMenu, waitForRun, withPage } from '../support/browser.mjs';

const fieldValue = (page, name) => page.locator(`#param-${name}`).inputValue();
const messages = (page) => page.locator('#link-messages li').allTextContents();

test('a share link restores example, strategy, parameters, seed, playhead and selection', async () => {
  const hash =
    '#v=1&example=state-machine&strategy=local&ticks=2&together=true&seed=3&at=12ms&select=seq:10';
  await withPage(hash, async (page) => {
    assert.equal(await waitForRun(page), 'done');
    assert.equal(await page.locator('#example-picker').inputValue(), 'state-machine');
    assert.equal(await page.locator('#strategy-picker').inputValue(), 'local');
    assert.equal(await fieldValue(page, 'ticks'), '2');
    assert.equal(await page.locator('#param-together').isChecked(), true);
    assert.equal(await fieldValue(page, 'seed'), '3');
    assert.equal(await page.locator('#link-messages').isHidden(), true);
    // The run is the linked one: its header says so.
    assert.match(await page.locator('#selection-details').textContent(), /^Selected event 10: /);
    // The playhead is the centre of the view, which is zoomed in around it.
    const range = page.locator('#timeline-range');
    await page.waitForFunction(() =>
      document.getElementById('timeline-range').textContent.includes('ms'),
    );
    const text = await range.textContent();
    const [from, to] = [...text.matchAll(/([\d.]+) ms/g)].map((match) => Number(match[1]));
    assert.ok(from < 12 && to > 12 && to - from < 10, `the view ${text} is around 12 ms`);
    // The address keeps the whole scenario, defaults spelled out.
    const current = await page.evaluate(() => location.hash);
    assert.match(
      current,
      /^#v=1&example=state-machine&strategy=local&connect_ms=5&tick_ms=10&ticks=2&together=true&seed=3&at=12ms&select=seq:10$/,
    );
    assert.deepEqual(page.errors, []);
  });
});

test('a malformed link names each problem and the rest of it still applies', async () => {
  const hash = '#v=9&example=basic&steps=99&delay_ms=abc&bogus=1&seed=4&at=soon&select=seq:99999';
  await withPage(hash, async (page) => {
    assert.equal(await waitForRun(page), 'done');
    assert.equal(await page.locator('#example-picker').inputValue(), 'basic');
    assert.equal(await fieldValue(page, 'seed'), '4');
    assert.equal(await fieldValue(page, 'steps'), '3', 'an out-of-range value keeps the default');
    const list = await messages(page);
    assert.equal(list.length, 6, list.join('\n'));
    assert.match(list[0], /newer Wakeline \(version 9\)/);
    assert.match(list[1], /parameter "delay_ms": "abc" is not a whole number/);
    assert.match(list[2], /playhead: "soon"/);
    assert.match(list[3], /steps must be between 1 and 20, not 99/);
    assert.match(list[4], /no parameter "bogus"/);
    assert.match(list[5], /selects seq 99999, which this run does not have/);
    assert.equal(await page.locator('#link-messages').isVisible(), true);
  });
});

test('an unknown example in a link falls back to concurrent with a message', async () => {
  await withPage('#example=nope&seed=2', async (page) => {
    assert.equal(await waitForRun(page), 'done');
    assert.equal(await page.locator('#example-picker').inputValue(), 'concurrent');
    assert.equal(await fieldValue(page, 'seed'), '2');
    assert.match((await messages(page))[0], /does not exist: "nope"/);
  });
});

test('a link with script payloads runs no script and shows them only as text', async () => {
  const payloads = [
    'example=<img src=x onerror="window.__pwned=1">',
    `strategy=${encodeURIComponent('"><script>window.__pwned=2</script>')}`,
    `steps=${encodeURIComponent('<svg onload=window.__pwned=3>')}`,
    `${encodeURIComponent('<iframe src=javascript:window.top.__pwned=4>')}=1`,
    'at=javascript:window.__pwned=5',
    `select=${encodeURIComponent('<img src=x onerror=window.__pwned=6>')}`,
  ];
  await withPage(`#v=1&${payloads.join('&')}&seed=5`, async (page) => {
    assert.equal(await waitForRun(page), 'done');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(
      await page
        .locator(
          '#link-messages img, #link-messages script, #link-messages svg, #link-messages iframe',
        )
        .count(),
      0,
    );
    assert.equal(await page.locator('body img, body iframe, body svg').count(), 0);
    const list = (await messages(page)).join('\n');
    assert.match(list, /<img src=x onerror=/, 'the payload is shown as text');
    assert.equal(list.split('\n').length, 6);
    assert.equal(await fieldValue(page, 'seed'), '5', 'the rest of the link applies');
  });
});

test('changing the scenario and the selection updates the fragment in place', async () => {
  // The C++ view (a link without a program), whose parameters the link carries.
  await withPage('#v=1&example=concurrent', async (page) => {
    assert.equal(await waitForRun(page), 'done');
    const historyLength = await page.evaluate(() => history.length);
    assert.match(
      await page.evaluate(() => location.hash),
      /^#v=1&example=concurrent&strategy=local&tasks=5&/,
    );
    await page.selectOption('#example-picker', 'basic');
    await page.fill('#param-steps', '4');
    await page.fill('#param-seed', '11');
    await page.click('#run-button');
    await page.waitForFunction(() => location.hash.includes('example=basic'));
    assert.match(
      await page.evaluate(() => location.hash),
      /^#v=1&example=basic&strategy=local&steps=4&delay_ms=10&seed=11$/,
    );
    await waitForRun(page);
    // Select the first event under the pointer somewhere on the task lanes.
    const box = await page.locator('#timeline canvas').boundingBox();
    for (
      let x = 130;
      x < box.width - 10 && !(await page.evaluate(() => location.hash.includes('select=')));
      x += 6
    ) {
      await page.mouse.click(box.x + x, box.y + 30 + 24 + 36 + 24 + 14);
    }
    assert.match(await page.evaluate(() => location.hash), /&select=seq:\d+$/);
    assert.equal(
      await page.evaluate(() => history.length),
      historyLength,
      'replaceState, not new entries',
    );
  });
});

test('the Share menu offers the link, an iframe snippet and a <wakeline-player> snippet', async () => {
  await withPage('#v=1&example=basic&steps=2&seed=1', async (page, session) => {
    assert.equal(await waitForRun(page), 'done');
    await openShareMenu(page);
    const link = await page.locator('#share-link').inputValue();
    assert.equal(
      link,
      `${session.url}#v=1&example=basic&strategy=local&steps=2&delay_ms=10&seed=1`,
    );
    assert.equal(
      await page.locator('#share-iframe').inputValue(),
      `<iframe src="${session.url}embed.html#v=1&amp;example=basic&amp;strategy=local&amp;steps=2&amp;delay_ms=10&amp;seed=1&amp;theme=auto" title="Wakeline: basic" width="100%" height="360" loading="lazy"></iframe>`,
    );
    assert.equal(
      await page.locator('#share-player').inputValue(),
      `<script src="${session.url}wakeline-player.js"></script>\n<wakeline-player example="basic" strategy="local" params="steps=2 delay_ms=10" seed="1" height="360" theme="auto"></wakeline-player>`,
    );
    await page.click('#share-link-copy');
    // The copy awaits the clipboard, so the message comes a moment after the click.
    await page.waitForFunction(() => document.querySelector('#share-message').textContent !== '');
    assert.match(await page.locator('#share-message').textContent(), /Copied|Ctrl\+C/);
  });
});
