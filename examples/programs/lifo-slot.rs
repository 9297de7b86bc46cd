// lifo-slot: two tasks pass a number back and forth over channels while background tasks keep
// the run queues full. Under tokio-multi-thread a task woken by a worker goes to that worker's
// LIFO slot and runs next, ahead of its queue, so a reply does not wait behind everything
// queued; under tokio-current-thread there is no LIFO slot and every reply waits its turn.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::Instant;

const ROUND_TRIPS: u64 = 40;
const BACKGROUND: u64 = 16;
const BACKGROUND_US: u64 = 20;

// Pending once, with its own task's waker woken: a task woken during its own poll goes to the
// back of its worker's queue, never to the LIFO slot.
struct Requeue {
    requeued: bool,
}

impl Future for Requeue {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.requeued {
            return Poll::Ready(());
        }
        self.requeued = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

// Computes for `slice`, goes to the back of the queue, again, until the ping-pong is over.
async fn background(done: Arc<Mutex<bool>>, slice: Duration) {
    while !*done.lock().unwrap() {
        work(slice);
        Requeue { requeued: false }.await;
    }
}

// Sends a number and waits for it to come back, `round_trips` times; returns the time it took.
async fn pinger(
    ping: mpsc::UnboundedSender<u64>,
    mut pong: mpsc::UnboundedReceiver<u64>,
    round_trips: u64,
    done: Arc<Mutex<bool>>,
) -> Duration {
    let start = Instant::now();
    for i in 0..round_trips {
        let _ = ping.send(i); // Wakes the ponger: into this worker's LIFO slot, or its queue.
        match pong.recv().await {
            Some(back) if back == i => {}
            _ => break,
        }
    }
    *done.lock().unwrap() = true; // The background tasks end at their next turn.
    start.elapsed()
}

// Answers every number with itself, until the pinger drops its sender.
async fn ponger(mut ping: mpsc::UnboundedReceiver<u64>, pong: mpsc::UnboundedSender<u64>) {
    while let Some(n) = ping.recv().await {
        let _ = pong.send(n);
    }
}

async fn report(elapsed: Duration) {
    println!("{ROUND_TRIPS} round trips took {:?}", elapsed);
}

// Spawns everything from one task, so that under tokio-multi-thread the tasks start out in one
// worker's queue and the idle workers steal their share at once.
async fn setup(round_trips: u64, tasks: u64, slice: Duration) -> Duration {
    let done = Arc::new(Mutex::new(false));
    let mut others = Vec::new();
    for _ in 1..=tasks {
        others.push(tokio::spawn(background(done.clone(), slice)));
    }
    let (ping_tx, ping_rx) = mpsc::unbounded_channel();
    let (pong_tx, pong_rx) = mpsc::unbounded_channel();
    others.push(tokio::spawn(ponger(ping_rx, pong_tx)));
    let measuring = tokio::spawn(pinger(ping_tx, pong_rx, round_trips, done));
    let elapsed = measuring.await.unwrap();
    for other in others {
        other.await.unwrap();
    }
    elapsed
}

#[tokio::main]
async fn main() {
    let slice = Duration::from_micros(BACKGROUND_US);
    let measuring = tokio::spawn(setup(ROUND_TRIPS, BACKGROUND, slice));
    let elapsed = measuring.await.unwrap();
    tokio::spawn(report(elapsed)).await.unwrap();
}
