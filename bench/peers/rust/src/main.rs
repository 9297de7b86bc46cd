//! `wakeline-peers`: the Rust side of the comparison in bench/peers. Runs every workload the
//! chosen `--peer` supports, in bench/peers/README.md's order, one JSON line each.

mod async_executor_peer;
mod protocol;
mod tokio_peer;

use protocol::Peer;
use tokio_peer::Flavor;

fn main() {
    let options = protocol::parse_options();
    match options.peer {
        Peer::TokioCurrentThread => tokio_peer::run(Flavor::CurrentThread, &options),
        Peer::TokioMultiThread => tokio_peer::run(Flavor::MultiThread, &options),
        Peer::AsyncExecutor => async_executor_peer::run(&options),
    }
}
