// A blog post with three <wakeline-player> figures and one embed.html iframe (bench/embeds/,
// docs/benchmarks.md "Embeds in a post"), in Debian's Chromium at 1440x900, before and after
// players started lazily (f3e8b49: a run starts within 400 px of the viewport and plays only
// while on screen). Each load is a fresh browser context (a first visit: empty caches):
//   - time to each embed's first timeline: from navigation start (the page's time origin) to
//     the first frame its timeline draws with events (timeline.js sets the canvas's
//     data-first-timeline and marks `wakeline:first-timeline` in the same call; an init script
//     watches every shadow root for the attribute, so each embed is timed on its own, in the
//     iframe too, at both commits);
//   - CPU in the first S seconds (5) from navigation start: a Chromium trace (categories
//     toplevel, __metadata and blink.user_timing, for navigationStart) of the page's renderer
//     processes (the post's and, if another,
//     the iframe's), summing the thread CPU time (`tdur`) of each thread's outermost top-level
//     tasks inside the window: the main thread (CrRendererMain), the engine's Web Worker
//     (DedicatedWorker thread) and, as `renderer`, every thread of those processes (wasm
//     compilation, GC helpers, compositor and raster included). The browser and GPU processes
//     are not counted;
//   - then the reader jumps to each embed below the fold in turn (its top 80 px below the top
//     of the window) and the time from the jump to its first timeline is taken (0 when it was
//     drawn before); with --scroll PX, the reader scrolls down the post at PX px/s instead, and
//     the time is from the embed's first pixel on screen (negative: drawn before it).
// The pages: `before`, the site at --baseline (default f3e8b49^, the commit before lazy start);
// `now`, the site at --now (default HEAD; `--now dist` takes dist/ as it is); `eager`, the same
// site with loading="eager" on the three players (the iframe is the Share menu's snippet either
// way: loading="lazy"). Each site is built from its commit into a temporary folder with this
// checkout's wasm build (the same engine for both), so edits in the working tree and rebuilds
// of dist/ during the run change nothing. Each round loads every page once, in an order that
// turns round by round, in one browser, so the pages of a round share the machine's load;
// ratios are taken within a round. --warmup rounds (1) come first and are thrown away (a fresh
// browser's first loads are slower). The engine's start is timed too: when the post requested
// wakeline.mjs (Resource Timing).
// --hosting self: the post on the Wakeline site's own origin (scripts/serve.mjs serving the
// post's folder before dist/, with its strict policy); cross: the post on a blog of another
// origin (a port of its own) under docs/embedding.md's element and iframe policies, loading
// the player from the site, which then runs the engine in the page's thread (a browser starts
// a worker only from the page's own origin).
//
//   node bench/embeds.mjs [--rounds N] [--warmup N] [--seconds S] [--hosting self,cross]
//                         [--pages before,now,eager] [--baseline COMMIT] [--now COMMIT|dist]
//                         [--scroll jump|PX]
import { execFileSync, execSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, launchBrowser, startServer } from '../tests/web/support/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(repo, 'bench/embeds');

function flag(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}
const rounds = Number(flag('rounds', 7));
const warmup = Number(flag('warmup', 1));
const seconds = Number(flag('seconds', 5));
const hostings = flag('hosting', 'self').split(',');
// f3e8b49 made players start near the viewport: its parent is what bloggers had before.
const baselineCommit = flag('baseline', 'f3e8b49^');
const nowCommit = flag('now', 'HEAD');
const pageNames = flag('pages', 'before,now,eager').split(',');
const viewport = { width: 1440, height: 900 };
// After the first seconds the reader jumps to each embed below the fold (`jump`), or scrolls
// down the post at this many px/s.
const scrollSpeed = flag('scroll', 'jump') === 'jump' ? null : Number(flag('scroll'));
/** How long the reader stays at each embed after a jump, in ms. */
const dwell = 1000;

/** The embeds of the post, top to bottom: the first is above the fold at 1440x900. */
const embeds = [
  { key: 'lifo', selector: '#lifo' }, // lifo-slot
  { key: 'stealing', selector: '#stealing' }, // work-stealing
  { key: 'iframe', selector: 'iframe' }, // embed.html, starvation
  { key: 'budget', selector: '#budget' }, // coop-budget
];

/**
 * Runs in every frame before its scripts: records, per shadow root's host (`id`), when its
 * timeline first drew events (the canvas's data-first-timeline), as timeOrigin + now.
 */
