// The embassy strategy's rules (core/scheduler/embassy.hpp), each on the smallest program that
// shows it: batches in reverse order of enqueue, wakes during a batch wait for the next one, the
// pender, the sleep between batches, and static pools that can be full.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "support/event_lines.hpp"
#include "support/trace_queries.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;
using namespace std::chrono_literals;

runtime_options embassy(std::uint64_t pool_size = 16) {
  strategy_config config(strategy_kind::embassy);
  config.pool_size = pool_size;
  return runtime_options{.strategy = config};
}

/// The trace as describe() lines, with the counts batch_begin and spawn_failed carry.
std::vector<std::string> lines(const runtime& rt) {
  std::vector<std::string> out;
  for (const trace_event& e : rt.trace().events()) {
    std::string line = describe(e);
    if (e.kind == event_kind::batch_begin) line += " of " + std::to_string(e.arg);
    if (e.kind == event_kind::spawn_failed) {
      line += " by task" + std::to_string(e.ref) + " pool " + std::to_string(e.arg) + " '" +
              std::string(rt.trace().text(e.text)) + "'";
    }
    out.push_back(line);
  }
  return out;
}

/// The scheduler's side of a run: batches, pends, polls, parks.
std::vector<std::string> schedule_of(const runtime& rt) {
  return lines_with(lines(rt), {"batch_", "pend task", "poll_begin", "park"});
}

async<void> yield_once() { co_await yield_now(); }

TEST(Embassy, ABatchRunsInTheReverseOrderOfEnqueue) {
  runtime rt(embassy());
  rt.block_on([]() -> async<void> {
    auto a = spawn(ready(1), "a");
    auto b = spawn(ready(2), "b");
    auto c = spawn(ready(3), "c");
    co_await a;
    co_await b;
    co_await c;
  }());
  EXPECT_EQ(schedule_of(rt), (std::vector<std::string>{
                                 "0ms pend task1",  // main's spawn finds the queue empty
                                 "0ms batch_begin of 1",
                                 "0ms poll_begin task1",  // spawns a, b, c
                                 "0ms pend task2",        // a: the queue was taken, empty again
                                 "0ms batch_end",
                                 "0ms batch_begin of 3",
                                 "0ms poll_begin task4",  // c, enqueued last, runs first
                                 "0ms poll_begin task3",
                                 "0ms poll_begin task2",  // a's end wakes main
                                 "0ms pend task1",
                                 "0ms batch_end",
                                 "0ms batch_begin of 1",
                                 "0ms poll_begin task1",
                                 "0ms batch_end",
                             }));
  // Every enqueue names the executor's one queue of pool tasks.
  for (const trace_event& e : events_of(rt, event_kind::task_enqueue)) {
    EXPECT_EQ(static_cast<queue_kind>(e.ref), queue_kind::pool);
  }
}

TEST(Embassy, ATaskWokenDuringABatchRunsInTheNextBatch) {
  // x is polled first (spawned last) and waits; y, later in the same batch, sends and so wakes
  // x, which is not polled again in this batch but in the next.
  runtime rt(embassy());
  rt.block_on([]() -> async<void> {
    auto [tx, rx] = oneshot::channel<int>();
    auto y = spawn(
        [](oneshot::sender<int> out) -> async<void> {
          (void)out.send(7);
          co_return;
        }(std::move(tx)),
        "y");
    auto x =
        spawn([](oneshot::receiver<int> in) -> async<int> { co_return (co_await in).value_or(0); }(
                                                std::move(rx)),
              "x");
    EXPECT_EQ(co_await x, 7);
    co_await y;
  }());
  EXPECT_EQ(lines_with(lines(rt), {"batch_", "poll_begin", "poll_end", "task_enqueue task3 wake",
                                   "pend task3"}),
            (std::vector<std::string>{
                "0ms batch_begin of 1",
                "0ms poll_begin task1",
                "0ms poll_end task1 pending",
                "0ms batch_end",
                "0ms batch_begin of 2",
                "0ms poll_begin task3",
                "0ms poll_end task3 pending",
                "0ms poll_begin task2",
                "0ms task_enqueue task3 wake to pool",  // y's send, during the batch
                "0ms pend task3",                       // the run queue was empty: pend
                "0ms poll_end task2 ready",
                "0ms batch_end",
                "0ms batch_begin of 1",  // x alone: main waits for x
                "0ms poll_begin task3",
                "0ms poll_end task3 ready",
                "0ms batch_end",
                "0ms batch_begin of 1",
                "0ms poll_begin task1",
                "0ms poll_end task1 ready",
                "0ms batch_end",
            }));
}

