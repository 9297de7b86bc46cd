// Types of wakeline.mjs, Wakeline's JavaScript API.

/** What went wrong, as a stable string. */
export type WakelineErrorCode =
  | 'unknown_example'
  | 'unknown_strategy'
  | 'unknown_parameter'
  /** Wrong type: a string for a number, a number for a boolean, a fraction for an integer. */
  | 'bad_value'
  /** An integer outside the parameter's range, a negative seed, a budget below 1. */
  | 'out_of_range'
  | 'bad_request'
  /** The handle was disposed. */
  | 'disposed'
  /** An option this build does not offer yet (the Web Worker mode). */
  | 'unsupported'
  /** A bug in Wakeline itself: the module refused a request it had accepted. */
  | 'internal';

/** Bad input to the API; the message is one sentence naming the problem. */
export class WakelineError extends Error {
  readonly name: 'WakelineError';
  readonly code: WakelineErrorCode;
}

/** One parameter of an example. Booleans have no min or max. */
export type Param =
  | { name: string; type: 'integer'; default: number; min: number; max: number; description: string }
  | { name: string; type: 'boolean'; default: boolean; description: string };

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
}

/** The first line of every trace (docs/trace-format.md). */
export interface TraceHeader {
  schema: 'wakeline-trace';
  version: number;
  example: string;
  strategy: string;
  params: Record<string, number | boolean>;
  seed: number;
  clock: 'virtual' | 'real';
  unit: 'ns';
  budget: number;
}

/**
 * One event: the same fields as its NDJSON line (docs/trace-format.md). Numbers above 2^53 lose
 * precision when parsed; use `format: 'ndjson'` for exact text.
 */
export interface TraceEvent {
  seq: number;
  t: number;
  kind: string;
  cause?: number;
  [field: string]: unknown;
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
 * WebAssembly module trapped or aborted (`message` says what; `events` counts those delivered
 * before). The trapped instance is dropped and the next run gets a fresh one.
 */
export interface RunSummary {
  outcome: 'completed' | 'deadlock' | 'budget_exhausted' | 'cancelled' | 'failed' | 'error';
  message?: string;
  /** Events recorded. */
  events: number;
  /** Virtual time at the last event, in ns. */
  duration_ns: number;
  tasks: TaskTotals[];
}

export interface RunOptions<F extends 'objects' | 'ndjson' = 'objects' | 'ndjson'> {
  /** name: value; the others keep their defaults. Integers must be whole numbers in range. */
  params?: Record<string, number | bigint | boolean>;
  /** Default 'local'. */
  strategy?: string;
  /** Default 0. Above 2^53, pass a bigint. */
  seed?: number | bigint;
  /** Stop after this many events, outcome budget_exhausted. Default 1000000; at least 1. */
  budget?: number | bigint;
  /** 'objects' (default): batches are arrays of parsed events. 'ndjson': batches are strings of
   *  NDJSON lines, each ending in '\n', byte-identical to the CLI's output. */
  format?: F;
}

/** A started run. Iterate it (once) for its batches; they end when the run ends. */
export interface Run<Batch = TraceEvent[]> extends AsyncIterable<Batch> {
  readonly header: TraceHeader;
  /** The header exactly as the NDJSON trace's first line, without the newline. */
  readonly headerLine: string;
  /** Resolves when the run has ended (never rejects for a run that started). */
  readonly done: Promise<RunSummary>;
  /**
   * Asks the run to stop, outcome `cancelled`. With `worker: false` a run executes in one go on
   * a later turn of the event loop, so cancel() takes effect only if called before it starts
   * (e.g. right after `await run()`); the batches are then none.
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

export interface Wakeline {
  readonly version: Version;
  /** Every example, with its parameters, strategies and source text. */
  examples(): Promise<Example[]>;
  /**
   * Checks the request and starts the run. Rejects with WakelineError for an unknown example,
   * strategy or parameter, a wrong type, an out-of-range value, a budget below 1, or a disposed
   * handle. Runs on one handle execute one after another.
   */
  run(exampleId: string, options?: RunOptions<'objects'>): Promise<Run<TraceEvent[]>>;
  run(exampleId: string, options: RunOptions<'ndjson'>): Promise<Run<string>>;
  /** Frees the module; runs not yet started end as cancelled; later calls reject. */
  dispose(): void;
}

export interface WakelineOptions {
  /** Run the module in a Web Worker. Only `false` exists so far (the default under node). */
  worker?: boolean;
  /** Events per batch. Default 256. */
  batchSize?: number;
  /** Where wakeline-core.mjs is; default: beside wakeline.mjs. */
  coreUrl?: string | URL;
}

/** Loads the WebAssembly module and resolves to a handle. */
export function createWakeline(options?: WakelineOptions): Promise<Wakeline>;
