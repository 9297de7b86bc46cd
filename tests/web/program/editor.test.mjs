// The program editor, the way a reader uses it (issue 17): switch an example to its program,
// type an error and see it underlined and listed (Run says why it is disabled), fix it, run with
// Ctrl+Enter, read the console and move the playhead from it, open the state machine view,
// keep edits over a reload and Reset them, share the link and open it in a new page with the
// same program and run. All under the served Content-Security-Policy, with no violation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSession, waitForRun, watchedPage } from '../support/browser.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

const program = `use std::time::Duration;
use tokio::time::sleep;

async fn greet(n: u64) -> u64 {
    sleep(Duration::from_millis(n)).await;
    println!("greeted after {n} ms");
    n * 2
}

#[tokio::main]
async fn main() {
    let a = tokio::spawn(greet(5));
    let b = greet(10).await;
    let c = a.await.unwrap();
    println!("sum: {}", b + c);
}
`;

/** The editor's text, line by line as CodeMirror shows it. */
async function editorText(page) {
  return page.evaluate(() =>
    [...document.getElementById('program-editor').shadowRoot.querySelectorAll('.cm-line')]
      .map((line) => line.textContent)
      .join('\n'),
  );
}

/** Opens `hash`, waits for the run and, if `rust`, for the program's run and the editor. */
async function open(hash, { rust = false } = {}) {
  const page = await watchedPage(session.browser);
  await page.goto(session.url + hash);
  assert.equal(await waitForRun(page), 'done');
  if (rust) {
    if ((await page.evaluate(() => document.body.dataset.source)) !== 'rust') {
      await page.click('#source-rust');
      await waitForProgramRun(page);
    }
    await page.waitForSelector('#program-editor[data-ready="true"]');
  }
  return page;
}

/** Waits for a run of the program (its link is written as it starts) to end. */
async function waitForProgramRun(page) {
  await page.waitForFunction(() => location.hash.includes('&program='));
  assert.equal(await waitForRun(page), 'done');
}

