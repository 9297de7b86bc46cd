//! The workloads on smol's executor: an `async_executor::Executor` run on the calling thread by
//! `futures_lite::future::block_on`, which is what smol does by default. Every timed run creates
//! its executor, runs, and drops the executor inside the timed part. smol has no virtual clock,
//! so `timers` does not run here.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use async_executor::Executor;
use futures_lite::future;

use crate::protocol::{self, Options, PENDING_SLEEP};

/// The executor, shared with the tasks that spawn more tasks.
type Shared = Arc<Executor<'static>>;

/// Wall time of creating an executor, running `main(executor)` to completion on it and dropping
/// it.
fn timed<F: Future<Output = ()>>(main: impl FnOnce(Shared) -> F) -> u64 {
    protocol::time_ns(|| {
        let ex: Shared = Arc::new(Executor::new());
        future::block_on(ex.run(main(ex.clone())));
        drop(ex);
    })
}

/// Spawns an empty task and awaits it, `ops` times one after another.
fn spawn_join(ops: u64) -> u64 {
    timed(|ex| async move {
        for _ in 0..ops {
            ex.spawn(async {}).await;
        }
    })
}

/// Spawns `ops` empty tasks, then awaits every handle.
fn fan_out(ops: u64) -> u64 {
    timed(|ex| async move {
        let tasks: Vec<_> = (0..ops).map(|_| ex.spawn(async {})).collect();
        for task in tasks {
            task.await;
        }
    })
}

/// One link of the chain: a task that spawns the next, `depth - 1`, and awaits it. Boxed because
/// the future contains itself.
fn link(ex: Shared, depth: u64) -> Pin<Box<dyn Future<Output = ()> + Send>> {
    Box::pin(async move {
        if depth > 0 {
            let next = link(ex.clone(), depth - 1);
            ex.spawn(next).await;
        }
    })
}

/// A chain of `ops` tasks, each spawned by the one before and awaited by it.
fn chain(ops: u64) -> u64 {
    timed(|ex| link(ex, ops))
}

/// Two tasks yielding `ops / 2` times each.
fn yield_turns(ops: u64) -> u64 {
    timed(|ex| async move {
        let yielder = move || async move {
            for _ in 0..ops / 2 {
                future::yield_now().await;
            }
        };
        let a = ex.spawn(yielder());
        let b = ex.spawn(yielder());
        a.await;
        b.await;
    })
}

/// Two tasks bouncing a value through two channels of capacity 1, `ops` messages in all.
fn channel(ops: u64) -> u64 {
    timed(|ex| async move {
        let (to_pong, pong_rx) = async_channel::bounded::<u64>(1);
        let (to_ping, ping_rx) = async_channel::bounded::<u64>(1);
        let pinger = ex.spawn(async move {
            for i in 0..ops / 2 {
                to_pong.send(i).await.unwrap();
                ping_rx.recv().await.unwrap();
            }
        });
        let ponger = ex.spawn(async move {
            while let Ok(v) = pong_rx.recv().await {
                if to_ping.send(v).await.is_err() {
                    break;
                }
            }
        });
        pinger.await;
        ponger.await;
    })
}

/// Tasks that have been polled once, so pending_task_memory knows every timer is armed.
static POLLED: AtomicU64 = AtomicU64::new(0);

/// Resident bytes that `tasks` tasks asleep for an hour on smol's timer (async-io's, real time)
/// add. The tasks are detached so that only they are counted, not their handles.
fn pending_task_memory(tasks: u64) -> u64 {
    let ex: Shared = Arc::new(Executor::new());
    POLLED.store(0, Ordering::Relaxed);
    let spawner = ex.clone();
    let bytes = future::block_on(ex.run(async move {
        let before = protocol::resident_bytes();
        for _ in 0..tasks {
            spawner
                .spawn(async {
                    POLLED.fetch_add(1, Ordering::Relaxed);
                    async_io::Timer::after(PENDING_SLEEP).await;
                })
                .detach();
        }
        // The executor polls this future between batches of tasks: yield until all have run.
        while POLLED.load(Ordering::Relaxed) < tasks {
            future::yield_now().await;
        }
        protocol::resident_bytes().saturating_sub(before)
    }));
    drop(ex);
    bytes
}

/// Runs every workload async-executor supports, in the README's order, and prints a line for
/// each.
pub fn run(options: &Options) {
    let peer = options.peer;
    let timed: [(&str, u64, fn(u64) -> u64); 5] = [
        ("spawn_join", protocol::SPAWN_JOIN_OPS, spawn_join),
        ("fan_out", protocol::FAN_OUT_OPS, fan_out),
        ("chain", protocol::CHAIN_OPS, chain),
        ("yield", protocol::YIELD_OPS, yield_turns),
        ("channel", protocol::CHANNEL_OPS, channel),
    ];
    for (name, full, workload) in timed {
        if options.wants(name) {
            let ops = options.size(full);
            protocol::report_time(peer, name, ops, workload(ops));
        }
    }
    // Needs a process of its own: runs only when asked for by name.
    if options.only == "pending_task_memory" {
        let tasks = options.size(protocol::PENDING_TASKS);
        protocol::report_memory(peer, tasks, pending_task_memory(tasks));
    }
}
