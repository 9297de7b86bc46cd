// Tuples and Vec: tuple values, `.0` fields and patterns (nested, with `_`), Vec::new, vec![..]
// and vec![x; n], push, pop, len, indexing and assignment, `for` over iter() and over the Vec.
use tokio::task::yield_now;

fn min_max(values: &Vec<i64>) -> (i64, i64) {
    let mut lo = values[0];
    let mut hi = values[0];
    for v in values.iter() {
        if *v < lo {
            lo = *v;
        }
        if *v > hi {
            hi = *v;
        }
    }
    (lo, hi)
}

async fn squares(n: i64) -> Vec<i64> {
    let mut out = Vec::new();
    for i in 0..n {
        out.push(i * i - 10);
        yield_now().await;
    }
    out
}

#[tokio::main]
async fn main() {
    let mut values = tokio::spawn(squares(6)).await.unwrap();
    let (lo, hi) = min_max(&values);
    println!("{lo} {hi} of {}", values.len());
    let pair = (lo, "low");
    println!("{} {} {:?}", pair.0, pair.1, pair);
    let ((a, _), c) = ((1, 2), 3);
    println!("{a} {c}");
    let mut grid = vec![0u32; 4];
    grid[2] = 5;
    grid[0] += 1;
    println!("{:?}", grid);
    let last = values.pop();
    println!("{:?} {:?}", last, values);
    while let Some(v) = values.pop() {
        if v < 0 {
            break;
        }
    }
    println!("left: {:?}", values);
    let words = vec!["one", "two", "three"];
    let mut joined = "".to_string();
    for w in words {
        joined = joined + w + " ";
    }
    println!("{joined}");
    let empty: Vec<u32> = Vec::new();
    println!("{} {:?}", empty.len(), empty);
}
