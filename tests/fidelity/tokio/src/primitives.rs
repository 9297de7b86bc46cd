//! Scenarios aimed at the primitives and macros rather than the scheduler: the order of the
//! wakes each one makes, the wakers it keeps, what dropping its future does. Each has a twin in
//! tests/fidelity/scenarios/primitives.cpp, statement for statement: keep the two in step.
//! docs/tokio-fidelity.md lists the Tokio rule each one proves.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, oneshot, Mutex, Notify, Semaphore};
use tokio::time::{interval, sleep, sleep_until, timeout, Instant, MissedTickBehavior};

use crate::trace::spawn;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// A consumer task that receives until the channel ends.
fn consumer(mut rx: mpsc::UnboundedReceiver<u32>) -> tokio::task::JoinHandle<()> {
    spawn(async move { while rx.recv().await.is_some() {} })
}

/// Sends `n` values, sleeping `d` before each but the first.
async fn send_sleeping(tx: mpsc::UnboundedSender<u32>, n: u32, d: u64) {
    for i in 0..n {
        if i > 0 {
            sleep(ms(d)).await;
        }
        tx.send(i).unwrap();
    }
}

/// join! of three branches that each wake their own consumer: the consumers run in the order
/// the branches were polled, which moves one branch further at each poll.
pub async fn join_rotates() {
    let (tx_a, rx_a) = mpsc::unbounded_channel::<u32>();
    let (tx_b, rx_b) = mpsc::unbounded_channel::<u32>();
    let (tx_c, rx_c) = mpsc::unbounded_channel::<u32>();
    let a = consumer(rx_a);
    let b = consumer(rx_b);
    let c = consumer(rx_c);
    tokio::join!(
        send_sleeping(tx_a, 3, 1),
        send_sleeping(tx_b, 3, 1),
        send_sleeping(tx_c, 3, 1)
    );
    a.await.unwrap();
    b.await.unwrap();
    c.await.unwrap();
}

/// Sleeps `d`, then wakes its consumer.
async fn sleep_then_send(tx: mpsc::UnboundedSender<u32>, d: u64) {
    sleep(ms(d)).await;
    tx.send(0).unwrap();
}

/// join! of three sleeps that end at the same instant: the poll they cause starts at the
/// second branch.
pub async fn join_three_same_instant() {
    let (tx_a, rx_a) = mpsc::unbounded_channel::<u32>();
    let (tx_b, rx_b) = mpsc::unbounded_channel::<u32>();
    let (tx_c, rx_c) = mpsc::unbounded_channel::<u32>();
    let a = consumer(rx_a);
    let b = consumer(rx_b);
    let c = consumer(rx_c);
    tokio::join!(
        sleep_then_send(tx_a, 10),
        sleep_then_send(tx_b, 10),
        sleep_then_send(tx_c, 10)
    );
    a.await.unwrap();
    b.await.unwrap();
    c.await.unwrap();
}

/// join! whose first branch ends at once: finished branches still count in the rotation.
pub async fn join_branch_done_early() {
    let (tx_a, rx_a) = mpsc::unbounded_channel::<u32>();
    let (tx_b, rx_b) = mpsc::unbounded_channel::<u32>();
    let (tx_c, rx_c) = mpsc::unbounded_channel::<u32>();
    let a = consumer(rx_a);
    let b = consumer(rx_b);
    let c = consumer(rx_c);
    tokio::join!(
        send_sleeping(tx_a, 1, 1),
        send_sleeping(tx_b, 4, 1),
        send_sleeping(tx_c, 4, 1)
    );
    a.await.unwrap();
    b.await.unwrap();
    c.await.unwrap();
}

/// A select! whose losing recv had registered the task's waker: a later send wakes the task
/// while it sleeps.
pub async fn select_recv_loser_waker() {
    let (tx, mut rx) = mpsc::channel::<u32>(4);
    let producer = spawn(async move {
        sleep(ms(8)).await;
        tx.send(1).await.unwrap();
    });
    tokio::select! {
        biased;
        _ = rx.recv() => { panic!("nothing was sent yet"); }
        _ = sleep(ms(5)) => {}
    }
    sleep(ms(10)).await;
    assert_eq!(rx.recv().await, Some(1));
    producer.await.unwrap();
}

/// A recv dropped by a timeout: the next send wakes the task once, the one after does not.
pub async fn recv_dropped_then_send() {
    let (tx, mut rx) = mpsc::channel::<u32>(4);
    let producer = spawn(async move {
        sleep(ms(5)).await;
        tx.send(1).await.unwrap();
        sleep(ms(2)).await;
        tx.send(2).await.unwrap();
    });
    assert!(timeout(ms(2), rx.recv()).await.is_err());
    sleep(ms(10)).await;
    assert_eq!(rx.recv().await, Some(1));
    assert_eq!(rx.recv().await, Some(2));
    producer.await.unwrap();
}