function watchFirstTimelines() {
  const times = (window.__firstTimelines = {});
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    const host = this;
    const observer = new MutationObserver(() => {
      if (!root.querySelector('canvas[data-first-timeline]')) return;
      times[host.id || host.localName] = performance.timeOrigin + performance.now();
      observer.disconnect();
    });
    observer.observe(root, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-first-timeline'],
    });
    return root;
  };
}

/**
 * The site at `commit`, built into a temporary folder with this checkout's wasm build (as
 * bench/page.mjs's baseline is): { dir, dist }.
 */
function buildSiteAt(commit) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wakeline-embeds-site-'));
  execSync(`git archive ${commit} web scripts/build-web.mjs examples/programs | tar -x -C ${dir}`, {
    cwd: repo,
  });
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
  try {
    execFileSync(process.execPath, [path.join(dir, 'scripts/build-web.mjs')], {
      cwd: dir,
      env: { ...process.env, WAKELINE_API_DIR: path.join(repo, 'build/wasm/api') },
      encoding: 'utf8',
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`building the site at ${commit} failed:\n${error.stdout}${error.stderr}`);
  }
  return { dir, dist: path.join(dir, 'dist') };
}

/** The post's text with the site's address (`''`: the same origin) and the players' loading. */
function post(site, eager) {
  return readFileSync(path.join(fixtures, 'post.html'), 'utf8')
    .replaceAll('{{site}}', site)
    .replaceAll('{{eager}}', eager ? ' loading="eager"' : '');
}

