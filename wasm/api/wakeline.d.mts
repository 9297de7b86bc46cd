// Types of wakeline.mjs, Wakeline's JavaScript API.

/** What went wrong, as a stable string. */
export type WakelineErrorCode =
  | 'unknown_example'
  | 'unknown_strategy'
  | 'unknown_parameter'
  /** Wrong type: a string for a number, a number for a boolean, a fraction for an integer. */
  | 'bad_value'
  /** An integer outside the parameter's range, a negative seed or memory limit, a budget below 1. */
  | 'out_of_range'
  | 'bad_request'
  /** The handle was disposed. */
  | 'disposed'
  /** `worker: true` where there are no Web Workers (node). */
  | 'unsupported'
  /** The module could not be loaded, or its Web Worker died; the next run() tries afresh. */
  | 'unavailable'
  /** chromeTrace() was given text that is not an NDJSON trace; the message names the line. */
  | 'bad_trace'
  /**
   * run({ source }) or states() was given a program that does not compile: the message quotes
   * its errors (for states(), `diagnostics` has them all).
   */
  | 'program_error';

/** Bad input to the API; the message is one sentence naming the problem. */
export class WakelineError extends Error {
  readonly name: 'WakelineError';
  readonly code: WakelineErrorCode;
  /** For 'program_error' from states(): every diagnostic of the program. */
  readonly diagnostics?: Diagnostic[];
}

/** One parameter of an example. Booleans have no min or max. */
export type Param =
  | {
      name: string;
      type: 'integer';
      default: number;
      min: number;
      max: number;
      description: string;
    }
  | { name: string; type: 'boolean'; default: boolean; description: string };

/** A scheduling strategy and its settings, which a run sets through `params` like parameters. */
export interface Strategy {
  /** 'local', 'tokio-current-thread', 'tokio-multi-thread', 'smol' or 'embassy'. */
  name: string;
  settings: Param[];
}

/** An example program, as `wakeline list` shows it, with its source text. */
export interface Example {
  id: string;
  title: string;
  /** basics, timers, synchronisation, schedulers, pitfalls or I/O. */
  topic: string;
  explanation: string;
  params: Param[];
  strategies: string[];
  /** The file name of the source, e.g. "basic.cpp". */
  source_file: string;
  source: string;
  /** Its program in the language, `basic.rs` (examples/programs/), when it has one: editable. */
  program?: string;
}

/** The first line of every trace (docs/trace-format.md). */
export interface TraceHeader {
  schema: 'wakeline-trace';
  version: number;
  example: string;
  strategy: string;
  /** The strategy's settings, defaults included. */
  strategy_params: Record<string, number | boolean>;
  params: Record<string, number | boolean>;
  seed: number;
  clock: 'virtual' | 'real';
  unit: 'ns';
  budget: number;
  /** The memory limit in bytes, 0 for none; only when not the default of 268435456 (256 MiB). */
  memory_limit?: number;
}

/** Fields every event has. */
interface EventBase {
  /** Global order, from 1, without gaps. */
  seq: number;
  /** Time since the run started, in ns (virtual unless the header's clock says real). */
  t: number;
  /** The seq of the event that caused this one; absent when nothing did. */
  cause?: number;
}

/** Where in an example's source something happened: the file name and line. */
interface SourcePoint {
  file?: string;
  line?: number;
}

/** Who called a waker: the task being polled, a timer, I/O readiness, or nobody inside. */
interface WakerCaller {
  by: 'outside' | 'task' | 'timer' | 'io';
  /** The task, timer or I/O resource id; absent when `by` is 'outside'. */
  by_id?: number;
}

/**
 * One event: the same fields, in the same order, as its NDJSON line (docs/trace-format.md), so
 * `JSON.stringify(event)` is that line. Numbers above 2^53 lose precision as they would with
 * JSON.parse; use `format: 'ndjson'` for exact text.
 */
