//! Records every poll of every task: virtual time since the scenario started, the task's number
//! and the poll's result. Numbers follow Wakeline's task ids: the root future (`block_on`) is 1
//! and each spawn takes the next number, in spawn order.
//!
//! Recording happens inside the wrapper's `poll`, after the inner poll returns, and never awaits
//! or wakes anything, so it cannot change what the scheduler does.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::task::JoinHandle;
use tokio::time::Instant;

thread_local! {
    static START: Cell<Option<Instant>> = Cell::new(None);
    static LAST_ID: Cell<u32> = Cell::new(0);
    static POLLS: RefCell<Vec<(u128, u32, bool)>> = RefCell::new(Vec::new());
}

fn next_id() -> u32 {
    LAST_ID.with(|last| {
        last.set(last.get() + 1);
        last.get()
    })
}

fn record(task: u32, ready: bool) {
    let start = START.with(|s| s.get()).expect("scenario start time not set");
    let t = Instant::now().duration_since(start).as_nanos();
    POLLS.with(|polls| polls.borrow_mut().push((t, task, ready)));
}

/// A future that records each of its polls under its task number.
pub struct Traced<F> {
    task: u32,
    inner: Pin<Box<F>>,
}

impl<F: Future> Future for Traced<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let result = self.inner.as_mut().poll(cx);
        record(self.task, result.is_ready());
        result
    }
}

/// Spawns `future` as a traced task on the current runtime (tokio::spawn), numbered now.
pub fn spawn<F>(future: F) -> JoinHandle<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let task = next_id();
    tokio::spawn(Traced { task, inner: Box::pin(future) })
}

/// Runs one scenario as the root future of a fresh current_thread runtime with paused time and
/// prints its polls as NDJSON lines.
pub fn run<F: Future>(name: &str, scenario: fn() -> F) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("building the runtime");
    LAST_ID.with(|last| last.set(0));
    POLLS.with(|polls| polls.borrow_mut().clear());
    {
        // The paused clock is the runtime's: read it inside the runtime's context.
        let _guard = rt.enter();
        START.with(|s| s.set(Some(Instant::now())));
    }
    let root = Traced { task: next_id(), inner: Box::pin(scenario()) };
    rt.block_on(root);
    drop(rt);
    POLLS.with(|polls| {
        for (t, task, ready) in polls.borrow().iter() {
            println!(
                "{{\"scenario\":\"{}\",\"t\":{},\"task\":{},\"result\":\"{}\"}}",
                name,
                t,
                task,
                if *ready { "ready" } else { "pending" }
            );
        }
    });
}
