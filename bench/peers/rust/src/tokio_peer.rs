//! The workloads on Tokio's two runtimes, `current_thread` and `multi_thread`. Every timed run
//! builds its runtime, runs, and drops the runtime inside the timed part.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::runtime::{Builder, Runtime};

use crate::protocol::{self, Options, TimerDurations, PENDING_SLEEP};

/// Which of Tokio's schedulers a run builds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// `Builder::new_current_thread`: everything on the thread that calls `block_on`.
    CurrentThread,
    /// `Builder::new_multi_thread` with its default of one worker per core.
    MultiThread,
}

/// How a workload's runtime keeps time.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Clock {
    /// No time driver: the workload never sleeps. Enabling it would put the driver's lock, and
    /// the mutex that the test-util feature (needed for `start_paused`) adds to Tokio's clock, on
    /// every park of a workload that does not use time.
    None,
    /// The time driver on the real clock.
    Real,
    /// The time driver on the paused clock, which jumps to the next timer whenever the runtime is
    /// idle (current-thread only).
    Paused,
}

fn build(flavor: Flavor, clock: Clock) -> Runtime {
    let mut builder = match flavor {
        Flavor::CurrentThread => Builder::new_current_thread(),
        Flavor::MultiThread => Builder::new_multi_thread(),
    };
    if clock != Clock::None {
        builder.enable_time();
    }
    if clock == Clock::Paused {
        builder.start_paused(true);
    }
    builder.build().expect("building the Tokio runtime")
}

/// Wall time of building a runtime, running `main` to completion on it and dropping it.
fn timed<F: Future<Output = ()>>(flavor: Flavor, clock: Clock, main: F) -> u64 {
    protocol::time_ns(|| {
        let rt = build(flavor, clock);
        rt.block_on(main);
        drop(rt);
    })
}

/// Spawns an empty task and awaits it, `ops` times one after another.
fn spawn_join(flavor: Flavor, ops: u64) -> u64 {
    timed(flavor, Clock::None, async move {
        for _ in 0..ops {
            tokio::spawn(async {}).await.unwrap();
        }
    })
}

/// Spawns `ops` empty tasks, then awaits every handle.
fn fan_out(flavor: Flavor, ops: u64) -> u64 {
    timed(flavor, Clock::None, async move {
        let handles: Vec<_> = (0..ops).map(|_| tokio::spawn(async {})).collect();
        for handle in handles {
            handle.await.unwrap();
        }
    })
}

/// One link of the chain: a task that spawns the next, `depth - 1`, and awaits it. Boxed because
/// the future contains itself.
fn link(depth: u64) -> Pin<Box<dyn Future<Output = ()> + Send>> {
    Box::pin(async move {
        if depth > 0 {
            tokio::spawn(link(depth - 1)).await.unwrap();
        }
    })
}

/// A chain of `ops` tasks, each spawned by the one before and awaited by it.
fn chain(flavor: Flavor, ops: u64) -> u64 {
    timed(flavor, Clock::None, link(ops))
}

/// Two tasks yielding `ops / 2` times each.
fn yield_turns(flavor: Flavor, ops: u64) -> u64 {
    timed(flavor, Clock::None, async move {
        let yielder = move || async move {
            for _ in 0..ops / 2 {
                tokio::task::yield_now().await;
            }
        };
        let a = tokio::spawn(yielder());
        let b = tokio::spawn(yielder());
        a.await.unwrap();
        b.await.unwrap();
    })
}

/// Two tasks bouncing a value through two channels of capacity 1, `ops` messages in all.
fn channel(flavor: Flavor, ops: u64) -> u64 {
    timed(flavor, Clock::None, async move {
        let (to_pong, mut pong_rx) = tokio::sync::mpsc::channel::<u64>(1);
        let (to_ping, mut ping_rx) = tokio::sync::mpsc::channel::<u64>(1);
        let pinger = tokio::spawn(async move {
            for i in 0..ops / 2 {
                to_pong.send(i).await.unwrap();
                ping_rx.recv().await.unwrap();
            }
        });
        let ponger = tokio::spawn(async move {
            while let Some(v) = pong_rx.recv().await {
                if to_ping.send(v).await.is_err() {
                    break;
                }
            }
        });
        pinger.await.unwrap();
        ponger.await.unwrap();
    })
}

/// `ops` tasks each sleeping a distinct duration on the paused clock, then joined.
fn timers(ops: u64) -> u64 {
    timed(Flavor::CurrentThread, Clock::Paused, async move {
        let mut durations = TimerDurations::new();
        let handles: Vec<_> = (0..ops)
            .map(|_| tokio::spawn(tokio::time::sleep(durations.next())))
            .collect();
        for handle in handles {
            handle.await.unwrap();
        }
    })
}

/// Tasks that have been polled once, so pending_task_memory knows every sleep is armed.
static POLLED: AtomicU64 = AtomicU64::new(0);

/// Resident bytes that `tasks` tasks asleep for an hour add. The handles are dropped at once
/// (the tasks stay alive, detached) so that only the tasks are counted.
fn pending_task_memory(flavor: Flavor, tasks: u64) -> u64 {
    let clock = match flavor {
        Flavor::CurrentThread => Clock::Paused,
        Flavor::MultiThread => Clock::Real,
    };
    let rt = build(flavor, clock);
    POLLED.store(0, Ordering::Relaxed);
    let bytes = rt.block_on(async move {
        let before = protocol::resident_bytes();
        for _ in 0..tasks {
            tokio::spawn(async {
                POLLED.fetch_add(1, Ordering::Relaxed);
                tokio::time::sleep(PENDING_SLEEP).await;
            });
        }
        // On the paused clock this returns once the runtime is idle, that is once every task
        // has run up to its sleep; on the real clock the workers may need a few turns.
        while POLLED.load(Ordering::Relaxed) < tasks {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        protocol::resident_bytes().saturating_sub(before)
    });
    drop(rt);
    bytes
}

/// Runs every workload Tokio supports, in the README's order, and prints a line for each.
pub fn run(flavor: Flavor, options: &Options) {
    let peer = options.peer;
    let timed: [(&str, u64, fn(Flavor, u64) -> u64); 5] = [
        ("spawn_join", protocol::SPAWN_JOIN_OPS, spawn_join),
        ("fan_out", protocol::FAN_OUT_OPS, fan_out),
        ("chain", protocol::CHAIN_OPS, chain),
        ("yield", protocol::YIELD_OPS, yield_turns),
        ("channel", protocol::CHANNEL_OPS, channel),
    ];
    for (name, full, workload) in timed {
        if options.wants(name) {
            let ops = options.size(full);
            protocol::report_time(peer, name, ops, workload(flavor, ops));
        }
    }
    // Only the current-thread runtime can pause its clock.
    if flavor == Flavor::CurrentThread && options.wants("timers") {
        let ops = options.size(protocol::TIMER_OPS);
        protocol::report_time(peer, "timers", ops, timers(ops));
    }
    // Needs a process of its own: runs only when asked for by name.
    if options.only == "pending_task_memory" {
        let tasks = options.size(protocol::PENDING_TASKS);
        protocol::report_memory(peer, tasks, pending_task_memory(flavor, tasks));
    }
}