export type TraceEvent =
  | (EventBase & { kind: 'runtime_start'; clock: 'virtual' | 'real' })
  | (EventBase & {
      kind: 'runtime_end';
      outcome:
        | 'completed'
        | 'deadlock'
        | 'budget_exhausted'
        | 'failed'
        | 'cancelled'
        | 'memory_exhausted';
      events: number;
    })
  | (EventBase &
      SourcePoint & {
        kind: 'task_spawn';
        task: number;
        parent?: number;
        name?: string;
      })
  | (EventBase & {
      kind: 'task_enqueue';
      task: number;
      queue: Queue;
      reason: EnqueueReason;
      depth: number;
      /** For 'local' and 'lifo'. */ worker?: number;
    })
  | (EventBase & {
      kind: 'poll_begin';
      task: number;
      worker: number;
      depth: number;
    })
  | (EventBase &
      SourcePoint & {
        kind: 'poll_end';
        task: number;
        worker: number;
        result: 'pending' | 'ready' | 'failed';
        /** A program's pending poll: the suspend state it waits in, by rustc's numbers (3..). */
        state?: number;
      })
  | (EventBase & {
      kind: 'task_end';
      task: number;
      outcome: 'completed' | 'cancelled' | 'aborted' | 'failed';
      message?: string;
    })
  | (EventBase &
      WakerCaller & { kind: 'waker_clone' | 'waker_drop'; task: number })
  | (EventBase &
      WakerCaller & {
        kind: 'waker_wake' | 'waker_wake_by_ref';
        task: number;
        effect: 'scheduled' | 'already_scheduled' | 'ended';
      })
  | (EventBase &
      SourcePoint & {
        kind: 'timer_arm';
        timer: number;
        task?: number;
        deadline: number;
      })
  | (EventBase & {
      kind: 'timer_fire' | 'timer_cancel';
      timer: number;
      task?: number;
    })
  | (EventBase & {
      kind: 'io_register';
      io: number;
      op: 'accept' | 'connect' | 'read' | 'write';
      task?: number;
    })
  | (EventBase & {
      kind: 'io_ready';
      io: number;
      op: 'accept' | 'connect' | 'read' | 'write';
      task?: number;
      bytes: number;
    })
  | (EventBase & { kind: 'park'; worker: number; until?: number })
  | (EventBase & { kind: 'unpark'; worker: number })
  | (EventBase &
      SourcePoint & { kind: 'select_drop'; task: number; branch: number })
  | (EventBase & { kind: 'deadlock'; stuck: StuckTask[] })
  | (EventBase & { kind: 'budget_exhausted'; budget: number })
  | (EventBase & { kind: 'coop_exhausted'; task: number; budget: number })
  | (EventBase & {
      kind: 'steal';
      worker: number;
      from: Queue;
      /** For 'local'. */ victim?: number;
      count: number;
    })
  | (EventBase & {
      kind: 'queue_overflow' | 'batch_begin';
      worker: number;
      count: number;
    })
  | (EventBase & {
      kind: 'search_begin' | 'search_end' | 'batch_end';
      worker: number;
    })
  | (EventBase & { kind: 'pend'; worker: number; task: number })
  | (EventBase &
      SourcePoint & {
        kind: 'spawn_failed';
        parent?: number;
        name?: string;
        pool: number;
      })
  | (EventBase &
      SourcePoint & {
        /** A program of the language printed `text` (`println!`, `print!`, `eprintln!`). */
        kind: 'output';
        task?: number;
        stream: 'stdout' | 'stderr';
        text: string;
      });

/** Where a runnable task waits (docs/trace-format.md). */
export type Queue =
  | 'run'
  | 'block_on'
  | 'deferred'
  | 'local'
  | 'lifo'
  | 'inject'
  | 'global'
  | 'pool';
/** Why it entered that queue. */
export type EnqueueReason =
  | 'spawn'
  | 'wake'
  | 'yield'
  | 'abort'
  | 'steal'
  | 'overflow'
  | 'lifo_displaced'
  | 'lifo_limit';