TEST(Embassy, ATaskThatYieldsRunsAgainOnlyInTheNextBatch) {
  runtime rt(embassy());
  rt.block_on([]() -> async<void> {
    auto a = spawn(yield_once(), "a");
    auto b = spawn(ready(2), "b");
    co_await a;
    co_await b;
  }());
  EXPECT_EQ(lines_with(lines(rt), {"batch_begin", "poll_end"}),
            (std::vector<std::string>{
                "0ms batch_begin of 1",
                "0ms poll_end task1 pending",
                "0ms batch_begin of 2",
                "0ms poll_end task3 ready",
                "0ms poll_end task2 pending",
                "0ms batch_begin of 1",
                "0ms poll_end task2 ready",  // a, after its yield
                "0ms batch_begin of 1",
                "0ms poll_end task1 ready",
            }));
}

TEST(Embassy, ATimerWakeGoesThroughThePenderAfterTheExecutorSlept) {
  runtime rt(embassy());
  rt.block_on([]() -> async<void> { co_await sleep(5ms); }());
  EXPECT_EQ(lines_with(lines(rt),
                       {"batch_", "pend task", "park", "timer_fire", "task_enqueue", "poll_begin"}),
            (std::vector<std::string>{
                "0ms task_enqueue task1 spawn to pool",
                "0ms pend task1",
                "0ms batch_begin of 1",
                "0ms poll_begin task1",
                "0ms batch_end",
                "0ms park",  // WFE: nothing queued, the alarm is set for 5 ms
                "5ms unpark",
                "5ms timer_fire task1 timer1",
                "5ms task_enqueue task1 wake to pool",
                "5ms pend task1",  // the alarm's interrupt pends the executor
                "5ms batch_begin of 1",
                "5ms poll_begin task1",
                "5ms batch_end",
            }));
  const trace_event pend = events_of(rt, event_kind::pend).back();
  // The pend is caused by the enqueue it follows, which the timer's wake caused.
  const trace_event& enqueue = rt.trace().events()[pend.cause - 1];
  EXPECT_EQ(enqueue.kind, event_kind::task_enqueue);
  EXPECT_EQ(rt.trace().events()[enqueue.cause - 1].kind, event_kind::waker_wake);
}

TEST(Embassy, TheExecutorSleepsBetweenBatchesUntilTheNextInterrupt) {
  runtime rt(embassy());
  rt.block_on([]() -> async<void> {
    auto a = spawn(sleep(10ms), "a");
    auto b = spawn(sleep(20ms), "b");
    co_await a;
    co_await b;
  }());
  EXPECT_EQ(lines_with(lines(rt), {"batch_", "park"}),
            (std::vector<std::string>{
                "0ms batch_begin of 1",
                "0ms batch_end",  // main spawns a and b
                "0ms batch_begin of 2",
                "0ms batch_end",  // both arm their timers
                "0ms park",
                "10ms unpark",  // sleep until a's alarm
                "10ms batch_begin of 1",
                "10ms batch_end",  // a ends, waking main
                "10ms batch_begin of 1",
                "10ms batch_end",  // main waits for b
                "10ms park",
                "20ms unpark",
                "20ms batch_begin of 1",
                "20ms batch_end",
                "20ms batch_begin of 1",
                "20ms batch_end",
            }));
  for (const trace_event& e : events_of(rt, event_kind::park)) EXPECT_EQ(e.worker, 0u);
}

TEST(Embassy, TimersFoundExpiredBetweenBatchesAreQueuedWithoutThePender) {
  // A busy poll moves time past the timer's deadline: the executor finds it expired when it
  // looks at its timer queue before the next batch, with no sleep and no pend.
  runtime rt(embassy());
  rt.block_on([]() -> async<void> {
    auto s = spawn(sleep(1ms), "sleeper");
    auto w = spawn(
        []() -> async<void> {
          busy(2ms);
          co_return;
        }(),
        "worker");
    co_await s;
    co_await w;
  }());
  EXPECT_EQ(
      lines_with(lines(rt), {"park", "timer_fire", "task_enqueue task2 wake", "2ms pend task2"}),
      (std::vector<std::string>{"2ms timer_fire task2 timer1",
                                "2ms task_enqueue task2 wake to pool"}));
}

TEST(Embassy, ASpawnIntoAFullPoolFailsWithSpawnErrorBusy) {
  runtime rt(embassy(2));
  std::string error;
  bool finished = false;
  std::uint32_t id = 99;
  rt.block_on([](std::string& error_out, bool& finished_out, std::uint32_t& id_out) -> async<void> {
    std::vector<join_handle<void>> handles;
    for (int i = 0; i < 3; ++i) handles.push_back(spawn(sleep(1ms), "blink"));
    finished_out = handles[2].is_finished();
    id_out = handles[2].id();
    try {
      co_await handles[2];
    } catch (const spawn_error& e) {
      error_out = e.what();
    }
    co_await handles[0];
    co_await handles[1];
  }(error, finished, id));
  EXPECT_EQ(error, "spawn failed: pool of 2 is full (SpawnError::Busy)");
  EXPECT_TRUE(finished);
  EXPECT_EQ(id, 0u);  // The task was never created.
  const trace_event& failed = only(rt, event_kind::spawn_failed);
  EXPECT_EQ(failed.ref, 1u);
  EXPECT_EQ(failed.arg, 2u);
  EXPECT_EQ(std::string(rt.trace().text(failed.text)), "blink");
  EXPECT_EQ(failed.file, events_of(rt, event_kind::task_spawn).back().file);
  EXPECT_EQ(failed.line, events_of(rt, event_kind::task_spawn).back().line);
  EXPECT_EQ(lines_with(lines(rt), {"task_spawn", "spawn_failed"}),
            (std::vector<std::string>{"0ms task_spawn task1", "0ms task_spawn task2",
                                      "0ms task_spawn task3",
                                      "0ms spawn_failed by task1 pool 2 'blink'"}));
  EXPECT_EQ(count_kind(rt, event_kind::task_end), 3u);  // main and the two that exist
}