/// An unbounded recv loses a select! to a oneshot; the sends that follow find its waker.
pub async fn recv_loser_unbounded() {
    let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
    let (done_tx, done_rx) = oneshot::channel::<u32>();
    let producer = spawn(async move {
        sleep(ms(2)).await;
        done_tx.send(7).unwrap();
        sleep(ms(2)).await;
        tx.send(1).unwrap();
        sleep(ms(2)).await;
        tx.send(2).unwrap();
    });
    tokio::select! {
        biased;
        _ = rx.recv() => { panic!("nothing was sent yet"); }
        v = done_rx => { assert_eq!(v.unwrap(), 7); }
    }
    sleep(ms(10)).await;
    assert_eq!(rx.recv().await, Some(1));
    assert_eq!(rx.recv().await, Some(2));
    producer.await.unwrap();
}

/// Waits for `n` permits, then ends (giving them back).
fn acquirer(sem: Arc<Semaphore>, n: u32) -> tokio::task::JoinHandle<()> {
    spawn(async move {
        let _permit = sem.acquire_many(n).await.unwrap();
    })
}

/// Three waiters completed by one release of three permits: woken newest first.
pub async fn semaphore_release_many() {
    let sem = Arc::new(Semaphore::new(0));
    let handles: Vec<_> = (0..3).map(|_| acquirer(sem.clone(), 1)).collect();
    sleep(ms(1)).await;
    sem.add_permits(3);
    for h in handles {
        h.await.unwrap();
    }
}

/// Waiters for 2, 1 and 2 permits and a release of 4: the first two are completed and woken,
/// newest first; the third keeps what is left and waits for one more.
pub async fn semaphore_release_partial() {
    let sem = Arc::new(Semaphore::new(0));
    let handles: Vec<_> = [2, 1, 2]
        .iter()
        .map(|&n| acquirer(sem.clone(), n))
        .collect();
    sleep(ms(1)).await;
    sem.add_permits(4);
    sleep(ms(1)).await;
    sem.add_permits(1);
    for h in handles {
        h.await.unwrap();
    }
}

/// Forty waiters and one release of forty permits: woken in batches of 32, each newest first.
pub async fn semaphore_release_batches() {
    let sem = Arc::new(Semaphore::new(0));
    let handles: Vec<_> = (0..40).map(|_| acquirer(sem.clone(), 1)).collect();
    sleep(ms(1)).await;
    sem.add_permits(40);
    for h in handles {
        h.await.unwrap();
    }
}

/// A waiter for 2 permits, given 1, times out: its permit goes to the waiter behind it.
pub async fn semaphore_acquire_dropped() {
    let sem = Arc::new(Semaphore::new(0));
    let s = sem.clone();
    let first = spawn(async move { timeout(ms(5), s.acquire_many(2)).await.is_err() });
    let second = acquirer(sem.clone(), 1);
    sleep(ms(1)).await;
    sem.add_permits(1);
    assert!(first.await.unwrap());
    second.await.unwrap();
}

/// Waits for a notification, then ends.
fn waiter(notify: Arc<Notify>) -> tokio::task::JoinHandle<()> {
    spawn(async move { notify.notified().await })
}

/// notify_waiters with three waiters: woken newest first.
pub async fn notify_waiters_order() {
    let notify = Arc::new(Notify::new());
    let handles: Vec<_> = (0..3).map(|_| waiter(notify.clone())).collect();
    sleep(ms(1)).await;
    notify.notify_waiters();
    for h in handles {
        h.await.unwrap();
    }
}

/// notify_one three times with three waiters: woken oldest first.
pub async fn notify_one_fifo() {
    let notify = Arc::new(Notify::new());
    let handles: Vec<_> = (0..3).map(|_| waiter(notify.clone())).collect();
    sleep(ms(1)).await;
    notify.notify_one();
    notify.notify_one();
    notify.notify_one();
    for h in handles {
        h.await.unwrap();
    }
}

/// Two notify_one with nobody waiting store one permit, not two.
pub async fn notify_permit_stored() {
    let notify = Arc::new(Notify::new());
    notify.notify_one();
    notify.notify_one();
    let n = notify.clone();
    let a = spawn(async move {
        n.notified().await;
        n.notified().await;
    });
    sleep(ms(5)).await;
    notify.notify_one();
    a.await.unwrap();
}

