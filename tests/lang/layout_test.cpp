// The size of an `async fn`'s future as rustc lays it out. Every expected number here was
// measured with `std::mem::size_of_val` on the same function compiled by rustc 1.63 against
// Tokio 1.24 (the versions of the Tokio check, tests/fidelity/); compare-programs.mjs checks
// every program's `main` the same way against a fresh rustc build.
#include "lang/layout.hpp"

#include <gtest/gtest.h>

#include <string>

#include "lang/program.hpp"
#include "lang/typing.hpp"
#include "support/run_program.hpp"

namespace {

using namespace wakeline::lang;
using namespace wakeline::lang::testing;

// The size of the future of each named async fn, in bytes; -1 when inexact.
std::int64_t size_of(const std::string& items, const std::string& name) {
  const std::string text =
      "use std::time::Duration;\nuse tokio::time::sleep;\n"
      "use tokio::task::{yield_now, JoinHandle};\n" +
      items + "#[tokio::main]\nasync fn main() {}\n";
  auto program = compile_or_fail(text);
  if (program == nullptr) return -2;
  layouts sizes(program->code);
  for (std::uint32_t i = 0; i < program->code.functions.size(); ++i) {
    if (program->code.functions[i].name != name) continue;
    const layout whole = sizes.machine(i).whole;
    return whole.exact ? static_cast<std::int64_t>(whole.size) : -1;
  }
  ADD_FAILURE() << "no async fn " << name;
  return -2;
}

TEST(Layout, TokiosSleepIsSixHundredFortyBytesAlignedTo128) {
  EXPECT_EQ(size_of("async fn step(number: i32, delay: Duration) -> i32 {\n"
                    "    sleep(delay).await;\n    number * 10\n}\n",
                    "step"),
            768);
  EXPECT_EQ(size_of("async fn step(number: i32, delay: Duration) -> i32 {\n"
                    "    sleep(delay).await;\n    number * 10\n}\n"
                    "async fn outer() -> i32 {\n    step(1, Duration::from_millis(1)).await\n}\n",
                    "outer"),
            896);
}

// With one `.await`, every stored value joins the prefix; an async fn's argument is stored
// twice when the body needs it after the await (once as captured, once as its local).
TEST(Layout, OneAwaitPutsEverythingInThePrefix) {
  EXPECT_EQ(size_of("async fn h(x: u64) -> u64 {\n    yield_now().await;\n    x\n}\n", "h"), 24);
  EXPECT_EQ(
      size_of("async fn h2(x: u64, z: u64) -> u64 {\n    yield_now().await;\n    x + z\n}\n", "h2"),
      40);
  EXPECT_EQ(
      size_of("async fn i() -> u64 {\n    let x = 5u64;\n    yield_now().await;\n    x\n}\n", "i"),
      16);
}

// Locals in different states overlap unless their storage does; then the one with more
// conflicts moves to the prefix.
TEST(Layout, LocalsWhoseStorageOverlapsDoNotShareBytes) {
  EXPECT_EQ(
      size_of("async fn k() -> u64 {\n    let a = 1u64;\n    let b = 2u64;\n"
              "    yield_now().await;\n    let c = a + b;\n    yield_now().await;\n    c\n}\n",
              "k"),
      40);
  EXPECT_EQ(size_of("async fn h3(x: u64, z: u64) -> u64 {\n    yield_now().await;\n"
                    "    let a = x;\n    yield_now().await;\n    a + z\n}\n",
                    "h3"),
            56);
}

// A `for` loop keeps its iterator, and the `Option` its `next()` gave when the item moved out
// of it; a borrowed local keeps its room until its scope ends, moved or not.
TEST(Layout, LoopsAndBorrowsKeepWhatRustcKeeps) {
  EXPECT_EQ(
      size_of("async fn f2() -> u64 {\n    let v: Vec<u64> = vec![];\n    let mut t = 0;\n"
              "    for x in v {\n        yield_now().await;\n        t += x;\n    }\n    t\n}\n",
              "f2"),
      56);
  EXPECT_EQ(size_of("async fn a1(hs: Vec<JoinHandle<u64>>) -> u64 {\n    let mut t = 0;\n"
                    "    for h in hs {\n        t += h.await.unwrap();\n    }\n    t\n}\n",
                    "a1"),
            88);
}

// An await inside `println!`'s arguments: `format_args!` holds the format's pieces.
TEST(Layout, AnAwaitInsideAFormatKeepsItsPieces) {
  EXPECT_EQ(size_of("async fn p4(a: JoinHandle<u64>) {\n"
                    "    println!(\"total {}\", a.await.unwrap());\n}\n",
                    "p4"),
            40);
  EXPECT_EQ(size_of("async fn p5(a: JoinHandle<u64>) {\n    let x = a.await.unwrap();\n"
                    "    println!(\"total {}\", x);\n}\n",
                    "p5"),
            24);
}

TEST(Layout, ATypeNothingTellsMakesTheSizeALowerBound) {
  EXPECT_EQ(size_of("async fn u() {\n    let (tx, mut rx) = tokio::sync::mpsc::channel(1);\n"
                    "    drop(tx);\n    let v = rx.recv().await;\n    yield_now().await;\n"
                    "    drop(v);\n}\n",
                    "u"),
            -1);
}

// `tokio::pin!(s)` moves the sleep into a local that the pin borrows: rustc keeps all 640 bytes
// in every state to the end of the scope, and the pin (8 bytes) while it is used. `Box::pin`
// keeps a pointer. `MissedTickBehavior` is one byte.
TEST(Layout, APinnedSleepIsKeptWholeABoxedOneIsAPointer) {
  const std::string uses = "use tokio::time::{interval, Instant, MissedTickBehavior};\n";
  EXPECT_EQ(size_of(uses + "async fn pin1() {\n    let s = sleep(Duration::from_millis(1));\n"
                           "    tokio::pin!(s);\n    (&mut s).await;\n    yield_now().await;\n}\n",
                    "pin1"),
            896);
  EXPECT_EQ(size_of(uses + "async fn pin2() -> bool {\n"
                           "    let s = sleep(Duration::from_millis(1));\n    tokio::pin!(s);\n"
                           "    (&mut s).await;\n    s.as_mut().reset(Instant::now());\n"
                           "    yield_now().await;\n    s.is_elapsed()\n}\n",
                    "pin2"),
            896);
  EXPECT_EQ(size_of(uses + "async fn pin3() {\n    let s = sleep(Duration::from_millis(1));\n"
                           "    tokio::pin!(s);\n    s.await;\n    yield_now().await;\n}\n",
                    "pin3"),
            896);
  EXPECT_EQ(size_of(uses + "async fn pin4() -> bool {\n    tokio::pin! {\n"
                           "        let s = sleep(Duration::from_millis(1));\n"
                           "        let t = sleep(Duration::from_millis(2));\n    }\n"
                           "    (&mut s).await;\n    yield_now().await;\n    t.await;\n"
                           "    s.is_elapsed()\n}\n",
                    "pin4"),
            1536);
  EXPECT_EQ(size_of(uses + "async fn boxed1() {\n"
                           "    let mut s = Box::pin(sleep(Duration::from_millis(1)));\n"
                           "    (&mut s).await;\n    s.as_mut().reset(Instant::now());\n"
                           "    yield_now().await;\n    s.await;\n}\n",
                    "boxed1"),
            24);
  EXPECT_EQ(
      size_of(uses + "async fn iv1() {\n    let mut i = interval(Duration::from_millis(1));\n"
                     "    i.set_missed_tick_behavior(MissedTickBehavior::Skip);\n"
                     "    let b = i.missed_tick_behavior();\n    i.tick().await;\n"
                     "    yield_now().await;\n    println!(\"{:?} {:?}\", b, i.period());\n}\n",
              "iv1"),
      72);
  EXPECT_EQ(size_of(uses + "async fn iv2(h: JoinHandle<u64>) -> u64 {\n"
                           "    let b = MissedTickBehavior::Delay;\n"
                           "    let d = sleep(Duration::from_millis(1)).deadline();\n"
                           "    let x = h.await.unwrap();\n    yield_now().await;\n"
                           "    if b == MissedTickBehavior::Burst {\n        return 0;\n    }\n"
                           "    x + (Instant::now() - d).as_millis() as u64\n}\n",
                    "iv2"),
            48);
}

// rustc refuses a struct that holds itself (E0072); here its size is unknown, never a loop.
TEST(Layout, AStructThatHoldsItselfHasNoSize) {
  EXPECT_EQ(size_of("struct A {\n    n: u32,\n    a: Option<A>,\n}\n"
                    "async fn f(x: A) -> u32 {\n    yield_now().await;\n    x.n\n}\n",
                    "f"),
            -1);
}

// `tokio::join!` keeps its branches as a tuple of MaybeDone, which the poll_fn it awaits borrows
// (16 bytes: a reference and a u32). MaybeDone fills its future's niche when the output is
// zero-sized (rustc 1.63 fills a niche only when one variant alone holds data), and is tagged
// otherwise; a Sleep has a niche of its own (its deadline's nanoseconds).
TEST(Layout, JoinKeepsItsBranchesAsATupleOfMaybeDone) {
  const std::string branches =
      "async fn unit1() {\n    yield_now().await;\n}\n"
      "async fn unit2() {\n    yield_now().await;\n    yield_now().await;\n}\n"
      "async fn num(x: u64) -> u64 {\n    yield_now().await;\n    x\n}\n"
      "async fn small(y: u32) -> u32 {\n    yield_now().await;\n    y + 1\n}\n";
  EXPECT_EQ(size_of(branches + "async fn j1() {\n    tokio::join!(unit1(), unit2());\n"
                               "    yield_now().await;\n}\n",
                    "j1"),
            24);
  EXPECT_EQ(size_of(branches + "async fn j2() -> u64 {\n"
                               "    let (p, q) = tokio::join!(num(5), small(7));\n"
                               "    yield_now().await;\n    p + q as u64\n}\n",
                    "j2"),
            72);
  EXPECT_EQ(size_of(branches + "async fn j3() {\n    tokio::join!(sleep(Duration::from_millis(2)), "
                               "sleep(Duration::from_millis(1)));\n}\n",
                    "j3"),
            1408);
  EXPECT_EQ(size_of(branches + "async fn j5(k: u64) -> u64 {\n    let before = k * 2;\n"
                               "    let (p, q) = tokio::join!(num(k), num(before));\n"
                               "    yield_now().await;\n    p + q + before\n}\n",
                    "j5"),
            104);
}

// `tokio::select!` keeps every branch's future (a guard only disables one) in a tuple it
// borrows through a reference, with a mask of disabled branches (a u8), beside the 16-byte
// poll_fn it awaits; its output is an enum `Out` with a variant per branch, which a handler
// that awaits keeps (the value its pattern moved out of).
TEST(Layout, SelectKeepsItsFuturesAMaskAndItsOutput) {
  const std::string branches =
      "async fn num(x: u64) -> u64 {\n    yield_now().await;\n    x\n}\n"
      "async fn small(y: u32) -> u32 {\n    sleep(Duration::from_millis(1)).await;\n    y\n}\n";
  EXPECT_EQ(size_of(branches + "async fn sel1() -> u64 {\n    tokio::select! {\n        biased;\n"
                               "        a = num(5) => { yield_now().await; a }\n"
                               "        b = small(7) => { yield_now().await; b as u64 }\n"
                               "    }\n}\n",
                    "sel1"),
            1024);
  EXPECT_EQ(
      size_of(branches + "async fn sel2(skip: bool) -> u32 {\n    let mut n = 0u32;\n"
                         "    tokio::select! {\n"
                         "        _ = sleep(Duration::from_millis(3)), if !skip => { n += 1; }\n"
                         "        _ = yield_now() => { yield_now().await; n += 2; }\n"
                         "        else => { n += 4; }\n    }\n    n\n}\n",
              "sel2"),
      896);
  EXPECT_EQ(size_of(branches + "async fn sel3() -> u64 {\n    tokio::select! {\n        biased;\n"
                               "        a = num(1) => a,\n        b = num(2) => b,\n    }\n}\n",
                    "sel3"),
            80);
}

// A channel's message type comes from a turbofish, or from a function an end of it is passed to
// (a clone too), for both ends; a select! handler's bindings are not kept across its await. And
// `let v = rx.recv().await;` gives v storage while the await runs (rustc's StorageLive comes
// before the initialiser), so v's room cannot share the awaited future's: 64 bytes, not 56.
TEST(Layout, AChannelLearnsItsMessageTypeFromWhereItsEndGoes) {
  const std::string feed =
      "async fn feed(tx: tokio::sync::mpsc::Sender<u32>) {\n    tx.send(1).await.unwrap();\n}\n";
  EXPECT_EQ(size_of(feed + "async fn chan1() -> u32 {\n"
                           "    let (tx, mut rx) = tokio::sync::mpsc::channel(1);\n"
                           "    tokio::spawn(feed(tx.clone()));\n    let v = rx.recv().await;\n"
                           "    yield_now().await;\n    v.unwrap_or(0)\n}\n",
                    "chan1"),
            64);
  EXPECT_EQ(size_of("async fn sel4(mut rx: tokio::sync::mpsc::Receiver<u64>) -> u64 {\n"
                    "    let mut n = 0;\n    loop {\n        tokio::select! {\n"
                    "            Some(v) = rx.recv() => { println!(\"{v}\"); n += v; }\n"
                    "            else => break,\n        }\n    }\n    n\n}\n",
                    "sel4"),
            88);
}

}  // namespace
