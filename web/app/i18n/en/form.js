// form: the header's form (catalogue-form.js, explanation-box.js, param-input.js) and what each
// strategy is (strategies.js). Strategy names (local, tokio-multi-thread, ...) are not messages:
// they are the engine's ids, the same in every language. Placeholders are {name}.
export default {
  'form.seed.description': 'seed of the example’s random choices',
  // A whole-number parameter's help: its description, then its range.
  'form.param.range': '{description} ({min}–{max})',
  'form.strategy.legend': 'Strategy: {name}',
  'form.explanation.more': 'Read more',
  'form.explanation.less': 'Show less',

  // What is wrong with a whole-number field (param-input.js).
  'form.number.empty': 'Enter a whole number.',
  'form.number.notWhole': '“{text}” is not a whole number.',
  'form.number.tooLarge': 'That number is too large.',
  'form.number.range': 'Must be between {min} and {max}.',

  // Each strategy: a line for the picker and a paragraph for the settings (what it models,
  // which version, what to look for), following the headers of core/scheduler/*.hpp.
  'form.strategy.local.line': 'one thread, one FIFO run queue: the runtime from scratch',
  'form.strategy.local.about':
    'The smallest executor that works, as a runtime from scratch builds it: block_on runs one ' +
    'thread with one first-in, first-out run queue. Waker::wake puts the task at the back of ' +
    'the queue; when the queue is empty the executor parks until the next timer is due, and ' +
    'it looks at the timers every 61 polls so a busy queue cannot starve them. It copies no ' +
    'particular runtime: compare the others with it. Look for the run queue at the playhead ' +
    'and the executor parking between polls.',
  'form.strategy.current.line': 'Tokio 1.24 current_thread: one thread, block_on polled apart',
  'form.strategy.current.about':
    'Tokio 1.24’s current_thread scheduler (#[tokio::main(flavor = "current_thread")]). The ' +
    'future given to block_on is not a task in the queue: waking it sets a flag, and it is ' +
    'polled at the start of the next pass. A pass polls up to event_interval (61) tasks, ' +
    'then looks at the timers without waiting; tokio::task::yield_now waits until after that ' +
    'look; each poll has a coop budget of 128 operations on resources, after which they ' +
    'return Poll::Pending. Look for the root task polled apart from the queue, and the coop ' +
    'budget making a busy task give way.',
  'form.strategy.multi.line': 'Tokio 1.24 multi_thread: worker threads, LIFO slot, work stealing',
  'form.strategy.multi.about':
    'Tokio 1.24’s default multi_thread scheduler, its worker threads simulated on one thread ' +
    'in virtual time (every poll takes poll_cost_ns). Each worker thread has a local queue of ' +
    '256 tasks and a LIFO slot: a task woken on a thread runs next on that thread. Wakes from ' +
    'outside go to the shared inject queue; a thread with nothing to do searches the others ' +
    'and steals half of a queue. The thread that called block_on polls only the root future. ' +
    'Look for steal arrows between threads, the LIFO slot (orange in the run queue) and the ' +
    'search bands.',
  'form.strategy.smol.line':
    'smol (async-executor 1.5): a global queue, local queues filled by stealing',
  'form.strategy.smol.about':
    'smol’s executor, async-executor 1.5, with N worker threads simulated in virtual time. ' +
    'Every spawn and every wake goes to one global queue; a thread takes a task from its ' +
    'local queue, else from the global queue (moving half of the rest into its local queue), ' +
    'else steals half of another thread’s local queue. After 200 polls a thread yields and ' +
    'looks at the global queue again. Look for tasks moving from the global queue to the ' +
    'local ones, and the steals.',
  'form.strategy.embassy.line': 'Embassy 0.5 (embedded): static task pools, batches, a pender',
  'form.strategy.embassy.about':
    'embassy-executor 0.5, the executor of embedded Rust. Tasks live in static pools ' +
    '(pool_size each); spawning into a full pool fails with SpawnError::Busy. The run queue ' +
    'is drained in batches: the executor takes every queued task at once and polls them, ' +
    'last enqueued first, and a task woken during a batch waits for the next one. A wake ' +
    'into an empty queue calls the pender, which keeps the executor from sleeping. Look for ' +
    'the batch marks and the pender’s dots on the executor lane.',
  // A strategy this page does not describe (a newer engine's).
  'form.strategy.other.line': 'a scheduling strategy of the runtime',
  'form.strategy.other.about': 'The runtime’s {name} strategy.',
};
