// The playground page's benchmarks (docs/benchmarks.md, "The page"), in Debian's Chromium:
//   - load: navigation start to the first frame of the timeline with events, for the default page
//     (which runs `concurrent`); the page marks it `wakeline:first-timeline` (timeline.js);
//   - frames while playing and while zooming (a wheel event every frame) at ~100,000 and ~1,000,000
//     events: requestAnimationFrame intervals (p50, p95, fps over the window) and the page's own
//     work per frame (every rAF callback of the page plus the wheel handler);
//   - memory per event at both sizes: V8's heap (JS objects and ArrayBuffer backing stores) after
//     two forced garbage collections with the trace, minus the same after a run of `basic` in the
//     same page, divided by the events.
// Builds dist/ only when it is missing (bash scripts/build.sh web rebuilds it).
//
//   node bench/page.mjs [--loads N] [--seconds S] [--sizes 100k,1m]   (--sizes none: load only)
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { buildSite, openPage, startSession, waitForRun } from '../tests/web/support/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function flag(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}
const loads = Number(flag('loads', 7));
const seconds = Number(flag('seconds', 4));

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

async function measureLoad(session) {
  const times = [];
  for (let n = 0; n < loads; ++n) {
    const page = await openPage(session.browser, session.url);
    try {
      await page.waitForFunction(
        () => performance.getEntriesByName('wakeline:first-timeline').length > 0,
        null,
        { timeout: 30000 },
      );
      times.push(
        await page.evaluate(
          () => performance.getEntriesByName('wakeline:first-timeline')[0].startTime,
        ),
      );
    } finally {
      await page.context().close();
    }
  }
  return {
    runs: times.map((t) => Number(t.toFixed(0))),
    median: Number(quantile(times, 0.5).toFixed(0)),
  };
}

async function measureSize(session, name) {
  const size = sizes[name];
  const page = await newPage(session.browser, session.url);
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
try {
  const version = session.browser.version();
  const load = await measureLoad(session);
  const results = [];
  for (const name of sizeNames) results.push(await measureSize(session, name));

  console.log(`Chromium ${version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
  console.log(
    `load to first timeline (default page, ${loads} loads): median ${load.median} ms [${load.runs.join(', ')}]`,
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
      sizes: results,
    }),
  );
} finally {
  await session.close();
}
