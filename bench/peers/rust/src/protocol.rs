//! What the Rust peers share with the C++ ones (bench/peers/report.hpp): the workloads' names and
//! sizes, the timer durations, the command line and the line each measurement prints. Keep it in
//! step with report.hpp; bench/peers/README.md describes the protocol.

use std::io::Write;
use std::time::{Duration, Instant};

/// Operations per run of the spawn_join workload: spawn one empty task, await it.
pub const SPAWN_JOIN_OPS: u64 = 100_000;
/// Operations per run of the fan_out workload: spawn all, then await all.
pub const FAN_OUT_OPS: u64 = 100_000;
/// Operations per run of the chain workload: each task spawns and awaits the next.
pub const CHAIN_OPS: u64 = 100_000;
/// Operations per run of the yield workload: yields, two tasks taking turns.
pub const YIELD_OPS: u64 = 1_000_000;
/// Operations per run of the channel workload: messages through two channels.
pub const CHANNEL_OPS: u64 = 1_000_000;
/// Operations per run of the timers workload: tasks that each sleep once.
pub const TIMER_OPS: u64 = 1_000_000;
/// Sleeping tasks held for the pending_task_memory workload.
pub const PENDING_TASKS: u64 = 1_000_000;

/// How long each pending_task_memory task sleeps: far longer than the measurement.
pub const PENDING_SLEEP: Duration = Duration::from_secs(3600);

/// The distinct pseudo-random sleep of the timers workload, 1 ms to 100 s (xorshift64 from
/// 0x9E3779B97F4A7C15, as report.hpp's timer_durations), so timers land on every level of a wheel.
pub struct TimerDurations {
    state: u64,
}

impl TimerDurations {
    /// The generator at its fixed seed, so every peer sleeps the same sequence.
    pub fn new() -> Self {
        TimerDurations {
            state: 0x9E37_79B9_7F4A_7C15,
        }
    }

    /// The next duration of the sequence.
    pub fn next(&mut self) -> Duration {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        Duration::from_nanos(1_000_000 + self.state % 100_000_000_000)
    }
}

/// The Rust runtimes this program can measure, chosen with `--peer`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Peer {
    /// Tokio's `Builder::new_current_thread`.
    TokioCurrentThread,
    /// Tokio's `Builder::new_multi_thread`, one worker per core.
    TokioMultiThread,
    /// smol's executor (async-executor) driven by `futures_lite::future::block_on`.
    AsyncExecutor,
}

impl Peer {
    /// The peer's name as `--peer` takes it and the JSON lines print it.
    pub fn name(self) -> &'static str {
        match self {
            Peer::TokioCurrentThread => "tokio-current-thread",
            Peer::TokioMultiThread => "tokio-multi-thread",
            Peer::AsyncExecutor => "async-executor",
        }
    }

    fn parse(name: &str) -> Option<Peer> {
        [
            Peer::TokioCurrentThread,
            Peer::TokioMultiThread,
            Peer::AsyncExecutor,
        ]
        .into_iter()
        .find(|p| p.name() == name)
    }
}

/// The command line: `--peer NAME` picks the runtime, `--only NAME` runs one workload,
/// `--divide N` divides every size by N (a quick smoke run).
pub struct Options {
    pub peer: Peer,
    pub only: String,
    pub divide: u64,
}

impl Options {
    /// Whether `workload` is to run: every one when `--only` was not given.
    pub fn wants(&self, workload: &str) -> bool {
        self.only.is_empty() || self.only == workload
    }

    /// A workload's size after `--divide`, never below one.
    pub fn size(&self, full: u64) -> u64 {
        (full / self.divide).max(1)
    }
}

fn usage(program: &str) -> ! {
    eprintln!(
        "usage: {program} --peer tokio-current-thread|tokio-multi-thread|async-executor \
         [--only WORKLOAD] [--divide N]"
    );
    std::process::exit(2);
}

/// Parses the command line; prints a usage line and exits with 2 on anything else. `--trace`,
/// which the C++ peers take, is refused: no Rust runtime here records Wakeline's events.
pub fn parse_options() -> Options {
    let args: Vec<String> = std::env::args().collect();
    let program = args.first().map(String::as_str).unwrap_or("wakeline-peers");
    let mut peer = None;
    let mut only = String::new();
    let mut divide = 1;
    let mut i = 1;
    while i < args.len() {
        let value = args.get(i + 1);
        match (args[i].as_str(), value) {
            ("--peer", Some(v)) => {
                peer = Some(Peer::parse(v).unwrap_or_else(|| {
                    eprintln!("{program}: unknown peer '{v}'");
                    usage(program)
                }));
                i += 1;
            }
            ("--only", Some(v)) => {
                only = v.clone();
                i += 1;
            }
            ("--divide", Some(v)) => {
                // Like strtoull in report.hpp: anything unreadable or zero means no division.
                divide = v.parse::<u64>().unwrap_or(0).max(1);
                i += 1;
            }
            ("--trace", _) => {
                eprintln!("{program}: --trace is not supported: the Rust peers record no events");
                std::process::exit(2);
            }
            _ => usage(program),
        }
        i += 1;
    }
    match peer {
        Some(peer) => Options { peer, only, divide },
        None => usage(program),
    }
}

/// Prints one timed measurement: `ops` operations took `ns` nanoseconds of wall time, runtime
/// creation and teardown included.
pub fn report_time(peer: Peer, workload: &str, ops: u64, ns: u64) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{{\"peer\":\"{}\",\"workload\":\"{workload}\",\"ops\":{ops},\"ns\":{ns}}}",
        peer.name()
    );
    let _ = out.flush();
}

/// Prints the resident memory that `tasks` pending tasks added, in bytes.
pub fn report_memory(peer: Peer, tasks: u64, bytes: u64) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{{\"peer\":\"{}\",\"workload\":\"pending_task_memory\",\"tasks\":{tasks},\"bytes\":{bytes}}}",
        peer.name()
    );
    let _ = out.flush();
}

/// The process's resident set in bytes, from /proc/self/statm (0 if it cannot be read).
pub fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let resident = match statm.split_whitespace().nth(1).map(str::parse::<u64>) {
        Some(Ok(pages)) => pages,
        _ => return 0,
    };
    // SAFETY: sysconf only reads a configuration value.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if page <= 0 {
        return 0;
    }
    resident * page as u64
}

/// Wall time of `body()` in nanoseconds.
pub fn time_ns(body: impl FnOnce()) -> u64 {
    let start = Instant::now();
    body();
    start.elapsed().as_nanos() as u64
}
