//! The Tokio side of a program of Wakeline's language (docs/language.md): the library every
//! program's binary links. `tail.rs`, appended to the program's text, routes the program's
//! `tokio::spawn`, `work` and `main` here.
//!
//! It runs the program's `main` on Tokio 1.24's current_thread runtime with paused time and
//! records every task poll: virtual time since the start, the task's number and the poll's
//! result. Numbers follow Wakeline's task ids: the root future (`main`) is 1 and each
//! `tokio::spawn` takes the next number, in spawn order. Recording happens after the inner poll
//! returns and never awaits or wakes anything, so it cannot change what the scheduler does
//! (the same wrapper as tests/fidelity/tokio/src/trace.rs).
//!
//! The polls go to the file named by `$WAKELINE_POLLS_OUT` (stderr without it), one NDJSON line
//! each, `{"t":ns,"task":n,"result":"pending"|"ready"|"failed"}`, then one line saying how the
//! run ended, `{"outcome":"completed"|"failed"|"deadlock"|"poll_limit"}`. The program's own
//! output (`println!`) stays on stdout.

use std::cell::Cell;
use std::future::Future;
use std::io::Write;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::process::{ExitCode, Termination};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use real_tokio::task::JoinHandle;
use real_tokio::time::Instant;

/// Polls recorded so far: (ns since the start, task, result). A static, not a thread-local, so
/// that the deadlock watchdog can write them out from its own thread.
static POLLS: Mutex<Vec<(u128, u32, &'static str)>> = Mutex::new(Vec::new());
static LAST_ID: AtomicU32 = AtomicU32::new(0);
/// Real time (ms since the Unix epoch) at which the runtime thread parked; 0 while it runs.
static PARKED_SINCE_MS: AtomicU64 = AtomicU64::new(0);
/// `std::mem::size_of_val` of the program's `main` future, as rustc laid it out: what
/// `wakeline states` computes for it.
static MAIN_FUTURE_BYTES: AtomicU64 = AtomicU64::new(0);

thread_local! {
    static START: Cell<Option<Instant>> = Cell::new(None);
}

/// A run that makes more polls than this stops with outcome `poll_limit` (a program that never
/// ends, such as a server that keeps spawning, still gives a prefix to compare).
const DEFAULT_POLL_LIMIT: usize = 20_000;

/// In paused time a park with a timer pending returns at once (the clock jumps to the timer);
/// a park that lasts this long in real time has nothing to wait for: every task waits on
/// something no one will ever do, a deadlock.
const DEADLOCK_AFTER_MS: u64 = 1_000;

fn poll_limit() -> usize {
    std::env::var("WAKELINE_POLL_LIMIT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_POLL_LIMIT)
}

fn real_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(1)
        .max(1)
}

fn next_id() -> u32 {
    LAST_ID.fetch_add(1, Ordering::SeqCst) + 1
}

fn record(task: u32, result: &'static str) {
    let start = START.with(|s| s.get()).expect("program start time not set");
    let t = Instant::now().duration_since(start).as_nanos();
    let count = {
        let mut polls = POLLS.lock().unwrap_or_else(|e| e.into_inner());
        polls.push((t, task, result));
        polls.len()
    };
    if count >= poll_limit() {
        finish("poll_limit");
        std::process::exit(0);
    }
}

/// Writes the recorded polls and the outcome, once.
fn finish(outcome: &str) {
    let _ = std::io::stdout().flush();
    let polls = POLLS.lock().unwrap_or_else(|e| e.into_inner());
    let mut text = String::with_capacity(polls.len() * 48 + 32);
    for (t, task, result) in polls.iter() {
        text.push_str(&format!(
            "{{\"t\":{},\"task\":{},\"result\":\"{}\"}}\n",
            t, task, result
        ));
    }
    text.push_str(&format!(
        "{{\"outcome\":\"{}\",\"main_future_bytes\":{}}}\n",
        outcome,
        MAIN_FUTURE_BYTES.load(Ordering::SeqCst)
    ));
    match std::env::var_os("WAKELINE_POLLS_OUT") {
        Some(path) => std::fs::write(&path, text).expect("writing $WAKELINE_POLLS_OUT"),
        None => {
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
    }
}

/// A future that records each of its polls under its task number. A poll that panics is
/// recorded as `failed` and the panic goes on to Tokio, which fails the task.
struct Traced<F> {
    task: u32,
    inner: Pin<Box<F>>,
}

impl<F: Future> Future for Traced<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let task = self.task;
        let inner = &mut self.inner;
        match catch_unwind(AssertUnwindSafe(|| inner.as_mut().poll(cx))) {
            Ok(result) => {
                record(
                    task,
                    if result.is_ready() {
                        "ready"
                    } else {
                        "pending"
                    },
                );
                result
            }
            Err(panic) => {
                record(task, "failed");
                resume_unwind(panic)
            }
        }
    }
}

/// The program's `tokio::spawn`: Tokio's, with the task numbered now and its polls traced.
pub fn spawn<F>(future: F) -> JoinHandle<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let task = next_id();
    real_tokio::spawn(Traced {
        task,
        inner: Box::pin(future),
    })
}

struct Noop;

impl Wake for Noop {
    fn wake(self: Arc<Self>) {}
}

/// The program's `work(d)`: CPU work that takes `d` and never yields, as Wakeline's `busy`.
/// Paused time stands still while a task runs, so the work moves the clock forward by `d`
/// inside the poll in progress, through `tokio::time::advance`. That function advances the clock
/// and then awaits a `yield_now`; polling it once here, with a waker that does nothing, does the
/// advance and leaves the yield behind: the task is not rescheduled and does not return. (The
/// inert waker stays in Tokio's list of deferred wakes until the scheduler next polls its
/// driver; a park with that list non-empty is a zero-timeout driver poll, which fires the same
/// timers a plain park would fire first.)
pub fn work(d: Duration) {
    let mut advance = Box::pin(real_tokio::time::advance(d));
    let waker = Waker::from(Arc::new(Noop));
    let mut cx = Context::from_waker(&waker);
    let _ = advance.as_mut().poll(&mut cx);
}

/// Runs the program's `main` (renamed) as task 1 of a fresh current_thread runtime with paused
/// time, then writes the polls.
pub fn run<F>(program: F) -> ExitCode
where
    F: Future,
    F::Output: Termination,
{
    let rt = real_tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .on_thread_park(|| PARKED_SINCE_MS.store(real_ms(), Ordering::SeqCst))
        .on_thread_unpark(|| PARKED_SINCE_MS.store(0, Ordering::SeqCst))
        .build()
        .expect("building the runtime");
    {
        // The paused clock is the runtime's: read it inside the runtime's context.
        let _guard = rt.enter();
        START.with(|s| s.set(Some(Instant::now())));
    }
    std::thread::spawn(|| loop {
        std::thread::sleep(Duration::from_millis(50));
        let since = PARKED_SINCE_MS.load(Ordering::SeqCst);
        if since != 0 && real_ms().saturating_sub(since) > DEADLOCK_AFTER_MS {
            finish("deadlock");
            std::process::exit(0);
        }
    });
    MAIN_FUTURE_BYTES.store(std::mem::size_of_val(&program) as u64, Ordering::SeqCst);
    let root = Traced {
        task: next_id(),
        inner: Box::pin(program),
    };
    match catch_unwind(AssertUnwindSafe(|| rt.block_on(root))) {
        Ok(output) => {
            drop(rt);
            finish("completed");
            output.report()
        }
        Err(_) => {
            finish("failed");
            ExitCode::from(101)
        }
    }
}
