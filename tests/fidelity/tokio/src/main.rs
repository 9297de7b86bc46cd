//! Prints every task poll of each fidelity scenario run on Tokio's current_thread runtime,
//! one NDJSON line per poll: {"scenario":..,"t":ns,"task":n,"result":"pending"|"ready"}.
//! With scenario names as arguments, runs only those.

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
}
