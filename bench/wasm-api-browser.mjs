// Events per second reaching a page from the JavaScript API in Chromium: the module in its Web
// Worker (the browser default) and in the page's own thread, for `concurrent` with 10,000 tasks.
// Needs build/wasm/api (cmake --build --preset wasm), Debian's chromium and playwright-core
// (npm install; scripts/install-deps.sh installs both).
//
//   node bench/wasm-api-browser.mjs [--runs N]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiDir = path.join(repo, 'build/wasm/api');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 7;
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

if (!existsSync(path.join(apiDir, 'wakeline.mjs'))) {
  console.error('missing build/wasm/api: cmake --preset wasm && cmake --build --preset wasm');
  process.exit(1);
}

function serve() {
  const child = spawn(process.execPath, [path.join(repo, 'scripts/serve.mjs'), apiDir], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) resolve({ url: match[0], close: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${output}`)));
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await serve();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
try {
  const page = await browser.newPage();
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  await page.goto(`${server.url}wakeline.mjs`);
  console.log(
    `## Events reaching the page in Chromium ${browser.version()} (median of ${runs} runs after a warm-up)`,
  );
  console.log(
    'from run() until done, every batch iterated (objects decoded), default batch size and flush interval',
  );
  for (const worker of [true, false]) {
    const times = await page.evaluate(
      async ({ worker, runs }) => {
        const { createWakeline } = await import('/wakeline.mjs');
        const wl = await createWakeline({ worker });
        const once = async () => {
          const start = performance.now();
          const run = await wl.run('concurrent', { params: { tasks: 10000 } });
          let received = 0;
          for await (const batch of run) received += batch.length;
          const { events, outcome } = await run.done;
          if (outcome !== 'completed' || received !== events)
            throw new Error(`${outcome}: ${received} of ${events}`);
          return { millis: performance.now() - start, events };
        };
        await once();
        const out = [];
        for (let i = 0; i < runs; ++i) out.push(await once());
        wl.dispose();
        return out;
      },
      { worker, runs },
    );
    const m = median(times.map((t) => t.millis));
    const events = times[0].events;
    console.log(
      `concurrent tasks=10000, ${events} events, ${worker ? 'Web Worker  ' : 'page thread '}: ` +
        `${m.toFixed(1)} ms = ${(events / m / 1000).toFixed(2)} M events/s`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
