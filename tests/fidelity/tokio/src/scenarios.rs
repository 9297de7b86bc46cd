//! The fidelity scenarios. Each has a twin in tests/fidelity/scenarios/*.hpp written against
//! Wakeline's API, statement for statement: keep the two in step.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::sync::{mpsc, oneshot, Mutex};
use tokio::task::yield_now;
use tokio::time::{sleep, timeout};

use crate::trace::spawn;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Two tasks and the root yield in turn.
pub async fn yields() {
    let a = spawn(async {
        for _ in 0..3 {
            yield_now().await;
        }
    });
    let b = spawn(async {
        for _ in 0..3 {
            yield_now().await;
        }
    });
    yield_now().await;
    a.await.unwrap();
    b.await.unwrap();
}

/// Three tasks sleep to the same deadlines, twice.
pub async fn timers_equal() {
    let mut handles = Vec::new();
    for _ in 0..3 {
        handles.push(spawn(async {
            sleep(ms(10)).await;
            sleep(ms(10)).await;
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
}

/// Three tasks sleep to different deadlines; the root sleeps less than all of them.
pub async fn timers_unequal() {
    let mut handles = Vec::new();
    for d in [30u64, 10, 20] {
        handles.push(spawn(async move {
            sleep(ms(d)).await;
            sleep(ms(15)).await;
        }));
    }
    sleep(ms(5)).await;
    for h in handles {
        h.await.unwrap();
    }
}

/// A producer fills a channel of capacity 2 faster than the consumer empties it.
pub async fn channel_backpressure() {
    let (tx, mut rx) = mpsc::channel::<u32>(2);
    let producer = spawn(async move {
        for i in 0..6 {
            tx.send(i).await.unwrap();
        }
    });
    let consumer = spawn(async move {
        let mut n = 0;
        while let Some(_) = rx.recv().await {
            n += 1;
            if n % 2 == 0 {
                sleep(ms(1)).await;
            }
        }
    });
    producer.await.unwrap();
    consumer.await.unwrap();
}

/// Timeouts that expire, that do not, and that tie with the inner sleep.
pub async fn timeout_race() {
    let late = spawn(async { timeout(ms(10), sleep(ms(20))).await.is_err() });
    let early = spawn(async { timeout(ms(20), sleep(ms(10))).await.is_err() });
    let tie = spawn(async { timeout(ms(10), sleep(ms(10))).await.is_err() });
    assert!(late.await.unwrap());
    assert!(!early.await.unwrap());
    assert!(!tie.await.unwrap());
}

/// The root awaits four children in the reverse of the order they end.
pub async fn join_children() {
    let mut handles = Vec::new();
    for k in 1..=4u64 {
        handles.push(spawn(async move {
            for _ in 0..k {
                yield_now().await;
            }
            sleep(ms(2 * k)).await;
            k
        }));
    }
    let mut sum = 0;
    while let Some(h) = handles.pop() {
        sum += h.await.unwrap();
    }
    assert_eq!(sum, 10);
}

/// Three tasks take turns on a mutex that each holds across a sleep.
pub async fn mutex_contention() {
    let counter = Arc::new(Mutex::new(0u32));
    let mut handles = Vec::new();
    for _ in 0..3 {
        let counter = counter.clone();
        handles.push(spawn(async move {
            for _ in 0..2 {
                let mut guard = counter.lock().await;
                sleep(ms(1)).await;
                *guard += 1;
            }
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    assert_eq!(*counter.lock().await, 6);
}

/// The root selects (biased) between a channel fed every 8 ms and a fresh 7 ms sleep.
pub async fn select() {
    let (tx, mut rx) = mpsc::channel::<u32>(1);
    let ticker = spawn(async move {
        for i in 0..3 {
            sleep(ms(8)).await;
            tx.send(i).await.unwrap();
        }
    });
    let mut timeouts = 0;
    loop {
        tokio::select! {
            biased;
            v = rx.recv() => { if v.is_none() { break; } }
            _ = sleep(ms(7)) => { timeouts += 1; }
        }
    }
    assert_eq!(timeouts, 3);
    ticker.await.unwrap();
}

/// Tasks spawn tasks: root -> a -> (b -> d, c).
pub async fn nested_spawn() {
    let a = spawn(async {
        let b = spawn(async {
            let d = spawn(async {
                yield_now().await;
            });
            d.await.unwrap();
        });
        let c = spawn(async {
            sleep(ms(1)).await;
        });
        b.await.unwrap();
        c.await.unwrap();
    });
    a.await.unwrap();
}

/// Wakes its own task during the poll, `times` times, then completes.
struct SelfWake {
    times: u32,
}

impl Future for SelfWake {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.times == 0 {
            return Poll::Ready(());
        }
        self.times -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

/// One task wakes itself while it runs; another yields beside it.
pub async fn woken_while_running() {
    let a = spawn(SelfWake { times: 3 });
    let b = spawn(async {
        for _ in 0..3 {
            yield_now().await;
        }
    });
    a.await.unwrap();
    b.await.unwrap();
}

/// A child wakes the root while another child keeps re-queueing itself.
pub async fn root_woken_behind_queue() {
    let a = spawn(async {});
    let b = spawn(SelfWake { times: 2 });
    a.await.unwrap();
    b.await.unwrap();
}

/// A value passed along 100 tasks through oneshot channels, each wake starting the next.
pub async fn wake_chain() {
    const LEN: usize = 100;
    let (first_tx, mut rx) = oneshot::channel::<u32>();
    let mut handles = Vec::new();
    for _ in 0..LEN {
        let (tx, next_rx) = oneshot::channel::<u32>();
        let input = rx;
        handles.push(spawn(async move {
            let v = input.await.unwrap();
            let _ = tx.send(v + 1);
        }));
        rx = next_rx;
    }
    first_tx.send(0).unwrap();
    assert_eq!(rx.await.unwrap(), LEN as u32);
    for h in handles {
        h.await.unwrap();
    }
}

/// 70 tasks that end at their first poll; the root waits for the first one.
pub async fn many_ready_tasks() {
    let mut handles = Vec::new();
    for _ in 0..70 {
        handles.push(spawn(async {}));
    }
    for h in handles {
        h.await.unwrap();
    }
}

/// A task drains 200 buffered values without awaiting anything that is pending.
pub async fn coop_budget() {
    let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
    for i in 0..200 {
        tx.send(i).unwrap();
    }
    drop(tx);
    let drain = spawn(async move {
        let mut n = 0;
        while let Some(_) = rx.recv().await {
            n += 1;
        }
        n
    });
    let other = spawn(async {});
    assert_eq!(drain.await.unwrap(), 200);
    other.await.unwrap();
}