/** A task that can never run again, in a deadlock event. */
export interface StuckTask {
  task: number;
  /** The await point where it last suspended. */
  file?: string;
  line?: number;
  /** Wakers still alive for it: 0 means nobody can ever wake it (a lost wakeup). */
  wakers: number;
}

export interface TaskTotals {
  task: number;
  name: string;
  polls: number;
  /** wake and wake_by_ref calls on the task's wakers. */
  wakes: number;
}

/**
 * How a run ended. `failed`: the example's root task threw (`message` says what); `error`: the
 * WebAssembly module trapped or aborted, or its worker died (`message` says what; `events` counts
 * those delivered before: the events of the slice that trapped are lost). The trapped instance is
 * dropped and the next run gets a fresh one.
 */
export interface RunSummary {
  outcome:
    | 'completed'
    | 'deadlock'
    | 'budget_exhausted'
    | 'memory_exhausted'
    | 'cancelled'
    | 'failed'
    | 'error';
  message?: string;
  /**
   * A debugging figure: bytes of the WebAssembly module's heap in use once the run and its
   * summary's text were freed (dlmalloc's mallinfo().uordblks). Between runs it comes back to about the same figure; one
   * that keeps growing is a leak. Absent when the run ended in error (the instance was dropped).
   */
  memory_in_use?: number;
  /** Events recorded. */
  events: number;
  /** Virtual time at the last event, in ns. */
  duration_ns: number;
  tasks: TaskTotals[];
}

export interface RunOptions<
  F extends 'objects' | 'ndjson' = 'objects' | 'ndjson',
> {
  /**
   * name: value, for the example's parameters and the strategy's settings (an example's own
   * parameter wins a shared name); the others keep their defaults. Integers must be whole
   * numbers in range.
   */
  params?: Record<string, number | bigint | boolean>;
  /** A name from strategies(); Example.strategies lists what an example supports. Default: its first (local for most). */
  strategy?: string;
  /** Default 0. Above 2^53, pass a bigint. */
  seed?: number | bigint;
  /** Stop after this many events, outcome budget_exhausted. Default 1000000; at least 1. */
  budget?: number | bigint;
  /**
   * Stop once the program holds more than this many bytes (task frames, task cells, the trace),
   * outcome memory_exhausted. Default 268435456 (256 MiB); 0: no limit.
   */
  memoryLimit?: number | bigint;
  /** 'objects' (default): batches are arrays of parsed events. 'ndjson': batches are strings of
   *  NDJSON lines, each ending in '\n', byte-identical to the CLI's output. */
  format?: F;
}

/** A program of the language to run: run({ source, strategy, seed, ... }). */
export interface ProgramRunOptions<
  F extends 'objects' | 'ndjson' = 'objects' | 'ndjson',
> extends RunOptions<F> {
  /** The program's text (docs/language.md). */
  source: string;
  /** The file name its messages and trace show. Default 'main.rs'. */
  name?: string;
}

/** One state of a compiled async fn or block (`wakeline states --json`). */
export interface MachineState {
  /** rustc's numbering: 0 unresumed, 1 returned, 2 poisoned, 3 and up one per `.await`. */
  state: number;
  name: 'unresumed' | 'returned' | 'poisoned' | 'suspended';
  /** The locals stored in this state: the arguments in state 0, those live across the await. */
  keeps: string[];
  /** Values of the compiler's own kept too (a `for` loop's iterator), described. */
  temporaries: string[];
  /** Every value of `keeps` and `temporaries`, with its Rust type (`_` when not known). */
  kept: KeptValue[];
  /** The bytes this state uses, as rustc lays the future out (docs/language.md). */
  size: number;
  /** false when a type is not known: `size` is then a lower bound. */
  size_exact?: false;
  /** For a suspended state: the future it awaits, stored in the state too. */
  awaiting?: { type: string; size: number };
  /** For a suspended state: the `.await` it waits at. */
  await?: {
    text: string;
    from: number;
    to: number;
    start: SourcePosition;
    end: SourcePosition;
  };
}

