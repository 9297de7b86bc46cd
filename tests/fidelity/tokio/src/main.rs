//! Prints every task poll of each fidelity scenario run on Tokio's current_thread runtime,
//! one NDJSON line per poll: {"scenario":..,"t":ns,"task":n,"result":"pending"|"ready"}.
//! With scenario names as arguments, runs only those.

mod primitives;
mod scenarios;
mod trace;

fn main() {
    let only: Vec<String> = std::env::args().skip(1).collect();
    let wanted = |name: &str| only.is_empty() || only.iter().any(|o| o == name);
    macro_rules! scenario {
        ($name:ident) => {
            if wanted(stringify!($name)) {
                trace::run(stringify!($name), scenarios::$name);
            }
        };
    }
    macro_rules! primitive {
        ($name:ident) => {
            if wanted(stringify!($name)) {
                trace::run(stringify!($name), primitives::$name);
            }
        };
    }
    scenario!(yields);
    scenario!(timers_equal);
    scenario!(timers_unequal);
    scenario!(channel_backpressure);
    scenario!(timeout_race);
    scenario!(join_children);
    scenario!(mutex_contention);
    scenario!(select);
    scenario!(nested_spawn);
    scenario!(woken_while_running);
    scenario!(root_woken_behind_queue);
    scenario!(wake_chain);
    scenario!(many_ready_tasks);
    scenario!(coop_budget);
    primitive!(join_rotates);
    primitive!(join_three_same_instant);
    primitive!(join_branch_done_early);
    primitive!(select_recv_loser_waker);
    primitive!(recv_dropped_then_send);
    primitive!(recv_loser_unbounded);
    primitive!(semaphore_release_many);
    primitive!(semaphore_release_partial);
    primitive!(semaphore_release_batches);
    primitive!(semaphore_acquire_dropped);
    primitive!(notify_waiters_order);
    primitive!(notify_one_fifo);
    primitive!(notify_permit_stored);
    primitive!(notify_permit_before_waiters);
    primitive!(notify_dropped_passes_on);
    primitive!(sleep_past_deadline);
    primitive!(sleep_reset_past);
    primitive!(sleep_reset_later);
    primitive!(interval_burst);
    primitive!(interval_delay);
    primitive!(interval_skip);
    primitive!(interval_reset);
    primitive!(timeout_zero);
    primitive!(mutex_abort_holder);
    primitive!(mutex_lock_dropped);
    primitive!(abort_sleeping_task);
    primitive!(abort_before_first_poll);
    primitive!(oneshot_sender_dropped);
    primitive!(oneshot_sent_before_poll);
    primitive!(channel_close_wakes_senders);
    primitive!(timeout_budget_spent);
    primitive!(sleep_reset_while_pending);
    primitive!(sleep_reset_before_poll);
    primitive!(interval_reset_before_tick);
}
