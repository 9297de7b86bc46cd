// Integers: i32, i64, u32, u64 and usize, literals with `_`, suffixes and bases, `as` between
// the types (sign changes and truncation), arithmetic, comparisons, compound assignment, bools.
use std::time::Duration;
use tokio::time::sleep;

fn mix(a: i32, b: i64, c: u32) -> u64 {
    let sum = a as i64 + b + c as i64;
    sum as u64 * 3
}

#[tokio::main]
async fn main() {
    let small: i32 = -1_000;
    let big = 3_000_000_000i64;
    let count = 7u32;
    let index: usize = 2;
    let mut total: u64 = mix(small, big, count);
    println!("mix: {total}");
    total -= 1;
    total /= 2;
    total %= 1_000_007;
    total *= 3;
    total += 0xff + 0o17 + 0b1010;
    println!("after compound assignment: {total}");
    println!(
        "division truncates: {} {} {} {}",
        17 / 5,
        17 % 5,
        -17 / 5,
        -17 % 5
    );
    sleep(Duration::from_millis(1)).await;
    let negative = -7i32;
    println!("casts: {} {}", negative as u32, negative as i64);
    println!(
        "truncation: {} {}",
        5_000_000_000u64 as u32, 300u32 as usize
    );
    println!("usize: {}", (index * 10) as i32 - 25);
    let flags = (count > 5 && small < 0, count == 7 || big < 0, !(index != 2));
    println!("bools: {:?}", flags);
    let mut steps = 0u64;
    let mut n: u64 = 27;
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    }
    println!("27 reaches 1 in {steps} steps");
}