/** A value a state stores. */
export interface KeptValue {
  name: string;
  /** As Rust spells it: `u64`, `mpsc::Sender<u32>`, `_` when not known. */
  type: string;
  size: number;
  size_exact?: false;
}

/** The state machine of one async fn or async block. */
export interface StateMachine {
  /** `worker`, `Countdown::poll`, `main::{async block#0}`. */
  name: string;
  kind: 'async fn' | 'async block';
  line: number;
  from: number;
  to: number;
  /** `std::mem::size_of_val` of the future, as rustc 1.63 lays it out against Tokio 1.24. */
  size: number;
  /** false when a type is not known: `size` is then a lower bound. */
  size_exact?: false;
  states: MachineState[];
}

/** A started run. Iterate it (once) for its batches; they end when the run ends. */
export interface Run<Batch = TraceEvent[]> extends AsyncIterable<Batch> {
  readonly header: TraceHeader;
  /** The header exactly as the NDJSON trace's first line, without the newline. */
  readonly headerLine: string;
  /** Resolves when the run has ended (never rejects for a run that started). */
  readonly done: Promise<RunSummary>;
  /** Events received so far. */
  readonly received: number;
  /**
   * Asks the run to stop, outcome `cancelled`. Runs go in slices of a few milliseconds, and the
   * cancel takes effect at the end of the current one: the events recorded until then still
   * arrive, ending with `runtime_end`. A run cancelled before it starts sends no batches. The
   * next run can be started at once.
   */
  cancel(): void;
}

export interface Version {
  /** Wakeline's version, e.g. "0.1.0". */
  wakeline: string;
  /** The trace schema's name and version, as in every header. */
  schema: string;
  schemaVersion: number;
}

/**
 * One field of an event kind, as the event schema describes it (docs/trace-format.md, "The
 * event schema"). `slot` is where a recorded event keeps it; `presence` says when it appears.
 */
export interface EventField {
  name: string;
  slot: 'arg' | 'task' | 'ref' | 'line' | 'text' | 'file' | 'worker' | 'detail';
  format: 'number' | 'name' | 'text' | 'file' | 'stuck_tasks';
  /** For format 'name': the key in EventSchema.names of the names its values have. */
  names?: string;
  presence: 'always' | 'nonzero' | 'when_nonzero' | 'when_worker_queue';
  /** For the 'when_' presences: the slot whose value decides. */
  condition?: EventField['slot'];
}

/** Every event kind, in the order of its number, with its fields after seq, t and kind. */
export interface EventSchema {
  kinds: { name: TraceEvent['kind']; fields: EventField[] }[];
  /** For each enum a field names: its names, in order of value. */
  names: Record<string, string[]>;
  /** The queues that belong to one worker (their events name the worker). */
  worker_queues: string[];
}

/** What a run gets for the options it leaves out: the runtime's own defaults. */
export interface RunDefaults {
  /** Events before a run stops with outcome budget_exhausted (1000000). */
  budget: number;
  /** Bytes of frames, tasks and trace before outcome memory_exhausted (268435456, 256 MiB). */
  memoryLimit: number;
}

/** A line and a column, both from 1; the column counts characters (code points). */
export interface SourcePosition {
  line: number;
  column: number;
}

/** An error or a warning about a program, in rustc's words. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  /** Said under the caret; empty for none. */
  label: string;
  /** Byte offsets into the program's UTF-8 text: the span is [from, to). */
  from: number;
  to: number;
  start: SourcePosition;
  end: SourcePosition;
}

