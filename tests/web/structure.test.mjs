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

/** The web/app modules of the playground's first load: app.js and the chunks it imports. */
async function firstLoadModules() {
  const result = await build({
    absWorkingDir: repo,
    entryPoints: [{ in: 'web/app/main.js', out: 'app' }],
    outdir: 'dist-structure-test',
    bundle: true,
    splitting: true,
    write: false,
    metafile: true,
    format: 'esm',
    logLevel: 'silent',
    plugins: [
      {
        name: 'api-external',
        setup(builder) {
          builder.onResolve({ filter: /wakeline\.mjs$/ }, (args) => ({
            path: args.path,
            external: true,
          }));
        },
      },
      {
        // As scripts/build-web.mjs builds app.js: i18n.js carries en/first.js's English only.
        name: 'english-first',
        setup(builder) {
          builder.onResolve({ filter: /^\.\/en\/index\.js$/ }, (args) =>
            args.importer.endsWith('i18n.js')
              ? { path: args.importer.replace(/i18n\.js$/, 'en/first.js') }
              : undefined,
          );
        },
      },
    ],
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint === 'web/app/main.js');
  const files = new Set([entry]);
  for (const file of files)
    for (const { path: imported, kind } of outputs[file].imports)
      if (kind === 'import-statement' && outputs[imported]) files.add(imported);
  return new Set([...files].flatMap((file) => Object.keys(outputs[file].inputs)));
}

test('what the first timeline does not need loads after it (later.js)', async () => {
  const first = await firstLoadModules();
  for (const module of [
    'web/app/later.js',
    'web/app/share/share-menu.js',
    'web/app/timeline/figure.js',
    'web/app/tours/tour-editor.js',
    'web/app/compare/compare-panel.js',
    'web/app/task-table.js',
    'web/app/warnings.js',
    'web/app/inspect/waker-history.js',
    'web/app/program/console-view.js',
    'web/app/program/state-view.js',
    'web/app/i18n/en/share-menu.js',
    'web/app/i18n/en/player.js',
  ])
    assert.ok(!first.has(module), `${module} is in the first load`);
  // Reading the link, its tour and the caption's words stay in it.
  for (const module of [
    'web/app/share/link-state.js',
    'web/app/share/link-codec.js',
    'web/app/tours/link-tour.js',
    'web/app/narration.js',
  ])
    assert.ok(first.has(module), `${module} is not in the first load`);
});
