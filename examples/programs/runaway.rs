// runaway: a server that leaks tasks. Every millisecond a request arrives and gets its own
// handler task; each handler fills a 1 MiB buffer and waits for a reply from a backend that
// never answers, with a timeout of an hour. Nothing deadlocks, but handlers start faster than
// they end, so the memory they hold grows until the run's memory limit ends it.
use std::time::Duration;
use tokio::time::sleep;

const INTERVAL_MS: u64 = 1;

// A handler: its buffer is kept for as long as the handler waits.
async fn handle_request(id: u64) {
    let mut buffer = vec![0u32; 262_144]; // 1 MiB
    buffer[0] = id as u32;
    sleep(Duration::from_secs(3600)).await; // The backend never answers; an hour is far too long.
    drop(buffer);
}

// Accepts a request every INTERVAL_MS and leaves its handler running, detached: the handle is
// dropped at the end of the iteration, and nobody will ever wait for the handler.
#[tokio::main]
async fn main() {
    let mut request: u64 = 1;
    loop {
        let _handler = tokio::spawn(handle_request(request));
        sleep(Duration::from_millis(INTERVAL_MS)).await;
        request += 1;
    }
}
