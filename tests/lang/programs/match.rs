// Branching: match on integers with literals, `|`, ranges, bindings with guards and `_`, match
// on tuples, if/else if/else chains and blocks used as values, decided between awaits.
use tokio::task::yield_now;

fn classify(n: i32) -> &'static str {
    match n {
        0 => "zero",
        1 | 2 | 3 => "small",
        4..=9 => "digit",
        x if x < 0 => "negative",
        _ => "large",
    }
}

fn kind(x: i32, y: i32) -> &'static str {
    match (x % 2, y % 2) {
        (0, 0) => "both even",
        (0, _) | (_, 0) => "one even",
        _ => "both odd",
    }
}

#[tokio::main]
async fn main() {
    for n in vec![-5, 0, 2, 7, 12] {
        println!("{n}: {}", classify(n));
        yield_now().await;
    }
    println!("{} / {} / {}", kind(2, 4), kind(2, 5), kind(3, 5));
    let sum = 52;
    let parity = if sum % 2 == 0 {
        "even"
    } else if sum % 3 == 0 {
        "odd, of 3"
    } else {
        "odd"
    };
    let area = {
        let w = 3;
        let h = 4;
        w * h
    };
    println!("{sum} is {parity}; area {area}");
}
