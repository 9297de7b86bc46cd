// Wakeline's playground page: loads the runtime, builds the controls from its catalogue, runs
// `concurrent` (or the example the link names) and wires timeline, source and status together.
// `start` puts the page together from the named parts below; each part owns one region of it.
import { AfterFirstTimeline } from './after-first-timeline.js';
import { CatalogueForm } from './catalogue-form.js';
import { byId } from './dom.js';
import { filesBeside, loadEngine } from './engine.js';
import { t } from './i18n/i18n.js';
import { startPageLanguage } from './i18n/page-language.js';
import { ExplanationBox } from './explanation-box.js';
import { attachIntro } from './intro.js';
import { ProgramPanel, newProgramEntry, newProgramId } from './program/program-panel.js';
import { decodeProgram, encodeProgram } from './program/program-link.js';
import { ProgramStore } from './program/program-store.js';
import { prefetchProgram, useProgramFiles } from './program/program-text.js';
import { playgroundUrl } from './program/rust-playground.js';
import { tokenizeRust } from './program/rust-tokens.js';
import { byteOffsetOf } from './program/spans.js';
import { mapEvent } from './program/story-map.js';
import { PanelSizes } from './layout/panel-sizes.js';
import { PlaybackSession } from './playback/session.js';
import { RunController } from './run-controller.js';
import { RunStatus, setRunState, showError } from './run-status.js';
import { attachShare } from './share/page-share.js';
import { takeLinkTour } from './tours/link-tour.js';
import { SourceView } from './source-view.js';
import { StaleRunNote } from './stale-run.js';
import { attachInteraction } from './timeline/interaction.js';
import { Legend } from './timeline/legend.js';
import { describeHit } from './timeline/tooltip.js';
import { formatTime } from './timeline/time-format.js';
import { Timeline } from './timeline/timeline.js';

const defaultExample = 'concurrent';

// The engine (Web Worker, core module, wasm) is the longest wait of a first load: it starts
// loading now, before anything else is set up, and the catalogue is asked for as soon as it is
// there. A failure is reported by start().
const engineReady = loadEngine();
const examplesReady = engineReady.then((engine) => engine.examples());
examplesReady.catch(() => {});
// The page opens on the example's program (its .rs), a small text file: fetched now as well. A
// link without a program names the C++ run, which needs none.
useProgramFiles(filesBeside);
/**
 * Runs `work` when the main thread is idle. Until the engine's worker has started, the main
 * thread's turns decide when it starts (engine.js hands it the wasm bytes first): work that can
 * wait should not take one of them.
 */
function afterEngineStarted(work) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 1000 });
  else setTimeout(work, 0);
}

/**
 * Whether the link (`hash`) names a run: any part of it does but the page's language (`lang`),
 * so `#lang=es` opens the page as no link does, in Spanish.
 */
