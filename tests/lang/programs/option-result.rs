// Option and Result: Some/None/Ok/Err, unwrap, expect, is_some, is_none, take, match and if let
// on them, and `?` in async fns returning Result, which returns the error early across awaits.
use std::time::Duration;
use tokio::time::sleep;

fn half(n: u32) -> Option<u32> {
    if n % 2 == 0 {
        Some(n / 2)
    } else {
        None
    }
}

async fn positive(n: i64) -> Result<i64, String> {
    sleep(Duration::from_millis(1)).await;
    if n > 0 {
        Ok(n)
    } else {
        Err(format!("{n} is not positive"))
    }
}

async fn sum_positive(a: i64, b: i64) -> Result<i64, String> {
    let x = positive(a).await?;
    let y = positive(b).await?;
    println!("both positive");
    Ok(x + y)
}

#[tokio::main]
async fn main() {
    println!("{:?} {:?}", half(10), half(7));
    println!("{} {}", half(4).is_some(), half(3).is_none());
    let mut slot = Some(5);
    let taken = slot.take();
    println!("{:?} {:?} {}", taken, slot, slot.is_none());
    println!("{}", half(8).unwrap() + half(2).expect("2 is even"));
    for (a, b) in vec![(2, 3), (-2, 3), (2, -3)] {
        match sum_positive(a, b).await {
            Ok(v) => println!("sum {v}"),
            Err(e) => println!("error: {e}"),
        }
    }
    if let Some(h) = half(6) {
        println!("half of 6 is {h}");
    }
    let r: Result<u32, String> = Err("nope".to_string());
    println!("{:?}", r);
    if let Err(e) = r {
        println!("the error says {}", e);
    }
    let inner: Result<u32, String> = Ok(3);
    let nested = Some(inner);
    match nested {
        Some(Ok(v)) if v > 2 => println!("big {v}"),
        Some(Ok(v)) => println!("small {v}"),
        Some(Err(e)) => println!("{e}"),
        None => println!("nothing"),
    }
}
