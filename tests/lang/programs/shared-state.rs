// Shared state through Arc<std::sync::Mutex<T>>: tasks count hits under a lock never held
// across an await and wake the waiter at each hit; a hand-written Gate is ready once enough
// hits are in, and keeps its stored waker when will_wake says it is the same.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;
use tokio::time::sleep;

struct State {
    hits: u32,
    waiter: Option<Waker>,
}

struct Gate {
    state: Arc<Mutex<State>>,
    needed: u32,
}

impl Future for Gate {
    type Output = u32;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        let mut state = self.state.lock().unwrap();
        if state.hits >= self.needed {
            return Poll::Ready(state.hits);
        }
        let waker = match state.waiter.take() {
            Some(kept) if kept.will_wake(cx.waker()) => kept,
            _ => cx.waker().clone(),
        };
        state.waiter = Some(waker);
        Poll::Pending
    }
}

async fn hitter(state: Arc<Mutex<State>>, every_ms: u64) {
    for _ in 0..3 {
        sleep(Duration::from_millis(every_ms)).await;
        let mut s = state.lock().unwrap();
        s.hits += 1;
        if let Some(w) = &s.waiter {
            w.wake_by_ref();
        }
    }
}

#[tokio::main]
async fn main() {
    let state = Arc::new(Mutex::new(State {
        hits: 0,
        waiter: None,
    }));
    tokio::spawn(hitter(state.clone(), 1));
    tokio::spawn(hitter(state.clone(), 2));
    let hits = Gate {
        state: state.clone(),
        needed: 5,
    }
    .await;
    println!("the gate opened after {hits} hits");
}
