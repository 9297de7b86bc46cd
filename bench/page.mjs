// The playground page's benchmarks (docs/benchmarks.md, "The page"), in Debian's Chromium:
//   - load: navigation start to the first frame of the timeline with events, for the default page
//     (which runs `concurrent`); the page marks it `wakeline:first-timeline` (timeline.js);
//   - frames while playing and while zooming (a wheel event every frame) at ~100,000 and ~1,000,000
//     events: requestAnimationFrame intervals (p50, p95, fps over the window) and the page's own
//     work per frame (every rAF callback of the page plus the wheel handler);
//   - memory per event at both sizes: V8's heap (JS objects and ArrayBuffer backing stores) after
//     two forced garbage collections with the trace, minus the same after a run of `basic` in the
//     same page, divided by the events.
//   - against the page before the program editor (--baseline COMMIT, by default the commit before
//     it): loads of the two pages alternated, in one browser, so both share the machine's load;
//     the page opens on a program and draws its first timeline from the C++ twin, and the time
//     to the program's own run is given too;
//   - the editor: a 200-line program, a keystroke that makes or fixes an error, and the time from
//     the check starting (250 ms after the keystroke) to the diagnostics on screen, and from the
//     keystroke itself.
// Builds dist/ only when it is missing (bash scripts/build.sh web rebuilds it).
//
//   node bench/page.mjs [--loads N] [--seconds S] [--sizes 100k,1m]   (--sizes none: load only)
//                       [--baseline COMMIT|none] [--keystrokes N]     (--keystrokes 0: none)
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync, execSync } from 'node:child_process';
import {
  buildSite,
  openPage,
  startServer,
  startSession,
  waitForRun,
} from '../tests/web/support/browser.mjs';
import { programOfLines } from './lang/program-of-lines.mjs';
import { encodeProgram } from '../web/app/program/program-link.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function flag(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}
const loads = Number(flag('loads', 7));
const seconds = Number(flag('seconds', 4));
// 80df9d5 put the program editor in the page: its parent is the page before it.
const baselineCommit = flag('baseline', '80df9d5^');
const keystrokes = Number(flag('keystrokes', 60));

/** The two trace sizes: `concurrent` parameters and the events they give (checked at run time). */
const sizes = {
  '100k': { label: '~100k', params: { tasks: 2825, steps: 3 } },
  '1m': { label: '~1M', params: { tasks: 10000, steps: 10 } },
};
const sizeNames = flag('sizes', '100k,1m')
  .split(',')
  .filter((name) => name in sizes);

// Counts the page's own work per frame: every requestAnimationFrame callback it registers is timed
// (the bench's own loop uses the original function, so it is not counted).
function instrument() {
  const raf = window.requestAnimationFrame.bind(window);
  window.__bench = { raf, work: 0 };
  window.requestAnimationFrame = (callback) =>
    raf((time) => {
      const start = performance.now();
      try {
        callback(time);
      } finally {
        window.__bench.work += performance.now() - start;
      }
    });
}

// Runs in the page: records frames for `ms`, calling `each()` at the start of every frame.
// Returns { intervals, work } in ms, one entry per frame.
function recordFrames({ ms, mode }) {
  const bench = window.__bench;
  const canvas = document.querySelector('.timeline-canvas');
  const rect = canvas.getBoundingClientRect();
  let frame = 0;
  const wheel = () => {
    // 40 frames in, 40 out: from the whole trace to a few events and back, around the middle.
    const deltaY = Math.floor(frame / 40) % 2 === 0 ? -100 : 100;
    const start = performance.now();
    canvas.dispatchEvent(
      new WheelEvent('wheel', {
        deltaY,
        deltaMode: 0,
        clientX: rect.left + rect.width * 0.55,
        clientY: rect.top + 80,
        bubbles: true,
        cancelable: true,
      }),
    );
    bench.work += performance.now() - start;
  };
  return new Promise((resolve) => {
    const intervals = [];
    const work = [];
    let last = null;
    let end = 0;
    const tick = (now) => {
      if (last !== null) {
        intervals.push(now - last);
        work.push(bench.work);
      }
      bench.work = 0;
      last = now;
      if (end === 0) end = now + ms;
      if (now >= end) {
        resolve({ intervals, work });
        return;
      }
      ++frame;
      // The next tick is asked for before the wheel event, so it runs before the page's draw of
      // the next frame, as real input does (events are dispatched before animation frames).
      bench.raf(tick);
      if (mode === 'zoom') wheel();
    };
    bench.raf(tick);
  });
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function frameStats({ intervals, work }) {
  const total = intervals.reduce((a, b) => a + b, 0);
  return {
    frames: intervals.length,
    fps: Number((intervals.length / (total / 1000)).toFixed(1)),
    p50: Number(quantile(intervals, 0.5).toFixed(1)),
    p95: Number(quantile(intervals, 0.95).toFixed(1)),
    workP50: Number(quantile(work, 0.5).toFixed(2)),
    workP95: Number(quantile(work, 0.95).toFixed(2)),
    workMax: Number(Math.max(...work).toFixed(2)),
  };
}

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

async function runWith(page, example, params) {
  await page.selectOption('#example-picker', example);
  for (const [name, value] of Object.entries(params))
    await page.fill(`#param-${name}`, String(value));
  await page.evaluate(() => (document.body.dataset.runState = 'starting'));
  const started = Date.now();
  await page.click('#run-button');
  await waitForRun(page, 600000);
  const runSeconds = (Date.now() - started) / 1000;
  await page.waitForTimeout(500);
  const status = await page.locator('#run-status-text').textContent();
  return { events: Number(status.replace(/,/g, '').match(/^(\d+)/)[1]), runSeconds };
}

async function newPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(url);
  return page;
}

