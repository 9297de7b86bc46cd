// ---- Appended to the program by tests/fidelity/programs/generate.mjs (see prelude.rs). ----

/// `tokio` in the program: real Tokio 1.24 (a dependency named `real_tokio`, so that this
/// module is the only `tokio` in the crate), with `spawn` traced.
#[allow(unused_imports)]
mod tokio {
    pub use ::real_tokio::*;
    pub use ::wakeline_prelude::spawn;
}

#[allow(unused_imports)]
use ::wakeline_prelude::work;

fn main() -> ::std::process::ExitCode {
    ::wakeline_prelude::run(__wakeline_main())
}