export interface Wakeline {
  readonly version: Version;
  readonly defaults: RunDefaults;
  /**
   * Every example, with its parameters, strategies and source text, in catalogue order: by
   * topic (basics, timers, synchronisation, schedulers, pitfalls, I/O, then any other), then
   * by id.
   */
  examples(): Promise<Example[]>;
  /** Every strategy, with its settings. */
  strategies(): Promise<Strategy[]>;
  /**
   * An NDJSON trace (as `wakeline run` prints it) as Chrome trace JSON for Perfetto, written by
   * the same writer as `wakeline run --format chrome`. Rejects with 'bad_trace' naming the line
   * of text that is not a trace.
   */
  chromeTrace(ndjson: string): Promise<string>;
  /**
   * The diagnostics of a program of the language (docs/language.md), as `wakeline check`
   * prints them; an empty array when it has none.
   */
  check(source: string): Promise<Diagnostic[]>;
  /** The table every trace is written by (core/trace/schema.hpp): each kind and its fields. */
  eventSchema(): Promise<EventSchema>;
  /**
   * Checks the request and starts the run. Rejects with WakelineError for an unknown example,
   * strategy or parameter, a wrong type, an out-of-range value, a budget below 1, or a disposed
   * handle. Runs on one handle execute one after another.
   */
  run(
    exampleId: string,
    options?: RunOptions<'objects'>,
  ): Promise<Run<TraceEvent[]>>;
  run(exampleId: string, options: RunOptions<'ndjson'>): Promise<Run<string>>;
  /**
   * Runs a program of the language (docs/language.md). Rejects with 'program_error' when it
   * does not compile, and as run(exampleId) does for the rest.
   */
  run(program: ProgramRunOptions<'objects'>): Promise<Run<TraceEvent[]>>;
  run(program: ProgramRunOptions<'ndjson'>): Promise<Run<string>>;
  /**
   * The state machines the compiler makes of the program's async fns and blocks. Rejects with
   * 'program_error' (its `diagnostics` has them all) when the program does not compile.
   */
  states(source: string): Promise<{ machines: StateMachine[] }>;
  /**
   * The text of an example's program in the language (examples/programs/), for the examples
   * whose `program` names one. Rejects with 'unknown_example' for the others.
   */
  exampleProgram(exampleId: string): Promise<string>;
  /**
   * Frees the module (terminates the worker); runs in flight end as cancelled with the events
   * received so far; later calls reject.
   */
  dispose(): void;
}

export interface WakelineOptions {
  /**
   * Run the module in a dedicated Web Worker (worker.mjs), so the page never blocks. Default:
   * true where Web Workers exist, false under node. With false the module runs in the calling
   * thread, which gets control back between slices of a few milliseconds.
   */
  worker?: boolean;
  /** Events per batch, at most. Default 4096. */
  batchSize?: number;
  /**
   * Milliseconds after which the events recorded so far are sent even if fewer than batchSize,
   * so a slow run still streams. Default 50; 0 sends after every slice.
   */
  flushInterval?: number;
  /** Where wakeline-core.mjs is; default: beside wakeline.mjs. */
  coreUrl?: string | URL;
  /**
   * Where the full module is (wakeline-full.mjs, beside wakeline.mjs by default): the examples'
   * module and the language and the Chrome export, loaded the first time a program is checked,
   * run or asked for its states, or a trace is converted, so that a page playing examples never
   * downloads it. null: none; check(), states(), exampleProgram(), run({ source }) and
   * chromeTrace() then reject with 'unavailable' (unless `coreUrl` is itself a full module).
   */
  fullEngineUrl?: string | URL | null;
  /** Where worker.mjs is; default: beside wakeline.mjs. */
  workerUrl?: string | URL;
  /**
   * The bytes of wakeline-core.wasm, for pages that cannot fetch it (a single file opened from
   * disk). Without it the module is fetched from beside wakeline-core.mjs.
   */
  wasmBinary?: ArrayBuffer | ArrayBufferView;
}

/** Loads the WebAssembly module (in a worker or here) and resolves to a handle. */
export function createWakeline(options?: WakelineOptions): Promise<Wakeline>;