function linkNamesRun(hash = location.hash) {
  return hash
    .replace(/^#/, '')
    .split('&')
    .some((part) => part !== '' && !part.startsWith('lang='));
}

// Without a link the page shows the default example's program as the example has it (unless
// the reader kept edits): it is drawn, still hidden, as soon as it arrives, while the engine
// loads, so the panel's showing it later costs nothing before the first run (ProgramPanel keeps
// the rows of a text it is shown again).
const earlyProgram = {
  view: new SourceView(byId('program-plain'), tokenizeRust),
  /** Set once the panel has the view: from then on only the panel draws into it. */
  taken: false,
};
{
  const hash = location.hash;
  const linked = /(?:^#|&)example=([a-z0-9-]+)/.exec(hash)?.[1];
  const linkedRun = linkNamesRun(hash);
  if (!linkedRun || hash.includes('program=')) {
    const name = `${linked ?? defaultExample}.rs`;
    const text = prefetchProgram(name);
    if (!linkedRun && new ProgramStore().get(defaultExample) === null)
      text.then((source) =>
        afterEngineStarted(() => {
          if (source != null && !earlyProgram.taken) earlyProgram.view.show(name, source);
        }),
      );
  }
}

/**
 * What the parts share: the run shown (`model`) and the page's components, filled in by start()
 * as they are made. Components made later (share, compare) are absent until then.
 */
function newPage() {
  return {
    model: null,
    status: new RunStatus(),
    // The code that waits for the first timeline (later.js, a chunk) loads as it is drawn.
    afterFirstTimeline: new AfterFirstTimeline(() => import('./later.js')),
    details: byId('selection-details'),
    sourceView: new SourceView(byId('source-view')),
    // Where the current line shows: the C++ source view or the program (ProgramPanel.highlight).
    source: {
      highlight: (file, line) => null,
    },
    program: null,
    /** Whether the language (the full module) has answered once: programs then run as such. */
    languageLoaded: false,
    /** The run of the program that replaces its C++ twin's first timeline (a RunController). */
    upgrade: null,
    /** The request of the run shown. */
    shownRequest: null,
    console: null,
    states: null,
    spread: byId('spread-instants'),
    panels: new PanelSizes(
      document.querySelector('.app-main'),
      document.querySelector('.timeline-panel'),
    ),
    stale: null,
    legend: null,
    wakerHistory: null,
    timeline: null,
    playback: null,
    form: null,
    runs: null,
    compare: null,
    share: null,
  };
}

/** A selection on the timeline (a hit, or null): details, source line, waker history, playhead. */
function showSelection(page, hit) {
  const { model, details, source: sourceView, wakerHistory } = page;
  page.share?.selected(hit);
  if (!hit || !model) {
    details.textContent = t('page.selection.none');
    sourceView.highlight(null, null);
    wakerHistory?.clear();
    return;
  }
  const fields = model.fieldsOf(hit.event);
  // The tooltip's words, after the event's number (the playback counter's): "Selected event 12:
  // Poll #2 of main: returned Poll::Pending".
  const { title } = describeHit(model, hit);
  details.textContent = t('page.selection.event', { seq: String(fields.seq), title });
  sourceView.highlight(fields.file, fields.line);
  if (hit.task) wakerHistory?.show(model, hit.task, hit.event);
  else wakerHistory?.clear();
  page.playback?.selected(hit);
}

/** The timeline drew a frame showing `view`: the range readout, the link, the compared run. */
function showView(page, view, rangeReadout) {
  page.share?.viewChanged(view);
  rangeReadout.textContent =
    view.count === 0
      ? ''
      : t('page.range', {
          from: formatTime(Math.max(0, view.t0)),
          to: formatTime(Math.max(0, view.t1)),
        });
  rangeReadout.dataset.x0 = String(view.x0);
  rangeReadout.dataset.x1 = String(view.x1);
  page.compare?.viewChanged();
  fitTimelines(page);
  page.afterFirstTimeline.frameDrawn(page.timeline);
}

/** The timelines drew: without a height of the reader's, each is as tall as its lanes. */
function fitTimelines(page) {
  const heights = [page.timeline.contentHeight];
  const compared = page.compare?.shownTimeline;
  if (compared) heights.push(compared.contentHeight);
  page.panels.fit(heights);
}

/** The timeline with its input, the playback session and the toolbar's Fit and spread controls. */
function buildViews(page) {
  const rangeReadout = byId('timeline-range');
  page.timeline = new Timeline(byId('timeline'), {
    onSelect: (hit) => showSelection(page, hit),
    onView: (view) => showView(page, view, rangeReadout),
  });
  attachInteraction(page.timeline);
  page.source.highlight = (file, line) =>
    page.program ? page.program.highlight(file, line) : page.sourceView.highlight(file, line);
  page.playback = new PlaybackSession(page.timeline, page.source, {
    playback: byId('playback'),
    narration: byId('narration'),
    runQueue: byId('run-queue'),
    taskTable: byId('task-table'),
    warnings: byId('warnings'),
  });
  page.legend = new Legend(byId('legend'), byId('timeline'));
  // The inspect views' code (later.js) comes after the first timeline: run queue, task table and
  // warnings (the playback session's), and the waker history, whose rows select their event,
  // which moves the playhead there (playback.pick).
  page.afterFirstTimeline.schedule((later) => {
    if (!later) return;
    page.playback.attachViews(later);
    page.wakerHistory = new later.WakerHistoryView(byId('waker-history'), (event) =>
      page.playback?.pick(event),
    );
    const selection = page.timeline.selection;
    if (selection?.task && page.model)
      page.wakerHistory.show(page.model, selection.task, selection.event);
  });
  byId('fit-button').addEventListener('click', () => page.timeline.fit());
  page.spread.addEventListener('change', () => {
    if (!page.model) return;
    page.model.spread = page.spread.checked;
    page.timeline.fit();
    page.playback.layoutChanged();
  });
}

/** The header's example, strategy and parameter controls, built from the catalogue. */
function buildForm(page, examples, strategies) {
  return new CatalogueForm(
    examples,
    {
      examplePicker: byId('example-picker'),
      explanation: new ExplanationBox(byId('example-explanation'), byId('explanation-more')),
      strategyPicker: byId('strategy-picker'),
      params: byId('params'),
      runButton: byId('run-button'),
      runBlocked: byId('run-blocked'),
    },
    {
      strategies,
      onExampleChange(example) {
        byId('example-title').textContent = example.title;
        // The panel draws the C++ when it shows it; before the panel exists, the C++ is shown.
        if (page.program) page.program.showExample(example);
        else page.sourceView.show(example.source_file, example.source);
        programModeChanged(page);
      },
    },
  );
}

/** What the page does as a run (or an import) starts, grows, ends or fails: RunController's hooks. */
function runHooks(page) {
  const { timeline, playback, status } = page;
  return {
    start(model, request) {
      page.model = model;
      page.shownRequest = request;
      document.body.dataset.programRun = request?.preview
        ? 'preview'
        : request?.source != null
          ? 'program'
          : 'none';
      page.compare?.runStarted(model, request);
      page.afterFirstTimeline.schedule(() => page.share.runStarted(model, request));
      model.spread = page.spread.checked;
      timeline.setModel(model);
      playback.setModel(model);
      page.wakerHistory?.clear();
      page.details.textContent = t('page.selection.none');
      page.stale.ran(request);
      page.legend.update(model);
      page.console?.setModel(model);
      page.program?.setEventLines(new Map());
      status.started();
    },
    progress(model) {
      status.received(model.count);
      timeline.modelChanged();
      page.afterFirstTimeline.schedule(() => {
        playback.modelChanged();
        if (model === page.model) page.console?.update();
      });
    },
    end(model, summary) {
      timeline.modelChanged();
      status.ended(model, summary);
      page.afterFirstTimeline.schedule(() => {
        if (model !== page.model) return;
        playback.runEnded();
        // A task selected while events streamed in: its history is complete now.
        const selection = timeline.selection;
        if (selection?.task) page.wakerHistory?.show(model, selection.task, selection.event);
        page.legend.update(model);
        page.console?.ended();
        page.program?.setEventLines(eventLines(model, page.program.name));
        page.share.runEnded(model);
        page.compare?.runEnded(model, summary);
        status.done();
      });
      // A run without events draws no first timeline: what waits for it goes ahead.
      if (model.count === 0) page.afterFirstTimeline.release();
      const request = page.shownRequest;
      if (request?.preview && model === page.model)
        page.afterFirstTimeline.schedule(() => upgradeToProgram(page, model, request));
    },
    error(error) {
      status.failed(error);
      // No first timeline may come: the menus and views held back for it load now.
      page.afterFirstTimeline.release();
      // A program the engine refused: its errors are listed under it.
      if (error?.code === 'program_error') page.program?.checkNow();
    },
  };
}

/**
 * Run (the form's submit button, so Enter in a field runs too) and Cancel; returns run(). A
 * parameter typed into the form waits for Run, and meanwhile the timeline is marked stale.
 */
function attachRunControls(page) {
  const run = async () => {
    const program = page.program;
    await program?.loading;
    const request = page.form.request();
    if (!request) return;
    page.upgrade?.cancel();
    page.upgrade = null;
    if (program?.mode === 'rust') {
      if (page.form.blocked) {
        page.status.failed(new Error(page.form.blocked));
        return;
      }
      const source = program.text;
      if (!page.languageLoaded && program.previewable) {
        // The example's own program: its C++ run tells the same story and needs only the
        // examples' module, so it draws the first timeline while the language loads; then the
        // program's own run replaces it (upgradeToProgram). The link is written after the first
        // timeline: its program part is compressed once the run has been asked for.
        request.preview = { source, name: program.name };
        page.runs.start(request);
        encodeProgram(source).then((encoded) => (request.programLink = encoded));
        return;
      }
      request.programLink = await encodeProgram(source);
      request.source = source;
      request.name = program.name;
    }
    page.runs.start(request);
  };
  // A disabled Run blocks both the button and Enter.
  const form = byId('params-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  const changed = () => page.stale.formChanged(page.form.valid ? page.form.request() : null);
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  byId('cancel-button').addEventListener('click', () => page.runs.cancel());
  return run;
}

/**
 * Picking an example or a strategy runs it at once, as the compare picker does: the timeline,
 * the source and the link never show two different choices. Called after the compare panel has
 * set up its own listeners, so the run sees the compare picker as the new example left it.
 */
function runOnPick(run) {
  byId('example-picker').addEventListener('change', run);
  byId('strategy-picker').addEventListener('change', run);
}

/**
 * The first timeline of an example's program came from its C++ twin (`request.preview`): runs
 * the program itself once the language is there and, when it has ended, shows it in place of
 * the C++ run, with the playhead, the selection and the window on the same moment of the story
 * (program/story-map.js). Anything else shown meanwhile (another run, an import) cancels it.
 */
function upgradeToProgram(page, preview, previewRequest) {
  if (page.model !== preview || page.upgrade) return;
  const { preview: program, ...rest } = previewRequest;
  const request = { ...rest, source: program.source, name: program.name };
  const say = (text) => {
    const node = byId('program-message');
    node.textContent = text;
    node.classList.remove('is-error');
  };
  say(t('page.program.preview', { example: previewRequest.example, program: program.name }));
  const controller = new RunController(page.runs.engine, {
    start() {},
    progress() {},
    end(model, summary) {
      if (page.upgrade !== controller) return;
      page.upgrade = null;
      page.languageLoaded = true;
      if (page.model !== preview || summary?.outcome === 'cancelled') return;
      say('');
      swapRun(page, preview, model, request, summary);
    },
    error(error) {
      if (page.upgrade !== controller) return;
      page.upgrade = null;
      if (page.model === preview) document.body.dataset.programRun = 'twin';
      say(
        t('page.program.previewFailed', {
          program: program.name,
          message: String(error?.message ?? error),
        }),
      );
    },
  });
  page.upgrade = controller;
  controller.start(request);
}

/** Shows the ended run `model` of `request` in place of `preview`, on the same moment. */
function swapRun(page, preview, model, request, summary) {
  const { timeline, playback } = page;
  const playing = playback.clock.playing;
  const at = mapEvent(preview, model, playback.clock.event);
  const selected = timeline.selection ? mapEvent(preview, model, timeline.selection.event) : -1;
  const window = timeline.autoFit
    ? null
    : { t0: preview.timeAt(timeline.x0), t1: preview.timeAt(timeline.x1) };
  // A link's own window, selection and playhead are put on the program's run (page-share.js).
  const linkView = page.share.hasPendingView();
  const hooks = page.runs.hooks;
  hooks.start(model, request);
  hooks.progress(model);
  hooks.end(model, summary);
  if (linkView) return;
  if (window) {
    timeline.x0 = model.xOfTime(window.t0);
    timeline.x1 = model.xOfTime(window.t1);
    timeline.autoFit = false;
    timeline.requestDraw();
  }
  if (selected >= 0) playback.pick(selected, { seek: false });
  if (at >= 0) playback.restore(at);
  if (playing) playback.clock.play();
}

/** The lines of program `file` that have events in `model`: a Map from line to count. */
function eventLines(model, file) {
  const lines = new Map();
  for (let i = 0; i < model.count; ++i) {
    if (model.field(i, 'file') !== file) continue;
    const line = model.field(i, 'line');
    if (Number.isInteger(line)) lines.set(line, (lines.get(line) ?? 0) + 1);
  }
  return lines;
}

/**
 * The panel switched between a program and C++ (or to another example): the form's parameters,
 * the console and state sections, the editor (loaded once a program is shown, after the first
 * timeline), the Rust Playground link.
 */
function programModeChanged(page) {
  const program = page.program;
  if (!program) return;
  const rust = program.mode === 'rust';
  page.form.useProgram(rust);
  byId('console-section').hidden = !rust;
  byId('states-section').hidden = !rust;
  if (rust) page.afterFirstTimeline.schedule(() => program.mode === 'rust' && program.loadEditor());
  else page.states?.setMachines([]);
}

/** The program's pieces: the panel, its console and its state machine view. */
function buildProgram(page, engine, examples, run) {
  const say = (text, isError = false) => {
    const node = byId('program-message');
    node.textContent = text;
    node.classList.toggle('is-error', isError);
  };
  let statesAsked = 0;
  earlyProgram.taken = true;
  // Checks (the language, in the full module) wait for the first timeline.
  const language = new Promise((resolve) => page.afterFirstTimeline.schedule(resolve));
  // The console and the state view come with later.js, after the first timeline.
  page.afterFirstTimeline.schedule((later) => {
    if (!later) return;
    page.console = new later.ConsoleView(byId('console'), (event) => page.playback.pick(event));
    page.states = new later.StateView(byId('state-view'), {
      goTo: (position) => page.program.goTo(position),
    });
    if (page.model) page.console.setModel(page.model);
  });
  page.program = new ProgramPanel(
    {
      panel: byId('source-panel'),
      rustTab: byId('source-rust'),
      cppTab: byId('source-cpp'),
      cppView: byId('source-view'),
      programPane: byId('program-pane'),
      plain: byId('program-plain'),
      editorHost: byId('program-editor'),
      diagnostics: byId('program-diagnostics'),
      diagnosticsSummary: byId('program-diagnostics-summary'),
      diagnosticsList: byId('program-diagnostics-list'),
      newButton: byId('program-new'),
      resetButton: byId('program-reset'),
      exportButton: byId('program-export'),
      importButton: byId('program-import'),
      importFile: byId('program-file'),
      playground: byId('program-playground'),
      cppOnly: byId('cpp-only'),
      cppOnlyText: byId('cpp-only-text'),
      nearestButton: byId('program-nearest'),
    },
    {
      engine,
      examples,
      language,
      sourceView: page.sourceView,
      plainView: earlyProgram.view,
      hooks: {
        runProgram: run,
        said: say,
        failed: (text) => say(text, true),
        blocked: (reason) => page.form?.block(reason),
        switchMode(mode) {
          page.program.showExample(page.form.example, { mode });
          programModeChanged(page);
          run();
        },
        newProgram() {
          page.form.selectExample(newProgramId);
          run();
        },
        async openProgramOf(id) {
          page.program.preferred = 'rust';
          page.form.selectExample(id);
          await run();
        },
        textChanged(text) {
          byId('program-playground').href = playgroundUrl(text);
          page.stale?.programChanged(text);
        },
        async checked(text, found) {
          page.languageLoaded = true;
          if (found.some((d) => d.severity === 'error')) return;
          const mine = ++statesAsked;
          try {
            const { machines } = await engine.states(text);
            if (mine === statesAsked) page.states?.setMachines(machines);
          } catch (error) {
            if (mine === statesAsked)
              page.states?.setMachines(
                [],
                t('page.program.noStates', { message: String(error?.message ?? error) }),
              );
          }
        },
        lineEvents(line) {
          const model = page.model;
          if (!model) return;
          const file = page.program.name;
          const from = Math.max(0, page.playback.clock.event);
          for (let k = 1; k <= model.count; ++k) {
            const i = (from + k) % model.count;
            if (model.field(i, 'file') === file && model.field(i, 'line') === line) {
              page.playback.pick(i);
              say(t('page.program.lineEvent', { line: String(line), event: String(i + 1) }));
              return;
            }
          }
          say(t('page.program.lineNone', { line: String(line) }));
        },
        cursorMoved(offset) {
          page.states?.showAt(byteOffsetOf(page.program.text, offset));
        },
      },
    },
  );
}

/** The playhead moved to event `i`: the console's dimmed lines, the task's current state. */
function programPlayhead(page, i) {
  const model = page.model;
  if (!model || page.program?.mode !== 'rust' || i < 0 || !page.console || !page.states) return;
  page.console.playheadMoved(i);
  const task = page.playback.selectedTask || model.task.data[i];
  const lane = task ? model.tasks.get(task) : null;
  if (!lane) {
    page.states.playheadAt(null, null);
    return;
  }
  const end = page.playback.replay.lastPollEnd[lane.index];
  page.states.playheadAt(
    model.taskName(task),
    end === -1 || end > i
      ? null
      : {
          result: model.field(end, 'result'),
          line: model.field(end, 'line'),
          state: model.field(end, 'state'),
        },
  );
}

/**
 * Opens a request read from the link: its program, if it carries one, decoded first. A program
 * that cannot be read is named as the problem and not opened; the example is shown instead.
 */
async function openLinked(page, request, run) {
  if (request.linkedProgram != null) {
    const decoded = await decodeProgram(request.linkedProgram);
    if (decoded.error) {
      page.share.addProblems([t('page.link.programNotOpened', { error: decoded.error })]);
      // The example instead, as a link without a program shows it: its C++.
      page.program.showExample(page.form.example, { mode: 'cpp' });
      programModeChanged(page);
    } else {
      const example = page.form.example;
      if (!example?.program) page.form.selectExample(newProgramId);
      page.program.showExample(page.form.example, { mode: 'rust', text: decoded.text });
      programModeChanged(page);
    }
  } else if (page.program) {
    // A link without a program names the C++ run (every link from before the editor, and the C++
    // view's): its `at` and `select` count that run's events. Without a link, the program.
    const linked = linkNamesRun();
    page.program.showExample(page.form.example, linked ? { mode: 'cpp' } : {});
    programModeChanged(page);
  }
  await run();
}

/**
 * Loads the compare panel (compare/compare-panel.js, in later.js's chunk) and puts it on the page;
 * resolves to it. A page that does not open on a comparison asks for it after the first timeline.
 */
async function loadCompare(page, engine, examples, run) {
  const { ComparePanel } = await import('./later.js');
  page.compare = new ComparePanel({
    engine,
    examples,
    timeline: page.timeline,
    playback: page.playback,
    spread: page.spread,
    fallback: defaultExample,
    picker: byId('compare-picker'),
    examplePicker: byId('example-picker'),
    rerun: run,
    layoutChanged: () => fitTimelines(page),
  });
  return page.compare;
}

/** The runtime's handle, or null when it could not be loaded (the page then says so). */
async function loadRuntime() {
  try {
    return await engineReady;
  } catch (error) {
    setRunState('error');
    showError(t('page.error.runtime', { message: String(error?.message ?? error) }));
    return null;
  }
}

async function start() {
  // Before any text is made: every message is in the page's language (i18n/page-language.js).
  await startPageLanguage(byId('language-picker'));
  attachIntro(byId('intro'), byId('intro-close'));
  const page = newPage();
  buildViews(page);
  const engine = await loadRuntime();
  if (!engine) return;
  const strategies = await engine.strategies();
  // The blank program is an entry of the picker of its own, after the examples.
  const examples = [...(await examplesReady), newProgramEntry(strategies)];
  page.form = buildForm(page, examples, strategies);
  page.stale = new StaleRunNote(byId('stale-note'), () =>
    document.querySelectorAll('.timeline-panel > .timeline'),
  );
  page.runs = new RunController(engine, runHooks(page));
  const run = attachRunControls(page);
  buildProgram(page, engine, examples, run);

  // Compare mode (compare/compare-panel.js): another strategy's run on a timeline under this one.
  // Its code loads after the first timeline, or at once for a link that compares.
  const comparing = /(?:^#|&)compare=/.test(location.hash);
  if (comparing) await loadCompare(page, engine, examples, run);
  else
    page.afterFirstTimeline.schedule(() =>
      loadCompare(page, engine, examples, run).then((panel) => panel.caughtUp()),
    );
  runOnPick(run);

  // A link's tour is taken out of it before the link is read; the tour editor
  // (tours/tour-editor.js) gets it when it loads, after the first timeline.
  const linkTour = takeLinkTour();
  page.afterFirstTimeline.schedule(() =>
    import('./later.js').then(({ attachTourEditor }) => attachTourEditor(page, linkTour)),
  );
  // The link (share/page-share.js) picks the scenario: example, strategy, parameters, seed, view.
  page.share = attachShare({
    timeline: page.timeline,
    form: page.form,
    runs: page.runs,
    examples,
    fallback: defaultExample,
    playback: page.playback,
    spread: page.spread,
    later: (work) => page.afterFirstTimeline.schedule(work),
    open: (request) => openLinked(page, request, run),
    // A link without a program names the C++ run (every link from before the editor, and the
    // C++ view's): its parameters are the C++ example's, so the form shows them before it is
    // filled from the link.
    linkRead({ linked, program }) {
      if (program) page.program.preferred = 'rust';
      else if (linked && linkNamesRun()) {
        page.program.preferred = 'cpp';
        // Before the first link the form has no example yet: picking the link's shows it so.
        if (page.form.example) {
          page.program.showExample(page.form.example);
          programModeChanged(page);
        }
      }
    },
  });
  page.playback.onPlayheadMoved = (i) => {
    page.share.playheadMoved(i);
    programPlayhead(page, i);
  };
  const linked = page.share.initialRequest();
  if (comparing) page.compare.applyLink(location.hash);
  await openLinked(page, linked, run);
}

start().catch((error) => {
  setRunState('error');
  showError(t('page.error.start', { message: String(error?.message ?? error) }));
});
