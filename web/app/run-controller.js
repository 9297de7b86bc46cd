// One run at a time: starts it through the engine, feeds its batches of event objects (the API's
// default format, decoded from binary records) into a fresh model
// while they stream, reports progress, and lets a newer run or Cancel stop the older one.
import { rememberEngineDefaults } from './runtime-defaults.js';
import { TraceModel } from './timeline/model.js';

// Give the browser a frame this often while batches arrive, so progress and the growing
// timeline are drawn during a long run.
const yieldEveryMs = 24;

/** Runs requests on `engine`; `hooks` hears about { start, progress, end, error }. */
export class RunController {
  constructor(engine, hooks) {
    this.engine = engine;
    this.hooks = hooks;
    rememberEngineDefaults(engine);
    this.current = null;
  }

  /** Whether a run is going on. */
  get busy() {
    return this.current !== null;
  }

  /**
   * Starts `request` ({ example, strategy, params, seed }, and for a program of the language
   * `source` and `name`), stopping any run going on.
   */
  async start(request) {
    this.cancel();
    const token = { cancelled: false, run: null };
    this.current = token;
    this.latest = token;
    const latest = () => this.latest === token;
    const model = new TraceModel();
    this.hooks.start(model, request);
    try {
      const options = { strategy: request.strategy, params: request.params, seed: request.seed };
      // A program of the language (request.source) runs as itself; an example by its id.
      const run =
        request.source != null
          ? await this.engine.run({ ...options, source: request.source, name: request.name })
          : await this.engine.run(request.example, options);
      token.run = run;
      model.header = run.header;
      if (token.cancelled) run.cancel();
      let lastYield = performance.now();
      for await (const batch of run) {
        if (token.cancelled) break;
        model.appendEvents(batch);
        this.hooks.progress(model);
        if (performance.now() - lastYield > yieldEveryMs) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          lastYield = performance.now();
        }
      }
      const summary = await run.done;
      model.finish();
      if (this.current === token) this.current = null;
      if (latest())
        this.hooks.end(model, token.cancelled ? { ...summary, outcome: 'cancelled' } : summary);
    } catch (error) {
      if (this.current === token) this.current = null;
      if (latest()) this.hooks.error(error, model);
    }
  }

  /** Stops the run going on, if any: the page stops reading its batches and asks it to stop. */
  cancel() {
    const token = this.current;
    if (!token) return;
    token.cancelled = true;
    token.run?.cancel();
    this.current = null;
  }
}