/** One load of `url`: ms to the first timeline, and to the program's own run when it has one. */
async function loadOnce(browser, url) {
  const page = await openPage(browser, url);
  try {
    await page.waitForFunction(
      () => performance.getEntriesByName('wakeline:first-timeline').length > 0,
      null,
      { timeout: 30000 },
    );
    const first = await page.evaluate(
      () => performance.getEntriesByName('wakeline:first-timeline')[0].startTime,
    );
    let program = null;
    if ((await page.evaluate(() => document.body.dataset.source)) === 'rust') {
      program = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const done = () =>
              document.body.dataset.programRun === 'program' &&
              document.body.dataset.runState === 'done';
            if (done()) resolve(performance.now());
            const observer = new MutationObserver(() => {
              if (!done()) return;
              observer.disconnect();
              resolve(performance.now());
            });
            observer.observe(document.body, { attributes: true });
          }),
      );
    }
    return { first, program };
  } finally {
    await page.context().close();
  }
}

const summary = (times) => ({
  runs: times.map((t) => Number(t.toFixed(0))),
  median: Number(quantile(times, 0.5).toFixed(0)),
});

/** Loads of the page (and of the baseline's, alternated, when there is one). */
async function measureLoad(session, baselineUrl) {
  const now = [];
  const program = [];
  const before = [];
  for (let n = 0; n < loads; ++n) {
    const order = n % 2 === 0 ? ['now', 'before'] : ['before', 'now'];
    for (const which of order) {
      if (which === 'before') {
        if (baselineUrl) before.push((await loadOnce(session.browser, baselineUrl)).first);
        continue;
      }
      const load = await loadOnce(session.browser, session.url);
      now.push(load.first);
      if (load.program !== null) program.push(load.program);
    }
  }
  // Each round loads both pages, one after the other: the ratio of a round shares its moment's
  // load, so the median of the ratios says more than the ratio of the medians.
  const ratios = before.map((b, n) => now[n] / b);
  return {
    ...summary(now),
    program: program.length ? summary(program) : null,
    before: before.length ? summary(before) : null,
    ratio: ratios.length
      ? {
          runs: ratios.map((r) => Number(r.toFixed(3))),
          median: Number(quantile(ratios, 0.5).toFixed(3)),
        }
      : null,
  };
}

/**
 * The page before the program editor, built from `commit` into a temporary folder with this
 * checkout's wasm build (the same engine): its dist/ folder, or null.
 */
function buildBaseline(commit) {
  if (commit === 'none') return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wakeline-baseline-'));
  execSync(`git archive ${commit} web scripts/build-web.mjs | tar -x -C ${dir}`, { cwd: repo });
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
  execFileSync(process.execPath, [path.join(dir, 'scripts/build-web.mjs')], {
    cwd: dir,
    env: { ...process.env, WAKELINE_API_DIR: path.join(repo, 'build/wasm/api') },
    stdio: 'ignore',
  });
  return { dir, dist: path.join(dir, 'dist') };
}

/**
 * The editor with a 200-line program: each keystroke adds or removes a character that makes an
 * error, so every check changes the diagnostics. From the check's start (the page marks
 * `wakeline:check`, 250 ms after the last keystroke) and from the keystroke to the error count
 * changing on screen.
 */
async function measureKeystrokes(session) {
  const text = programOfLines(200);
  const link = await encodeProgram(text);
  const page = await newPage(session.browser, `${session.url}#v=1&example=new&program=${link}`);
  try {
    await waitForRun(page, 60000);
    await page.waitForSelector('#program-editor[data-ready="true"]');
    await page.waitForFunction(
      () => document.getElementById('program-diagnostics').dataset.errors === '0',
    );
    // The cursor on a line of its own at the end: an `x` there is an error, Backspace fixes it.
    await page.click('#program-editor .cm-line');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(600);
    const fromCheck = [];
    const fromKey = [];
    for (let n = 0; n < keystrokes; ++n) {
      const wait = page.evaluate(
        () =>
          new Promise((resolve) => {
            const node = document.getElementById('program-diagnostics');
            const before = node.dataset.errors;
            performance.clearMarks('wakeline:check');
            setTimeout(() => resolve(null), 5000);
            const observer = new MutationObserver(() => {
              if (node.dataset.errors === before) return;
              observer.disconnect();
              // The diagnostics are drawn: the frame after the change.
              requestAnimationFrame(() => {
                const end = performance.now();
                const check = performance.getEntriesByName('wakeline:check').at(-1);
                resolve({ end, check: check?.startTime ?? null });
              });
            });
            observer.observe(node, { attributes: true });
          }),
      );
      const key = await page.evaluate(() => performance.now());
      await page.keyboard.press(n % 2 === 0 ? 'x' : 'Backspace');
      const changed = await wait;
      if (!changed) throw new Error('a keystroke did not change the diagnostics within 5 s');
      const { end, check } = changed;
      if (check !== null) fromCheck.push(end - check);
      fromKey.push(end - key);
    }
    const stat = (values) => ({
      p50: Number(quantile(values, 0.5).toFixed(1)),
      p95: Number(quantile(values, 0.95).toFixed(1)),
      max: Number(Math.max(...values).toFixed(1)),
    });
    return {
      lines: text.split('\n').length,
      keystrokes,
      fromCheck: stat(fromCheck),
      fromKey: stat(fromKey),
    };
  } finally {
    await page.context().close();
  }
}

