// `node wakeline.js ...`: the wakeline command compiled to WebAssembly. It is the same code as the
// native CLI (examples/cli/cli.cpp), so equal arguments must give a byte-identical trace;
// tests/wasm/native-parity.test.mjs holds it to that.
#include "cli.hpp"

int main(int argc, char** argv) {
  return wakeline::examples::cli_main(argc, argv, {.real_clock = false});
}
