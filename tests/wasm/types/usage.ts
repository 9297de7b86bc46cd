// Compiled by tests/wasm/types.test.mjs against wasm/api/wakeline.d.mts with `tsc --strict`: how
// the API is meant to be used must type-check, and the lines marked @ts-expect-error must not.
import { createWakeline, WakelineError } from '../../../wasm/api/wakeline.mjs';
import type {
  Example,
  Queue,
  RunSummary,
  Strategy,
  TraceEvent,
  TraceHeader,
} from '../../../wasm/api/wakeline.mjs';

export async function usage(): Promise<void> {
  const wl = await createWakeline({ worker: false, batchSize: 1024, flushInterval: 16 });
  const version: string = wl.version.wakeline;
  const examples: Example[] = await wl.examples();
  for (const p of examples[0].params) {
    if (p.type === 'integer') {
      const range: [number, number] = [p.min, p.max];
      void range;
    } else {
      const flag: boolean = p.default;
      void flag;
    }
  }

  const strategies: Strategy[] = await wl.strategies();
  const settings: string[] = strategies[0].settings.map((s) => s.name);
  void settings;
  const run = await wl.run('concurrent', {
    params: { tasks: 5, workers: 2 },
    seed: 7n,
    strategy: 'tokio-multi-thread',
  });
  const header: TraceHeader = run.header;
  const workers: number | boolean | undefined = header.strategy_params.workers;
  void workers;
  for await (const batch of run) {
    for (const event of batch) {
      // The kind narrows the event to its fields.
      if (event.kind === 'poll_end') {
        const result: 'pending' | 'ready' | 'failed' = event.result;
        void result;
      } else if (event.kind === 'task_enqueue') {
        const queue: Queue = event.queue;
        const worker: number | undefined = event.worker;
        void queue;
        void worker;
      } else if (event.kind === 'steal') {
        const count: number = event.count;
        const victim: number | undefined = event.victim;
        void count;
        void victim;
      } else if (event.kind === 'deadlock') {
        const wakers: number = event.stuck[0].wakers;
        void wakers;
      }
      const first: TraceEvent = event;
      void first;
    }
  }
  const summary: RunSummary = await run.done;
  if (summary.outcome === 'error') console.log(summary.message);
  if (summary.outcome === 'memory_exhausted') console.log(summary.memory_in_use ?? 0);
  const leaky = await wl.run('runaway', { memoryLimit: 16n << 20n });
  const limit: number | undefined = leaky.header.memory_limit;
  void limit;

  const text = await wl.run('basic', { format: 'ndjson' });
  for await (const chunk of text) {
    const lines: string = chunk;
    void lines;
  }
  run.cancel();
  wl.dispose();

  try {
    await wl.run('basic');
  } catch (error) {
    if (error instanceof WakelineError && error.code === 'disposed') console.log(error.message);
  }
  void version;
  void header;

  // @ts-expect-error: a parameter value is a number, a bigint or a boolean, never a string.
  await wl.run('basic', { params: { steps: '3' } });
  // @ts-expect-error: a memory limit is a number of bytes.
  await wl.run('basic', { memoryLimit: '1 MiB' });
  // @ts-expect-error: the formats are 'objects' and 'ndjson'.
  await wl.run('basic', { format: 'xml' });
  // @ts-expect-error: a poll_begin has no result.
  const nope = (e: TraceEvent) => e.kind === 'poll_begin' && e.result;
  void nope;
}
