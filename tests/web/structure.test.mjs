// How web/app is put together, checked on its sources: the playground, the embed page and the
// <wakeline-player> element start runs through one module (run-controller.js) and play them on
// one clock (playback/clock.js); the nodes built from code come from dom.js's element(), and
// every binary search is timeline/visible.js's lowerBound.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from 'esbuild';
import { filesMatching, repo } from './support/app-sources.mjs';

/** The web/app modules bundled into the script built from `entry`, as esbuild resolves them. */
async function bundledModules(entry) {
  const result = await build({
    absWorkingDir: repo,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    logLevel: 'silent',
    loader: { '.css': 'text' },
    plugins: [
      {
        // The API stays outside the page's bundles (scripts/build-web.mjs).
        name: 'api-external',
        setup(builder) {
          builder.onResolve({ filter: /wakeline\.mjs$/ }, (args) => ({
            path: args.path,
            external: true,
          }));
        },
      },
    ],
  });
  return Object.keys(result.metafile.inputs).filter((file) => file.startsWith('web/app/'));
}

test('only run-controller.js starts runs on the engine', async () => {
  assert.deepEqual(await filesMatching(/\.run\(/), ['run-controller.js']);
});

test('the page and the player element bundle the same run controller and playback clock', async () => {
  for (const entry of ['web/app/main.js', 'web/app/player/player-element.js']) {
    const modules = await bundledModules(entry);
    assert.ok(
      modules.includes('web/app/run-controller.js'),
      `${entry} runs through run-controller.js`,
    );
    assert.ok(modules.includes('web/app/playback/clock.js'), `${entry} plays on playback/clock.js`);
  }
  // embed.html is one <wakeline-player>: its script only sets the element's attributes.
  assert.ok(
    !(await bundledModules('web/app/embed/embed-main.js')).includes('web/app/run-controller.js'),
  );
});

test('element() is defined once, in dom.js', async () => {
  assert.deepEqual(await filesMatching(/function element\(/), ['dom.js']);
});

test('every binary search is lowerBound in timeline/visible.js', async () => {
  assert.deepEqual(await filesMatching(/while \(lo <=? hi\)|\(lo \+ hi\) >>/), [
    'timeline/visible.js',
  ]);
});