/// A notified() made before notify_waiters and a stored permit: its first poll takes the permit,
/// so a later waiter waits for the next notify_one.
pub async fn notify_permit_before_waiters() {
    let notify = Arc::new(Notify::new());
    let f = notify.notified();
    notify.notify_waiters();
    notify.notify_one();
    f.await;
    let a = waiter(notify.clone());
    sleep(ms(5)).await;
    notify.notify_one();
    a.await.unwrap();
}

/// The waiter chosen by notify_one is aborted before it runs: the notification goes on to the
/// next waiter.
pub async fn notify_dropped_passes_on() {
    let notify = Arc::new(Notify::new());
    let a = waiter(notify.clone());
    let b = waiter(notify.clone());
    sleep(ms(1)).await;
    notify.notify_one();
    a.abort();
    assert!(a.await.unwrap_err().is_cancelled());
    b.await.unwrap();
}

/// Sleeps whose deadline has passed, or is now, are ready at their first poll, with no wake.
pub async fn sleep_past_deadline() {
    let start = Instant::now();
    let a = spawn(async move {
        sleep(ms(5)).await;
        sleep_until(start).await;
        sleep(ms(0)).await;
        sleep(ms(1)).await;
    });
    sleep_until(start + ms(3)).await;
    a.await.unwrap();
}

/// A completed sleep reset to now: under Tokio it still holds the task's waker, so the reset
/// fires it and wakes the task, which then waits for something else.
pub async fn sleep_reset_past() {
    let s = sleep(ms(10));
    tokio::pin!(s);
    (&mut s).await;
    s.as_mut().reset(Instant::now());
    sleep(ms(5)).await;
    (&mut s).await;
}

/// A completed sleep reset to a later deadline wakes its task when that comes, though the task
/// waits for another sleep then.
pub async fn sleep_reset_later() {
    let s = sleep(ms(10));
    tokio::pin!(s);
    (&mut s).await;
    s.as_mut().reset(Instant::now() + ms(20));
    sleep(ms(30)).await;
    (&mut s).await;
}

/// An interval whose task sleeps past three ticks, then takes four ticks with `behavior`.
async fn interval_missing(behavior: MissedTickBehavior) {
    let mut every = interval(ms(10));
    every.set_missed_tick_behavior(behavior);
    every.tick().await;
    sleep(ms(35)).await;
    for _ in 0..4 {
        every.tick().await;
    }
}

/// Burst: the missed ticks back to back, then the original schedule.
pub async fn interval_burst() {
    interval_missing(MissedTickBehavior::Burst).await;
}

/// Delay: the schedule starts again one period after the late tick.
pub async fn interval_delay() {
    interval_missing(MissedTickBehavior::Delay).await;
}

/// Skip: the missed ticks are dropped; the next is on the original schedule.
pub async fn interval_skip() {
    interval_missing(MissedTickBehavior::Skip).await;
}

/// Interval::reset: the next tick one period from now.
pub async fn interval_reset() {
    let mut every = interval(ms(10));
    every.tick().await;
    sleep(ms(3)).await;
    every.reset();
    every.tick().await;
    every.tick().await;
}

/// A zero timeout: the inner future is polled first and wins if ready; else the timeout fires
/// at its first poll.
pub async fn timeout_zero() {
    assert!(timeout(ms(0), sleep(ms(1))).await.is_err());
    assert!(timeout(ms(0), async {}).await.is_ok());
    let a = spawn(async { timeout(ms(0), sleep(ms(0))).await.is_ok() });
    assert!(a.await.unwrap());
}

/// Takes the lock and holds it across a long sleep.
fn holder(m: Arc<Mutex<u32>>, hold: u64) -> tokio::task::JoinHandle<()> {
    spawn(async move {
        let mut guard = m.lock().await;
        sleep(ms(hold)).await;
        *guard += 1;
    })
}

/// The task holding a lock is aborted: its guard is dropped and the next waiter gets the lock.
pub async fn mutex_abort_holder() {
    let m = Arc::new(Mutex::new(0u32));
    let a = holder(m.clone(), 100);
    let b = holder(m.clone(), 1);
    let c = holder(m.clone(), 1);
    sleep(ms(5)).await;
    a.abort();
    assert!(a.await.unwrap_err().is_cancelled());
    b.await.unwrap();
    c.await.unwrap();
    assert_eq!(*m.lock().await, 2);
}

/// A lock() that times out leaves the queue; the lock goes to the waiter behind it.
pub async fn mutex_lock_dropped() {
    let m = Arc::new(Mutex::new(0u32));
    let a = holder(m.clone(), 10);
    let m2 = m.clone();
    let b = spawn(async move { timeout(ms(5), m2.lock()).await.is_err() });
    let c = holder(m.clone(), 1);
    assert!(b.await.unwrap());
    a.await.unwrap();
    c.await.unwrap();
}

