// Wakeline's playground page: loads the runtime, builds the controls from its catalogue, runs
// `concurrent` (or the example the link names) and wires timeline, source and status together.
import { CatalogueForm } from './catalogue-form.js';
import { ComparePanel } from './compare/compare-panel.js';
import { byId } from './dom.js';
import { loadEngine } from './engine.js';
import { WakerHistoryView } from './inspect/waker-history.js';
import { PlaybackSession } from './playback/session.js';
import { RunController } from './run-controller.js';
import { attachShare } from './share/page-share.js';
import { SourceView } from './source-view.js';
import { attachInteraction } from './timeline/interaction.js';
import { formatTime } from './timeline/time-format.js';
import { Timeline } from './timeline/timeline.js';

const defaultExample = 'concurrent';

// The engine (Web Worker, core module, wasm) is the longest wait of a first load: it starts
// loading now, before anything else is set up, and the catalogue is asked for as soon as it is
// there. A failure is reported by start().
const engineReady = loadEngine();
const examplesReady = engineReady.then((engine) => engine.examples());
examplesReady.catch(() => {});

function showError(message) {
  const banner = byId('error-banner');
  banner.textContent = message;
  banner.hidden = false;
}

function setRunState(state) {
  document.body.dataset.runState = state;
}

async function start() {
  setRunState('loading');
  const statusText = byId('run-status-text');
  const progress = byId('run-progress');
  const runButton = byId('run-button');
  const cancelButton = byId('cancel-button');
  const details = byId('selection-details');
  const rangeReadout = byId('timeline-range');
  const sourceView = new SourceView(byId('source-view'));

  let model = null;
  let playback = null;
  let share = null;
  let compare = null;
  // Work that can wait until the first timeline is on screen (task table, warnings, the address
  // bar): queued until the first frame with events, then run in order after that frame; once
  // the queue has run, work runs at once.
  let deferred = [];
  let flushing = false;
  const afterFirstTimeline = (work) => {
    if (deferred) deferred.push(work);
    else work();
  };
  // Its rows select their event, which moves the playhead there (playback.pick).
  const wakerHistory = new WakerHistoryView(byId('waker-history'), (event) => playback?.pick(event));
  const timeline = new Timeline(byId('timeline'), {
    onSelect(hit) {
      share?.selected(hit);
      if (!hit || !model) {
        details.textContent = 'Click a poll or an event to select it.';
        sourceView.highlight(null, null);
        wakerHistory.clear();
        return;
      }
      const fields = model.fieldsOf(hit.event);
      const where = fields.file && fields.line ? ` at ${fields.file}:${fields.line}` : '';
      const what = hit.poll !== -1 ? `poll of ${hit.lane.label} (${fields.result ?? 'running'})` : fields.kind;
      details.textContent = `Selected #${fields.seq}: ${what}${where}, t = ${formatTime(fields.t)}`;
      sourceView.highlight(fields.file, fields.line);
      if (hit.task) wakerHistory.show(model, hit.task, hit.event);
      else wakerHistory.clear();
      playback?.selected(hit);
    },
    onView(view) {
      share?.viewChanged(view);
      rangeReadout.textContent = view.count === 0
        ? ''
        : `showing ${formatTime(Math.max(0, view.t0))} – ${formatTime(Math.max(0, view.t1))}`;
      rangeReadout.dataset.x0 = String(view.x0);
      rangeReadout.dataset.x1 = String(view.x1);
      compare?.viewChanged();
      if (deferred && !flushing && timeline.drewEvents) {
        flushing = true;
        setTimeout(() => {
          for (let i = 0; i < deferred.length; ++i) deferred[i]();
          deferred = null;
        }, 0);
      }
    },
  });
  attachInteraction(timeline);
  playback = new PlaybackSession(timeline, sourceView, {
    playback: byId('playback'),
    narration: byId('narration'),
    runQueue: byId('run-queue'),
    taskTable: byId('task-table'),
    warnings: byId('warnings'),
  });
  byId('fit-button').addEventListener('click', () => timeline.fit());
  const spread = byId('spread-instants');
  spread.addEventListener('change', () => {
    if (!model) return;
    model.spread = spread.checked;
    timeline.fit();
    playback.layoutChanged();
  });

  let engine;
  try {
    engine = await engineReady;
  } catch (error) {
    setRunState('error');
    showError(`The runtime could not be loaded: ${error?.message ?? error}`);
    return;
  }
  const examples = await examplesReady;
  const strategies = await engine.strategies();
  const form = new CatalogueForm(examples, {
    examplePicker: byId('example-picker'),
    explanation: byId('example-explanation'),
    strategyPicker: byId('strategy-picker'),
    params: byId('params'),
    runButton,
  }, {
    strategies,
    onExampleChange(example) {
      byId('example-title').textContent = example.title;
      sourceView.show(example.source_file, example.source);
    },
  });

  const runs = new RunController(engine, {
    start(newModel, request) {
      model = newModel;
      compare?.runStarted(newModel, request);
      afterFirstTimeline(() => share.runStarted(newModel, request));
      model.spread = spread.checked;
      timeline.setModel(model);
      playback.setModel(model);
      wakerHistory.clear();
      details.textContent = 'Click a poll or an event to select it.';
      byId('error-banner').hidden = true;
      statusText.textContent = 'running…';
      progress.hidden = false;
      cancelButton.disabled = false;
      setRunState('running');
    },
    progress(current) {
      statusText.textContent = `${current.count.toLocaleString('en')} events…`;
      timeline.modelChanged();
      afterFirstTimeline(() => playback.modelChanged());
    },
    end(current, summary) {
      timeline.modelChanged();
      progress.hidden = true;
      cancelButton.disabled = true;
      const outcome = summary.outcome === 'completed' ? '' : ` · ${summary.outcome}`;
      statusText.textContent =
        `${current.count.toLocaleString('en')} events · ${formatTime(current.duration)}${outcome}`;
      if (summary.message) showError(`The run ended with ${summary.outcome}: ${summary.message}`);
      afterFirstTimeline(() => {
        if (current !== model) return;
        playback.runEnded();
        // A task selected while events streamed in: its history is complete now.
        const selection = timeline.selection;
        if (selection?.task) wakerHistory.show(current, selection.task, selection.event);
        share.runEnded(current);
        compare?.runEnded(current, summary);
        setRunState('done');
      });
    },
    error(error) {
      progress.hidden = true;
      cancelButton.disabled = true;
      statusText.textContent = 'not run';
      showError(error?.message ?? String(error));
      setRunState('error');
    },
  });

  const run = () => {
    const request = form.request();
    if (request) runs.start(request);
  };
  // Run is the form's submit button (index.html), so Enter in a field runs too, and a disabled
  // Run blocks both.
  byId('params-form').addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  cancelButton.addEventListener('click', () => runs.cancel());

  // Compare mode (compare/compare-panel.js): another strategy's run on a timeline under this one.
  compare = new ComparePanel({
    engine, examples, timeline, playback, spread, fallback: defaultExample,
    picker: byId('compare-picker'), examplePicker: byId('example-picker'), rerun: run,
  });

  // The link (share/page-share.js) picks the scenario: example, strategy, parameters, seed, view.
  share = attachShare({ timeline, form, runs, examples, fallback: defaultExample });
  share.initialRequest();
  compare.applyLink(location.hash);
  run();
}

start().catch((error) => {
  setRunState('error');
  showError(`The page failed to start: ${error?.message ?? error}`);
});
