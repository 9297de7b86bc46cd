// state-machine: an async fn next to the state machine a compiler makes of it. The same
// function runs twice, once as an `async fn` and once as a hand-written future whose `poll`
// resumes from an explicit state, each as its own task: the two halves of the trace show the
// same polls, timers and wakes, in the same order. Set TOGETHER to run both at once.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::{sleep, Sleep};

const CONNECT_MS: u64 = 5;
const TICK_MS: u64 = 10;
const TICKS: u32 = 3;
const TOGETHER: bool = false;

// The async fn: connect, then count a few ticks. Each `.await` is a point where the function
// may return pending and later be resumed exactly there.
async fn connect_and_count(connect: Duration, tick: Duration, ticks: u32) -> u32 {
    sleep(connect).await;
    let mut count = 0;
    while count < ticks {
        sleep(tick).await;
        count += 1;
    }
    count
}

// The same function written by hand, as the compiler writes it: every await point is a state,
// the locals that live across an await are fields, and `poll` goes on from the state it left.
// The states: 0 not polled yet, 1 waiting on the connect sleep, 2 between ticks (tick again or
// return), 3 waiting on a tick sleep, 4 returned (must not be polled again). The sleep it
// awaits lives in the struct, boxed, so it keeps its place in memory between polls.
struct ConnectAndCount {
    connect: Duration,
    tick: Duration,
    ticks: u32,
    count: u32,
    state: u32,
    sleep: Option<Pin<Box<Sleep>>>,
}

impl ConnectAndCount {
    fn new(connect: Duration, tick: Duration, ticks: u32) -> ConnectAndCount {
        ConnectAndCount {
            connect,
            tick,
            ticks,
            count: 0,
            state: 0,
            sleep: None,
        }
    }
}

impl Future for ConnectAndCount {
    type Output = u32;

    // Runs until the next await that is pending, or to the end.
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        loop {
            match self.state {
                0 => {
                    self.sleep = Some(Box::pin(sleep(self.connect)));
                    self.state = 1;
                }
                1 => {
                    if self.sleep.as_mut().unwrap().as_mut().poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    self.sleep = None;
                    self.state = 2;
                }
                2 => {
                    if self.count == self.ticks {
                        self.state = 4;
                        return Poll::Ready(self.count);
                    }
                    self.sleep = Some(Box::pin(sleep(self.tick)));
                    self.state = 3;
                }
                3 => {
                    if self.sleep.as_mut().unwrap().as_mut().poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    self.sleep = None;
                    self.count += 1;
                    self.state = 2;
                }
                _ => panic!("ConnectAndCount polled after it completed"),
            }
        }
    }
}

#[tokio::main]
async fn main() {
    let connect = Duration::from_millis(CONNECT_MS);
    let tick = Duration::from_millis(TICK_MS);
    let (by_async_fn, by_hand) = if TOGETHER {
        let a = tokio::spawn(connect_and_count(connect, tick, TICKS));
        let b = tokio::spawn(ConnectAndCount::new(connect, tick, TICKS));
        (a.await.unwrap(), b.await.unwrap())
    } else {
        // One after the other, so each half of the trace shows one version on its own.
        let a = tokio::spawn(connect_and_count(connect, tick, TICKS))
            .await
            .unwrap();
        let b = tokio::spawn(ConnectAndCount::new(connect, tick, TICKS))
            .await
            .unwrap();
        (a, b)
    };
    if by_async_fn != by_hand {
        panic!("the two versions disagree");
    }
    println!("both counted {by_hand} ticks");
}
