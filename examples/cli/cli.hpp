// The `wakeline` command line: `list`, `run EXAMPLE [options]`, `--help`. One implementation for
// the native program and its WebAssembly build, so both read arguments and write traces alike.
#pragma once

namespace wakeline::examples {

/// What a build of the command can do.
struct cli_flavour {
  /// Whether `--clock real` is offered (not in WebAssembly, where a real wait blocks the thread).
  bool real_clock = true;
};

/// Runs the command; returns the exit status: 0 completed, 1 another outcome, 2 bad usage.
int cli_main(int argc, char** argv, const cli_flavour& flavour);

}  // namespace wakeline::examples