/** docs/embedding.md's element and iframe policies together, for the site at `origin`. */
function blogPolicy(origin) {
  return [
    "default-src 'self'",
    `script-src 'self' ${origin} 'wasm-unsafe-eval'`,
    `connect-src ${origin}`,
    `frame-src ${origin}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** A static blog on an origin of its own: serves `dir`, each page with the policy `csp(path)`. */
async function startBlog(dir, csp) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://blog');
    const file = path.join(dir, path.normalize(url.pathname));
    if (!file.startsWith(dir + path.sep) || !existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const css = file.endsWith('.css');
    res.writeHead(200, {
      'Content-Type': css ? 'text/css; charset=utf-8' : 'text/html; charset=utf-8',
      ...(css ? {} : { 'Content-Security-Policy': csp(url.pathname) }),
      'Cache-Control': 'no-cache',
    });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close() {
      server.closeAllConnections?.();
      server.close();
    },
  };
}

/**
 * CPU time in [start, end) (trace µs) of the page's renderer processes `pids`: per thread, the
 * outermost `toplevel` tasks' thread time (`tdur`), a task cut by the window counted for the
 * part inside it. Returns ms: { main, worker, renderer }.
 */
function cpuInWindow(events, pids, start, end) {
  const names = new Map();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && pids.has(e.pid))
      names.set(`${e.pid}/${e.tid}`, e.args.name);
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !pids.has(e.pid) || !e.cat.split(',').includes('toplevel')) continue;
    const key = `${e.pid}/${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const total = { main: 0, worker: 0, renderer: 0 };
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let outerEnd = -Infinity;
    let cpu = 0;
    for (const e of list) {
      if (e.ts < outerEnd) continue; // nested in the task before it
      outerEnd = e.ts + e.dur;
      const inside = Math.min(end, e.ts + e.dur) - Math.max(start, e.ts);
      if (inside <= 0) continue;
      const thread = e.tdur ?? e.dur;
      cpu += e.dur > 0 ? (thread * inside) / e.dur : thread;
    }
    const name = names.get(key) ?? '';
    if (name === 'CrRendererMain') total.main += cpu;
    else if (name.startsWith('DedicatedWorker')) total.worker += cpu;
    total.renderer += cpu;
  }
  return {
    main: Math.round(total.main / 1000),
    worker: Math.round(total.worker / 1000),
    renderer: Math.round(total.renderer / 1000),
  };
}

/** The frame of the iframe's embed page, once it has one. */
const embedFrame = (page) => page.frames().find((frame) => frame.url().includes('embed.html'));

/** Every first-timeline time recorded so far, in ms after the post's time origin. */
async function firstTimelines(page, origin) {
  const found = {};
  const own = await page.evaluate(() => window.__firstTimelines);
  for (const key of ['lifo', 'stealing', 'budget']) if (own[key]) found[key] = own[key] - origin;
  const frame = embedFrame(page);
  if (frame) {
    try {
      const inner = await frame.evaluate(() => window.__firstTimelines ?? {});
      if (inner.player) found.iframe = inner.player - origin;
    } catch {
      // The frame is navigating: not drawn yet.
    }
  }
  return found;
}

async function waitForFirstTimeline(page, origin, key, timeout = 30000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const found = await firstTimelines(page, origin);
    if (found[key] !== undefined) return found[key];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

/**
 * The reader jumps to each embed below the fold in turn (its top 80 px below the window's) and
 * stays a second: per embed, ms from the jump to its first timeline, 0 when it was drawn before.
 * Every page gets the same jumps and stays, so a lazy iframe the browser loads ahead of the
 * reader is loaded at the same point of the path.
 */
async function jumpToEach(page, origin) {
  const after = {};
  for (const embed of embeds.slice(1)) {
    const jumped = await page.evaluate((selector) => {
      const node = document.querySelector(selector);
      const at = performance.now();
      window.scrollTo(0, node.getBoundingClientRect().top + window.scrollY - 80);
      return at;
    }, embed.selector);
    const drawn = await waitForFirstTimeline(page, origin, embed.key);
    after[embed.key] = drawn === null ? null : Math.max(0, drawn - jumped);
    const now = await page.evaluate(() => performance.now());
    await page.waitForTimeout(Math.max(0, jumped + dwell - now));
  }
  return after;
}

/**
 * The reader scrolls from the top to the end at `scrollSpeed` px/s (a step each frame): per
 * embed below the fold, ms from its first pixel on screen to its first timeline, negative when it
 * was drawn before it was seen (0 when it drew during the load).
 */
async function scrollDown(page, origin, atLoad) {
  const seen = await page.evaluate(
    ({ speed, selectors }) =>
      new Promise((resolve) => {
        const seenAt = {};
        const observer = new IntersectionObserver((entries) => {
          for (const entry of entries)
            if (entry.isIntersecting && !(entry.target.dataset.key in seenAt))
              seenAt[entry.target.dataset.key] = performance.now();
        });
        for (const [key, selector] of selectors) {
          const node = document.querySelector(selector);
          node.dataset.key = key;
          observer.observe(node);
        }
        let last = performance.now();
        const step = (now) => {
          window.scrollBy(0, ((now - last) * speed) / 1000);
          last = now;
          const end = document.documentElement.scrollHeight - window.innerHeight;
          if (window.scrollY < end - 1) requestAnimationFrame(step);
          else setTimeout(() => resolve(seenAt), 300);
        };
        requestAnimationFrame(step);
      }),
    { speed: scrollSpeed, selectors: embeds.slice(1).map((e) => [e.key, e.selector]) },
  );
  const after = {};
  for (const embed of embeds.slice(1)) {
    if (atLoad[embed.key] !== undefined) {
      after[embed.key] = 0;
      continue;
    }
    const drawn = await waitForFirstTimeline(page, origin, embed.key);
    after[embed.key] =
      drawn === null || seen[embed.key] === undefined ? null : drawn - seen[embed.key];
  }
  return after;
}

/** One load of the post at `url`: first timelines, CPU in the first seconds, then the jumps. */
async function loadOnce(browser, url) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(watchFirstTimelines);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  let loadPhase = true;
  const fetched = { wasm: 0, embed: 0 };
  context.on('request', (request) => {
    if (!loadPhase) return;
    const name = new URL(request.url()).pathname;
    if (name.endsWith('.wasm')) ++fetched.wasm;
    if (name.endsWith('embed.html')) ++fetched.embed;
  });
  try {
    await browser.startTracing(undefined, {
      categories: ['toplevel', '__metadata', 'blink.user_timing'],
    });
    let traced;
    try {
      await page.goto(url, { waitUntil: 'commit' });
      const now = await page.evaluate(() => performance.now());
      await page.waitForTimeout(Math.max(0, seconds * 1000 + 150 - now));
    } finally {
      traced = await browser.stopTracing();
    }
    loadPhase = false;
    const origin = await page.evaluate(() => performance.timeOrigin);
    const events = JSON.parse(traced.toString()).traceEvents;
    // The post's navigation in the trace: its start is the window's; the iframe's embed page
    // may live in another renderer process.
    const navigations = events.filter(
      (e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL,
    );
    const own = navigations.find((e) => e.args.data.documentLoaderURL === url);
    if (!own) throw new Error(`no navigationStart for ${url} in the trace`);
    const pids = new Set([own.pid]);
    for (const e of navigations)
      if (e.args.data.documentLoaderURL.includes('embed.html')) pids.add(e.pid);
    const cpu = cpuInWindow(events, pids, own.ts, own.ts + seconds * 1000 * 1000);
    const atLoad = await firstTimelines(page, origin);
    // When the post asked for the engine (the player's dynamic import of wakeline.mjs).
    const engineAt = await page.evaluate(
      () =>
        performance.getEntriesByType('resource').find((e) => e.name.endsWith('/wakeline.mjs'))
          ?.startTime ?? null,
    );
    const afterJump =
      scrollSpeed === null
        ? await jumpToEach(page, origin)
        : await scrollDown(page, origin, atLoad);
    return { atLoad, afterJump, engineAt, cpu, fetched, errors };
  } finally {
    await context.close();
  }
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const median = (values) => (values.length ? quantile(values, 0.5) : null);
const round1 = (value) => (value === null ? null : Number(value.toFixed(1)));
const present = (values) => values.filter((v) => v !== null && v !== undefined);

/** Median and range of `values` ("412 (380 to 520)"), how many of the loads had one ("5/7"). */
function cell(values, loads) {
  const got = present(values);
  if (!got.length) return '-';
  const text = `${Math.round(median(got))} (${Math.round(Math.min(...got))} to ${Math.round(Math.max(...got))})`;
  return got.length < loads ? `${text}, ${got.length}/${loads} loads` : text;
}

const shortCommit = (commit) =>
  execFileSync('git', ['rev-parse', '--short', commit], { cwd: repo, encoding: 'utf8' }).trim();
const loadBefore = os.loadavg();
const baselineAt = pageNames.includes('before') ? shortCommit(baselineCommit) : null;
const nowAt = nowCommit === 'dist' ? 'dist' : shortCommit(nowCommit);
if (nowAt === 'dist' && !existsSync(path.join(repo, 'dist/wakeline-player.js'))) buildSite();
const baseline = baselineAt ? buildSiteAt(baselineAt) : null;
let current = null;
try {
  current = nowAt === 'dist' ? null : buildSiteAt(nowAt);
} catch (error) {
  if (baseline) rmSync(baseline.dir, { recursive: true, force: true });
  throw error;
}
const postDir = mkdtempSync(path.join(os.tmpdir(), 'wakeline-embeds-post-'));
const closers = [];
const browser = await launchBrowser();
const results = {};
try {
  // Where each page is loaded from, per hosting.
  const urls = {};
  const nowDist = current ? current.dist : path.join(repo, 'dist');
  const sites = { now: nowDist, eager: nowDist };
  if (baseline) sites.before = baseline.dist;
  for (const hosting of hostings) {
    urls[hosting] = {};
    if (hosting === 'self') {
      // The post beside the site's files, served with them by scripts/serve.mjs.
      for (const name of pageNames) {
        const dir = path.join(postDir, `self-${name}`);
        mkdirSync(dir);
        writeFileSync(path.join(dir, 'post.html'), post('', name === 'eager'));
        writeFileSync(path.join(dir, 'post.css'), readFileSync(path.join(fixtures, 'post.css')));
        const server = await startServer([dir, sites[name]]);
        closers.push(server.close);
        urls.self[name] = `${server.url}post.html`;
      }
    } else if (hosting === 'cross') {
      // The site's files from scripts/serve.mjs; the post from a blog on another port.
      const dir = path.join(postDir, 'cross');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'post.css'), readFileSync(path.join(fixtures, 'post.css')));
      const origins = {};
      for (const name of pageNames) {
        const server = await startServer([sites[name]]);
        closers.push(server.close);
        origins[name] = server.url.replace(/\/$/, '');
        writeFileSync(path.join(dir, `post-${name}.html`), post(`${server.url}`, name === 'eager'));
      }
      const blog = await startBlog(dir, (file) => {
        const name = /post-(\w+)\.html$/.exec(file)?.[1];
        return blogPolicy(origins[name] ?? "'none'");
      });
      closers.push(blog.close);
      for (const name of pageNames) urls.cross[name] = `${blog.url}post-${name}.html`;
    } else throw new Error(`--hosting: ${hosting} is not self or cross`);
  }

  for (const hosting of hostings) {
    results[hosting] = Object.fromEntries(pageNames.map((name) => [name, []]));
    for (let r = -warmup; r < rounds; ++r) {
      // The order turns each round: no page is always the first of its round.
      const order = pageNames.map((_, k) => pageNames[(k + r + warmup) % pageNames.length]);
      for (const name of order) {
        const load = await loadOnce(browser, urls[hosting][name]);
        if (r >= 0) results[hosting][name].push(load);
        const first = load.atLoad.lifo === undefined ? '-' : Math.round(load.atLoad.lifo);
        console.error(
          `${hosting} ${r < 0 ? 'warm-up' : `round ${r + 1}`} ${name}: lifo ${first} ms, cpu main ${load.cpu.main} / worker ${load.cpu.worker} / renderer ${load.cpu.renderer} ms, wasm ${load.fetched.wasm}${load.errors.length ? `, errors: ${load.errors.join('; ')}` : ''}`,
        );
      }
    }
  }

  const loadAfter = os.loadavg();
  console.log(
    `Chromium ${browser.version()}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, ` +
      `before ${baselineAt}, now ${nowAt}, ` +
      `load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ` +
      `${loadAfter.map((l) => l.toFixed(1)).join(' ')} after; ${rounds} rounds, CPU in the first ${seconds} s`,
  );
  const summary = {};
  for (const hosting of hostings) {
    summary[hosting] = {};
    console.log('');
    console.log(
      hosting === 'self'
        ? 'Self-hosted: the post on the site’s origin'
        : 'Cross-origin: the post on a blog, the player from the site',
    );
    console.log('');
    console.log(
      `| page | engine asked for | lifo-slot (above the fold) | work-stealing | iframe | coop-budget | CPU main | CPU worker | CPU renderer | .wasm fetched |`,
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const name of pageNames) {
      const loads = results[hosting][name];
      const n = loads.length;
      const atLoad = (key) => loads.map((l) => l.atLoad[key] ?? null);
      const afterJump = (key) => loads.map((l) => l.afterJump[key]);
      // An embed below the fold: from navigation when it drew during the load, and after the
      // jump (or from when it came on screen).
      const below = (key) => `${cell(atLoad(key), n)} / ${cell(afterJump(key), n)}`;
      const cpu = (part) =>
        cell(
          loads.map((l) => l.cpu[part]),
          n,
        );
      const row = [
        name,
        cell(
          loads.map((l) => l.engineAt),
          n,
        ),
        cell(atLoad('lifo'), n),
        below('stealing'),
        below('iframe'),
        below('budget'),
        cpu('main'),
        cpu('worker'),
        cpu('renderer'),
        median(loads.map((l) => l.fetched.wasm)),
      ];
      console.log(`| ${row.join(' | ')} |`);
      const errors = loads.flatMap((l) => l.errors);
      if (errors.length) console.log(`  ${name}: ${errors.length} page errors: ${errors[0]}`);
      summary[hosting][name] = {
        engineAt: round1(median(present(loads.map((l) => l.engineAt)))),
        lifo: round1(median(present(atLoad('lifo')))),
        afterJump: Object.fromEntries(
          embeds.slice(1).map((e) => [e.key, round1(median(present(afterJump(e.key))))]),
        ),
        cpu: Object.fromEntries(
          ['main', 'worker', 'renderer'].map((part) => [
            part,
            median(loads.map((l) => l.cpu[part])),
          ]),
        ),
        runs: loads,
      };
    }
    console.log(
      `(ms, median (min to max); the engine: wakeline.mjs requested, from navigation; below the fold: first timeline from navigation / ${scrollSpeed === null ? 'after the jump (0: drawn before it)' : `from its first pixel on screen (negative: drawn before; 0: drawn during the load), scrolling at ${scrollSpeed} px/s`}; CPU in the first ${seconds} s)`,
    );
    // Ratios within a round: each page over `before` in the same round.
    if (pageNames.includes('before')) {
      console.log('');
      for (const name of pageNames.filter((n) => n !== 'before')) {
        const ratio = (pick) => {
          const values = results[hosting].before
            .map((b, r) => {
              const x = pick(results[hosting][name][r]);
              const y = pick(b);
              return x != null && y ? x / y : null;
            })
            .filter((v) => v !== null);
          return values.length
            ? `${median(values).toFixed(2)} [${values.map((v) => v.toFixed(2)).join(', ')}]`
            : '-';
        };
        console.log(
          `${name} / before, per round: lifo first timeline ${ratio((l) => l.atLoad.lifo)}; ` +
            `CPU main ${ratio((l) => l.cpu.main)}; worker ${ratio((l) => l.cpu.worker)}; ` +
            `renderer ${ratio((l) => l.cpu.renderer)}`,
        );
      }
    }
  }
  console.log('');
  console.log(
    JSON.stringify({
      bench: 'embeds',
      baseline: baselineAt,
      now: nowAt,
      chromium: browser.version(),
      cores: os.cpus().length,
      load: { before: loadBefore, after: loadAfter },
      seconds,
      rounds,
      scroll: scrollSpeed ?? 'jump',
      results: summary,
    }),
  );
} finally {
  await browser.close();
  for (const close of closers) close();
  rmSync(postDir, { recursive: true, force: true });
  if (baseline) rmSync(baseline.dir, { recursive: true, force: true });
  if (current) rmSync(current.dir, { recursive: true, force: true });
}