TEST(Embassy, APoolSlotIsFreeAgainWhenItsTaskEnds) {
  runtime rt(embassy(1));
  std::vector<std::string> outcomes;
  rt.block_on([](std::vector<std::string>& out) -> async<void> {
    for (int round = 0; round < 3; ++round) {
      auto first = spawn(sleep(1ms), "led");      // one spawn site: a pool of one slot
      auto second = spawn(sleep(1ms), "button");  // another site: its own pool
      co_await first;
      co_await second;
      out.push_back("round " + std::to_string(round) + " ok");
    }
  }(outcomes));
  EXPECT_EQ(outcomes, (std::vector<std::string>{"round 0 ok", "round 1 ok", "round 2 ok"}));
  EXPECT_EQ(count_kind(rt, event_kind::spawn_failed), 0u);
  EXPECT_EQ(count_kind(rt, event_kind::task_spawn), 1u + 6u);
}

TEST(Embassy, ASpawnFromALoopIsRefusedWhileTheSlotIsTaken) {
  runtime rt(embassy(1));
  std::vector<bool> refused;
  rt.block_on([](std::vector<bool>& out) -> async<void> {
    std::vector<join_handle<void>> handles;
    for (int i = 0; i < 3; ++i) handles.push_back(spawn(sleep(5ms), "led"));
    for (auto& h : handles) {
      try {
        co_await h;
        out.push_back(false);
      } catch (const spawn_error&) {
        out.push_back(true);
      }
    }
    // The first has ended: its slot takes a new task.
    auto again = [] { return spawn(sleep(1ms), "led"); };
    co_await again();
    co_await again();
  }(refused));
  EXPECT_EQ(refused, (std::vector<bool>{false, true, true}));
  EXPECT_EQ(count_kind(rt, event_kind::spawn_failed), 2u);
}

TEST(Embassy, TheRootTakesNoSlot) {
  runtime rt(embassy(1));
  rt.block_on([]() -> async<void> { co_await spawn(ready(1), "only"); }());
  EXPECT_EQ(count_kind(rt, event_kind::spawn_failed), 0u);
}

TEST(Embassy, OtherStrategiesNeverRefuseASpawn) {
  runtime rt;
  rt.block_on([]() -> async<void> {
    std::vector<join_handle<void>> handles;
    for (int i = 0; i < 40; ++i) handles.push_back(spawn(sleep(1ms), "many"));
    for (auto& h : handles) co_await h;
  }());
  EXPECT_EQ(count_kind(rt, event_kind::spawn_failed), 0u);
  EXPECT_EQ(count_kind(rt, event_kind::task_spawn), 41u);
}

TEST(Embassy, ADeadlockIsStillFound) {
  runtime rt(embassy());
  EXPECT_THROW(rt.block_on(pending<int>()), run_error);
  EXPECT_EQ(rt.outcome(), run_outcome::deadlock);
}

TEST(Embassy, CancelledTasksInAnUnfinishedBatchAreReleased) {
  // main ends while the batch still holds tasks: they are cancelled, nothing leaks (ASan).
  runtime rt(embassy());
  rt.block_on([]() -> async<void> {
    for (int i = 0; i < 3; ++i) (void)spawn(yield_once(), "left behind");
    co_return;
  }());
  EXPECT_EQ(count_kind(rt, event_kind::task_end), 4u);
}

TEST(Embassy, SlicesDoNotChangeTheTrace) {
  const source_location at = source_location::current();
  auto program = []() -> async<void> {
    std::vector<join_handle<void>> handles;
    for (int i = 0; i < 30; ++i) {
      handles.push_back(spawn([](int n) -> async<void> {
        co_await sleep(std::chrono::milliseconds(n % 7));
        co_await yield_now();
      }(i)));
    }
    for (auto& h : handles) {
      try {
        co_await h;
      } catch (const spawn_error&) {
      }
    }
  };
  runtime whole(embassy(20));
  whole.block_on(program(), "main", at);
  runtime sliced(embassy(20));
  sliced.start(program(), "main", at);
  while (!sliced.resume(3)) {
  }
  EXPECT_EQ(count_kind(whole, event_kind::spawn_failed), 10u);
  ASSERT_EQ(sliced.trace().event_count(), whole.trace().event_count());
  EXPECT_EQ(lines(sliced), lines(whole));
}

}  // namespace