/// A task aborted while it sleeps: its timer is cancelled and its JoinHandle woken at once.
pub async fn abort_sleeping_task() {
    let a = spawn(async { sleep(ms(50)).await });
    let b = spawn(async { sleep(ms(10)).await });
    sleep(ms(5)).await;
    a.abort();
    assert!(a.await.unwrap_err().is_cancelled());
    b.await.unwrap();
}

/// A task aborted before its first poll never runs; aborting a finished task changes nothing.
pub async fn abort_before_first_poll() {
    let a = spawn(async { sleep(ms(1)).await });
    let b = spawn(async {});
    a.abort();
    assert!(a.await.unwrap_err().is_cancelled());
    b.await.unwrap();
}

/// The sender is dropped without sending: the receiver is woken with an error.
pub async fn oneshot_sender_dropped() {
    let (tx, rx) = oneshot::channel::<u32>();
    let a = spawn(async move { rx.await.is_err() });
    sleep(ms(2)).await;
    drop(tx);
    assert!(a.await.unwrap());
}

/// A oneshot sent to before its receiver is first polled: ready at once, no wake.
pub async fn oneshot_sent_before_poll() {
    let (tx, rx) = oneshot::channel::<u32>();
    let a = spawn(async move { rx.await.unwrap() });
    tx.send(3).unwrap();
    assert_eq!(a.await.unwrap(), 3);
}

/// The receiver is dropped while two senders wait for a slot: both are woken, oldest first, to
/// get their values back.
pub async fn channel_close_wakes_senders() {
    let (tx, rx) = mpsc::channel::<u32>(1);
    tx.send(0).await.unwrap();
    let t1 = tx.clone();
    let a = spawn(async move { t1.send(1).await.is_err() });
    let t2 = tx.clone();
    let b = spawn(async move { t2.send(2).await.is_err() });
    sleep(ms(1)).await;
    drop(rx);
    assert!(a.await.unwrap());
    assert!(b.await.unwrap());
}

/// A timeout whose inner future spends the whole coop budget: the deadline is still looked at,
/// with an unconstrained budget, and wins.
pub async fn timeout_budget_spent() {
    let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
    for i in 0..200 {
        tx.send(i).unwrap();
    }
    drop(tx);
    let a = spawn(async move {
        let drain = async move {
            let mut n = 0u32;
            while rx.recv().await.is_some() {
                n += 1;
            }
            n
        };
        timeout(ms(0), drain).await.is_err()
    });
    // Without a budget (Wakeline's `local`) the drain ends first: the result is not checked.
    let _timed_out = a.await.unwrap();
}

/// A pending sleep reset to a later deadline stays filed at its old tick and goes back in at the
/// new one only when the old one comes: behind a timer filed for the new tick meanwhile.
pub async fn sleep_reset_while_pending() {
    let start = Instant::now();
    let a = spawn(async move {
        let s = sleep(ms(10));
        tokio::pin!(s);
        tokio::select! {
            biased;
            _ = &mut s => panic!("not yet"),
            _ = sleep(ms(1)) => {}
        }
        s.as_mut().reset(start + ms(20));
        (&mut s).await;
    });
    let b = spawn(async move {
        sleep(ms(2)).await;
        sleep_until(start + ms(20)).await;
    });
    a.await.unwrap();
    b.await.unwrap();
}

/// A sleep reset before its first poll is filed in the reset's call, not at that poll: it fires
/// ahead of a timer for the same tick that another task filed before the sleep's first poll.
pub async fn sleep_reset_before_poll() {
    let start = Instant::now();
    let a = spawn(async move {
        let s = sleep(ms(100));
        tokio::pin!(s);
        s.as_mut().reset(start + ms(10));
        sleep(ms(1)).await;
        (&mut s).await;
    });
    let b = spawn(async move {
        sleep_until(start + ms(10)).await;
    });
    a.await.unwrap();
    b.await.unwrap();
}

/// Interval::reset before the first tick files the interval's timer in the reset's call: it
/// fires ahead of a timer for the same tick filed before the first tick() is polled.
pub async fn interval_reset_before_tick() {
    let start = Instant::now();
    let a = spawn(async move {
        let mut every = interval(ms(10));
        every.reset();
        tokio::task::yield_now().await;
        every.tick().await;
    });
    let b = spawn(async move {
        sleep_until(start + ms(10)).await;
    });
    a.await.unwrap();
    b.await.unwrap();
}
