// The `wakeline` command line: `list`, `run EXAMPLE [options]`, `--help`. One implementation for
// the native program and its WebAssembly build, so both read arguments and write traces alike.
// cli_args.hpp reads the arguments; this runs what they ask for.
#pragma once

#include "cli_args.hpp"

namespace wakeline::examples {

/// Runs the command; returns the exit status: 0 completed, 1 another outcome, 2 bad usage.
int cli_main(int argc, char** argv, const cli_flavour& flavour);

}  // namespace wakeline::examples