/** Replaces the editor's text as typed input (one insertion: no auto-indent on the way). */
async function replaceProgram(page, text) {
  await page.click('#program-editor .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

test('a program is typed, checked as it is typed, fixed, run, printed and shown as states', async () => {
  const page = await open('#example=basic', { rust: true });
  assert.equal(await page.locator('#source-rust').getAttribute('aria-pressed'), 'true');
  assert.match(await editorText(page), /async fn step/);

  // An error: underlined in the editor, listed under it, and Run says why it is disabled.
  await replaceProgram(page, program.replace('n * 2', 'n * 2;\n    let x = 5\n    x'));
  await page.waitForSelector(
    '#program-editor .cm-lintRange-error, #program-editor .cm-lintPoint-error',
    { state: 'attached' },
  );
  await page.waitForFunction(() => document.getElementById('run-button').disabled);
  assert.match(await page.textContent('#program-diagnostics-summary'), /basic\.rs: 1 error/);
  assert.match(await page.textContent('#program-diagnostics-list'), /expected `;`/);
  assert.match(await page.textContent('#run-blocked'), /Run is disabled: basic\.rs has 1 error/);
  assert.equal(await page.getAttribute('#run-button', 'aria-describedby'), 'run-blocked');
  // The list is a live region: screen readers hear the count as it changes.
  assert.equal(await page.getAttribute('#program-diagnostics-summary', 'aria-live'), 'polite');

  // Fixed: no marks, Run enabled; Ctrl+Enter in the editor runs it.
  await replaceProgram(page, program);
  await page.waitForFunction(() => !document.getElementById('run-button').disabled);
  assert.equal(await page.locator('#program-editor .cm-lintRange-error').count(), 0);
  await page.evaluate(() => history.replaceState(null, '', '#'));
  await page.keyboard.press('Control+Enter');
  await waitForProgramRun(page);
  assert.match(await page.textContent('#run-status-text'), /events/);

  // The console: both lines, with time and task; a click moves the playhead to the output.
  const lines = page.locator('#console .console-line');
  await page.waitForFunction(
    () => document.querySelectorAll('#console .console-line').length === 3,
  );
  assert.match(await lines.nth(0).textContent(), /5 ms\s*greet\s*greeted after 5 ms/);
  assert.match(await lines.nth(2).textContent(), /main\s*sum: 30/);
  const event = await lines.nth(1).getAttribute('data-event');
  await lines.nth(1).locator('button').click();
  await page.waitForFunction((e) => document.body.dataset.playhead === e, event);

  // Lines with events have a gutter mark; the current await line is highlighted.
  assert.ok((await page.locator('#program-editor .cm-event-mark').count()) >= 3);
  await page.keyboard.press('ArrowLeft');
  await page.waitForSelector('#program-editor .cm-await-line');

  // The state machine view: greet's states, rustc's numbering, what each keeps.
  await page.selectOption('#state-machine-picker', { label: 'async fn greet (line 4)' });
  const states = page.locator('#state-view .state');
  assert.equal(await states.count(), 4);
  assert.match(await states.nth(0).textContent(), /0 start \(unresumed\).*keeps its arguments: n/);
  assert.match(
    await states.nth(3).textContent(),
    /3 suspended at line 5.*sleep\(Duration::from_millis\(n\)\)\.await.*keeps n/,
  );
  // Stepping to a poll of greet that returned Pending marks state 3 as current.
  await page.evaluate(() => {
    const first = document.querySelector('#console .console-line button');
    first.click();
  });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('edits survive a reload, Reset forgets them, and the link carries the program', async () => {
  const page = await open('#example=basic', { rust: true });
  await replaceProgram(page, program);
  await page.waitForFunction(() => !document.getElementById('program-reset').disabled);
  // A reload of basic (no program in the link) shows the edits of basic's program.
  await page.evaluate(() => history.replaceState(null, '', '#example=basic'));
  await page.reload();
  assert.equal(await waitForRun(page), 'done');
  await page.click('#source-rust');
  await waitForProgramRun(page);
  await page.waitForSelector('#program-editor[data-ready="true"]');
  assert.equal(await editorText(page), program);
  await page.click('#program-reset');
  await page.waitForFunction(() =>
    document.getElementById('program-message').textContent.includes('back to the example'),
  );
  assert.match(await editorText(page), /async fn step/);
  await replaceProgram(page, program);

  // The link: the program travels compressed, and a new page runs the very same text.
  await page.evaluate(() => history.replaceState(null, '', '#'));
  await page.click('#run-button');
  await waitForProgramRun(page);
  const url = await page.evaluate(() => location.href);
  assert.match(url, /&program=[A-Za-z0-9_-]+$/);
  assert.ok(url.length < 2048, `a 16-line program's link is short (${url.length})`);
  const shared = await watchedPage(session.browser);
  await shared.goto(url);
  assert.equal(await waitForRun(shared), 'done');
  await shared.waitForSelector('#program-editor[data-ready="true"]');
  assert.equal(await shared.evaluate(() => document.body.dataset.source), 'rust');
  assert.equal(await editorText(shared), program);
  await shared.waitForFunction(
    () => document.querySelectorAll('#console .console-line').length === 3,
  );
  assert.match(await shared.textContent('#console'), /sum: 30/);
  assert.deepEqual(await shared.evaluate(() => window.__violations), []);
  await shared.close();
  await page.close();
});

test('a cut or hostile program link names the problem and opens no program', async () => {
  for (const part of ['program=AAAA', 'program=%3Cscript%3E', 'program=' + 'y'.repeat(101)]) {
    const page = await open(`#example=basic&${part}`);
    await page.waitForFunction(() => !document.getElementById('link-messages').hidden);
    assert.match(
      await page.textContent('#link-messages'),
      /program (is damaged|is cut short|holds characters)/,
    );
    assert.equal(await page.evaluate(() => document.body.dataset.source), 'cpp');
    assert.equal(await page.locator('script').count(), 1);
    await page.close();
  }
});

test('a C++-only example is read-only, with a button to the nearest program', async () => {
  const page = await open('#example=echo');
  assert.equal(await page.isVisible('#cpp-only'), true);
  assert.match(await page.textContent('#cpp-only-text'), /C\+\+ only/);
  assert.equal(await page.isVisible('#source-rust'), false);
  await page.click('#program-nearest');
  await waitForProgramRun(page);
  assert.notEqual(await page.inputValue('#example-picker'), 'echo');
  await page.close();
});

test('New starts a blank program; the Rust Playground link carries it with its prelude', async () => {
  const page = await open('#example=basic');
  await page.click('#program-new');
  await waitForProgramRun(page);
  assert.equal(await page.inputValue('#example-picker'), 'new');
  await page.waitForSelector('#program-editor[data-ready="true"]');
  assert.match(await editorText(page), /hello from main/);
  await replaceProgram(page, `${program}\nfn busy() { work(Duration::from_millis(1)); }\n`);
  const href = await page.getAttribute('#program-playground', 'href');
  const url = new URL(href);
  assert.equal(url.origin, 'https://play.rust-lang.org');
  assert.equal(url.searchParams.get('edition'), '2021');
  const code = url.searchParams.get('code');
  assert.ok(code.startsWith(program), 'the program unchanged, first');
  assert.match(code, /fn work\(d: std::time::Duration\)/);
  assert.equal(await page.getAttribute('#program-playground', 'target'), '_blank');
  await page.close();
});

test('a .rs file dropped on the source panel becomes the program', async () => {
  const page = await open('#example=basic', { rust: true });
  await page.setInputFiles('#program-file', {
    name: 'mine.rs',
    mimeType: 'text/plain',
    buffer: Buffer.from(program),
  });
  await page.waitForFunction(() =>
    document.getElementById('program-message').textContent.startsWith('Imported mine.rs'),
  );
  assert.equal(await editorText(page), program);
  await page.setInputFiles('#program-file', {
    name: 'bad.rs',
    mimeType: 'text/plain',
    buffer: Buffer.from([0xff, 0xfe, 0x00]),
  });
  await page.waitForFunction(() =>
    document.getElementById('program-message').textContent.includes('not UTF-8'),
  );
  await page.close();
});
