// Share links, the Share/Export/Import menu and the link's messages, wired to the playground page.
// main.js calls these few functions at its own moments (first run, run start and end, selection,
// view changes); everything else about sharing lives in this folder.
import { byId, element } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { TraceModel } from '../timeline/model.js';
import { LinkState, applyRequestToForm, restoreView } from './link-state.js';

// The view is written to the fragment this long after the last zoom or pan, not on every frame.
const viewWriteDelayMs = 400;

// Events of an imported trace laid out between two frames.
const importBatch = 50_000;

/**
 * Connects sharing to the page. `page`: { timeline, form, runs, examples, fallback, playback,
 * spread (the "Stretch instants" checkbox), later (optional: runs work after the first timeline;
 * the menus load then), open (optional: opens a request read from a link
 * that changed, e.g. one with a program; runs.start by default), linkRead (optional: hears
 * { linked, program } before the link's request is put in the form) }; `runs` is the RunController, whose hooks an
 * imported trace goes through like a run that already ended.
 */
export function attachShare(page) {
  const messages = element('ul', 'link-messages', undefined, {
    id: 'link-messages',
    role: 'status',
    'aria-label': t('share.link.problems'),
  });
  messages.hidden = true;
  byId('error-banner').after(messages);
  const links = new LinkState(messages);

  let model = null;
  let pendingView = null;
  // The run shown is a program's C++ twin, drawn while the language loads (main.js): its event
  // numbers are not the program's, so the link's view waits for the program's run, and the
  // reader's moves are not written until then.
  let previewing = false;
  let imports = 0;
  let viewTimer = 0;
  // The view parts waiting to be written: the window and the playhead change many times a second.
  let pendingWrite = {};

  /** Writes `view` (parts of it) to the fragment once the reader has stopped for a moment. */
  function writeSoon(view) {
    pendingWrite = { ...pendingWrite, ...view };
    clearTimeout(viewTimer);
    viewTimer = setTimeout(() => {
      const parts = pendingWrite;
      pendingWrite = {};
      links.writeView(parts);
    }, viewWriteDelayMs);
  }

  /** The layout the link asks for: spread (the default) unless it says spread=false. */
  // (Compare mode turns it off for both runs itself, and says so with compare=.)
  const spreadPart = () => (page.spread.checked || page.spread.disabled ? null : false);

  // The Share, Export and Import menus (share-menu.js, figures included) load with the rest of
  // ../later.js after the first timeline (page.later); reading and writing the link is here.
  const menuPage = {
    links,
    model: () => model,
    canvas: page.timeline.canvas,
    timeline: page.timeline,
    engine: page.runs.engine,
    async importTrace(parsed, fileName) {
      const { header } = parsed;
      if (page.form.byId.has(header.example)) page.form.selectExample(header.example);
      const request = {
        example: header.example,
        strategy: header.strategy,
        params: header.params,
        seed: header.seed,
      };
      page.runs.cancel();
      const imported = new TraceModel(header);
      imported.headerLine = parsed.headerLine;
      imported.source = fileName;
      page.runs.hooks.start(imported, request);
      // In batches like a run's, with the page drawn between them: a million events take
      // seconds to lay out. A run (or another import) started meanwhile replaces this one.
      const mine = ++imports;
      const runBefore = page.runs.latest;
      const replaced = () => mine !== imports || page.runs.latest !== runBefore;
      for (let i = 0; i < parsed.events.length; i += importBatch) {
        imported.appendEvents(parsed.events.slice(i, i + importBatch));
        if (i + importBatch < parsed.events.length) {
          page.runs.hooks.progress(imported);
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (replaced()) return false;
        }
      }
      imported.finish();
      const last = parsed.events[parsed.events.length - 1];
      page.runs.hooks.end(imported, {
        outcome: parsed.complete ? String(last.outcome ?? 'completed') : 'incomplete',
        events: parsed.events.length,
        duration_ns: last.t,
        tasks: [],
      });
      return true;
    },
  };
  (page.later ?? ((work) => work()))(() =>
    import('../later.js').then(({ attachShareMenu }) =>
      attachShareMenu(byId('share-tools'), menuPage),
    ),
  );

  /** Which scenario the page shows first: the link's, with its problems shown. */
  function initialRequest() {
    const { request, view, program, problems } = links.read(
      page.examples,
      page.fallback,
      page.form.strategies,
    );
    links.show(problems);
    pendingView = view;
    page.linkRead?.({ linked: location.hash.length > 1, program: program != null });
    applyRequestToForm(page.form, request);
    // The layout is part of the picture: a link made with instants not stretched says so.
    if (!page.spread.disabled) page.spread.checked = view.spread !== false;
    // The program (compressed) is for the page to read: decoding it is asynchronous.
    return program == null ? request : { ...request, linkedProgram: program };
  }

  page.spread.addEventListener('change', () => {
    if (model && !pendingView) links.writeView({ spread: spreadPart(), view: null });
  });

  window.addEventListener('hashchange', () => {
    // Someone pasted or followed another link into this page: show that scenario.
    const request = initialRequest();
    if (page.open) page.open(request);
    else page.runs.start(request);
  });

  return {
    initialRequest,

    /** Whether the link's window, selection or playhead still wait for a run to end. */
    hasPendingView() {
      const view = pendingView;
      return (
        Boolean(view) &&
        [view.view, view.at, view.playhead, view.select].some((part) => part != null)
      );
    },

    /** Adds `problems` (sentences) to the link's messages. */
    addProblems(problems) {
      links.add(problems);
    },

    /** A run (or an import) of `request` begins, shown in `newModel`. */
    runStarted(newModel, request) {
      model = newModel;
      previewing = Boolean(request?.preview);
      clearTimeout(viewTimer);
      pendingWrite = {};
      if (request) links.write(request, { ...(pendingView ?? {}), spread: spreadPart() });
    },

    /**
     * The run shown has ended: the link's window, selection and playhead are put on the
     * timeline, the playhead without moving the window (it may be off screen, as it was).
     */
    runEnded(endedModel) {
      if (endedModel !== model || !pendingView || previewing) return;
      const view = pendingView;
      pendingView = null;
      const restored = restoreView(page.timeline, endedModel, view);
      if (restored.playhead !== null) page.playback.restore(restored.playhead);
      links.add(restored.problems);
    },

    /** The selection changed (a Timeline hit, or null). */
    selected(hit) {
      if (!model || pendingView || previewing) return;
      const select = hit ? { kind: 'seq', id: model.fieldsOf(hit.event).seq } : null;
      links.writeView({ select });
    },

    /** The playhead moved to event `i`: the link says which event, not a time. */
    playheadMoved(i) {
      if (!model || pendingView || previewing || i < 0 || i >= model.count) return;
      // The first event is where every run starts: a link without `at` says as much.
      writeSoon({ playhead: i === 0 ? null : model.store.seqOf(i), at: null });
    },

    /** The visible window changed: a zoomed or panned one is shared as it is, a fitted one not. */
    viewChanged(view) {
      if (!model || pendingView || previewing) return;
      writeSoon({ view: page.timeline.autoFit ? null : { x0: view.x0, x1: view.x1 } });
    },
  };
}
