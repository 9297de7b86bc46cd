// The timeline's time axis (web/app/timeline/render.js axisTicks): never a negative label
// ("-20 ns", issue 19), whether the window is panned before the run's start or zoomed in on it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TraceModel } from '../../../web/app/timeline/model.js';
import { axisTicks } from '../../../web/app/timeline/render.js';
import { TimeScale } from '../../../web/app/timeline/time-scale.js';

const trace = [
  { seq: 1, t: 0, kind: 'runtime_start', clock: 'virtual' },
  { seq: 2, t: 0, kind: 'task_spawn', task: 1, name: 'main', file: 'x.cpp', line: 9 },
  { seq: 3, t: 0, kind: 'poll_begin', task: 1, worker: 0, depth: 0 },
  { seq: 4, t: 0, kind: 'timer_arm', timer: 1, task: 1, deadline: 80 },
  { seq: 5, t: 0, kind: 'poll_end', task: 1, worker: 0, result: 'pending' },
  { seq: 6, t: 0, kind: 'park', worker: 0, until: 80 },
  { seq: 7, t: 80, kind: 'unpark', worker: 0 },
  { seq: 8, t: 80, kind: 'timer_fire', timer: 1, task: 1 },
  { seq: 9, t: 80, kind: 'waker_wake', task: 1, by: 'timer', by_id: 1, effect: 'scheduled' },
  { seq: 10, t: 80, kind: 'poll_begin', task: 1, worker: 0, depth: 0 },
  { seq: 11, t: 80, kind: 'poll_end', task: 1, worker: 0, result: 'ready' },
];

function model() {
  const m = new TraceModel();
  m.appendNdjson(trace.map((event) => `${JSON.stringify(event)}\n`).join(''));
  return m;
}

test('no axis label is below 0, however far the window is panned before the start', () => {
  const m = model();
  const end = m.xOfTime(80);
  for (const [x0, x1] of [
    [-40, end],
    [-200, 20],
    [-1e6, end],
    [-25, 5],
    [-3, 0.5],
    [0, end],
  ]) {
    const ticks = axisTicks({ model: m, scale: new TimeScale(x0, x1, 112, 600) });
    const labels = ticks.map((tick) => tick.label);
    assert.ok(
      ticks.every((tick) => tick.t >= 0 && !Object.is(tick.t, -0)),
      `[${x0}, ${x1}]: ${labels.join('|')}`,
    );
    assert.ok(
      labels.every((label) => !label.startsWith('-')),
      `[${x0}, ${x1}]: ${labels.join('|')}`,
    );
  }
});

test('a window wholly before the start has no labels at all', () => {
  const m = model();
  const ticks = axisTicks({ model: m, scale: new TimeScale(-500, -100, 112, 600) });
  assert.deepEqual(ticks, []);
});
