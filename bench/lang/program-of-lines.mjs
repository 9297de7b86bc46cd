// A program of the language of at least `lines` lines, for timing the checker and the compiler:
// workers that loop, sleep, match and send over a channel, a struct with methods and a
// hand-written future, repeated with fresh names until the text is long enough.
export function programOfLines(lines) {
  const head = `use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;
`;
  const unit = (k) => `
struct Counter${k} {
    count: u64,
    limit: u64,
}

impl Counter${k} {
    fn bump(&mut self, by: u64) -> bool {
        self.count += by;
        self.count >= self.limit
    }
}

impl Future for Counter${k} {
    type Output = u64;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        if self.bump(1) {
            return Poll::Ready(self.count);
        }
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

async fn worker${k}(id: u64, tx: mpsc::Sender<u64>) -> u64 {
    let mut total = 0;
    for step in 0..3 {
        sleep(Duration::from_millis(id + step)).await;
        let label = match step % 3 {
            0 => "first",
            1 => "second",
            _ => "later",
        };
        if label.len() > 5 && tx.send(id * 10 + step).await.is_err() {
            break;
        }
        total += Counter${k} { count: 0, limit: 2 }.await;
    }
    total
}
`;
  let body = head;
  let k = 0;
  const mainFor = (n) => {
    let m = `
#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(8);
`;
    for (let i = 0; i < n; i++)
      m += `    let h${i} = tokio::spawn(worker${i}(${i + 1}, tx.clone()));\n`;
    m += `    drop(tx);
    while let Some(v) = rx.recv().await {
        println!("got {v}");
    }
`;
    for (let i = 0; i < n; i++) m += `    println!("{}", h${i}.await.unwrap());\n`;
    return m + '}\n';
  };
  while ((body + mainFor(k)).split('\n').length - 1 < lines) {
    body += unit(k);
    k++;
  }
  return body + mainFor(k);
}
