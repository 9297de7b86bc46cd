// Loops: for over a..b, a..=b and a Vec's iter(), while with an await in it, loop with
// `continue` and `break value`, and an early `return` from inside a while.
use std::time::Duration;
use tokio::time::sleep;

fn first_square_above(limit: u64) -> u64 {
    let mut i = 0;
    loop {
        i += 1;
        if i * i <= limit {
            continue;
        }
        break i * i;
    }
}

fn position(values: &Vec<i32>, wanted: i32) -> i32 {
    let mut i = 0;
    while i < values.len() {
        if values[i] == wanted {
            return i as i32;
        }
        i += 1;
    }
    -1
}

#[tokio::main]
async fn main() {
    let mut sum = 0;
    for i in 1..=10 {
        sum += i;
    }
    for i in 0..3 {
        sum -= i;
    }
    let values = vec![4, 8, 15];
    for v in values.iter() {
        sum += *v;
    }
    println!("{sum} {}", first_square_above(50));
    println!("{} {}", position(&values, 15), position(&values, 7));
    let mut left = 3;
    while left > 0 {
        sleep(Duration::from_millis(2)).await;
        left -= 1;
    }
    let found = loop {
        sleep(Duration::from_millis(1)).await;
        left += 1;
        if left == 2 {
            break left * 100;
        }
    };
    println!("{found}");
}