async function measureSize(session, name) {
  const size = sizes[name];
  // The C++ example, whose parameters the form offers (a link without a program opens it).
  const page = await newPage(session.browser, `${session.url}#v=1&example=concurrent`);
  try {
    await waitForRun(page, 60000);
    const cdp = await page.context().newCDPSession(page);
    const { events, runSeconds } = await runWith(page, 'concurrent', size.params);
    const withTrace = await heap(cdp);
    await page.click('#fit-button');
    await page.waitForTimeout(300);
    const zoom = frameStats(
      await page.evaluate(recordFrames, { ms: seconds * 1000, mode: 'zoom' }),
    );
    await page.click('#fit-button');
    await page.click('.playback-play');
    const play = frameStats(
      await page.evaluate(recordFrames, { ms: seconds * 1000, mode: 'play' }),
    );
    await page.click('.playback-play');
    await runWith(page, 'basic', {});
    const withoutTrace = await heap(cdp);
    if (page.errors.length) throw new Error(`page errors: ${page.errors.join('; ')}`);
    return {
      size: size.label,
      params: size.params,
      events,
      runSeconds: Number(runSeconds.toFixed(1)),
      bytesPerEvent: Number(((withTrace - withoutTrace) / events).toFixed(1)),
      play,
      zoom,
    };
  } finally {
    await page.context().close();
  }
}

if (!existsSync(path.join(repo, 'dist/app.js'))) buildSite();
process.env.WAKELINE_SITE_BUILT = '1';
const session = await startSession();
const baseline = buildBaseline(baselineCommit);
const baselineServer = baseline ? await startServer([baseline.dist]) : null;
try {
  const version = session.browser.version();
  const load = await measureLoad(session, baselineServer?.url);
  const editor = keystrokes > 0 ? await measureKeystrokes(session) : null;
  const results = [];
  for (const name of sizeNames) results.push(await measureSize(session, name));

  console.log(`Chromium ${version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
  console.log(
    `load to first timeline (default page, ${loads} loads): median ${load.median} ms [${load.runs.join(', ')}]`,
  );
  if (load.program)
    console.log(
      `  to the program's own run: median ${load.program.median} ms [${load.program.runs.join(', ')}]`,
    );
  if (load.before)
    console.log(
      `  the page at ${baselineCommit} (before the editor), alternated: median ${load.before.median} ms [${load.before.runs.join(', ')}]`,
    );
  if (load.ratio)
    console.log(
      `  this page over the baseline, per round: median ${load.ratio.median} [${load.ratio.runs.join(', ')}]`,
    );
  if (editor)
    console.log(
      `editor, ${editor.lines}-line program, ${editor.keystrokes} keystrokes: check to diagnostics p50 ${editor.fromCheck.p50} / p95 ${editor.fromCheck.p95} / max ${editor.fromCheck.max} ms; keystroke to diagnostics (250 ms debounce included) p50 ${editor.fromKey.p50} / p95 ${editor.fromKey.p95} ms`,
    );
  console.log('');
  console.log(
    '| trace | events | run s | B/event | mode | fps | frame p50 ms | frame p95 ms | page work p50 / p95 / max ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    for (const mode of ['play', 'zoom']) {
      const f = r[mode];
      console.log(
        `| ${r.size} | ${r.events.toLocaleString('en')} | ${r.runSeconds} | ${r.bytesPerEvent} | ${mode} | ` +
          `${f.fps} | ${f.p50} | ${f.p95} | ${f.workP50} / ${f.workP95} / ${f.workMax} |`,
      );
    }
  }
  console.log('');
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repo,
      encoding: 'utf8',
    }).trim();
  } catch {
    /* not a checkout */
  }
  console.log(
    JSON.stringify({
      bench: 'page',
      commit,
      chromium: version,
      cores: os.cpus().length,
      load,
      baseline: baseline ? baselineCommit : null,
      editor,
      sizes: results,
    }),
  );
} finally {
  baselineServer?.close();
  if (baseline) rmSync(baseline.dir, { recursive: true, force: true });
  await session.close();
}
