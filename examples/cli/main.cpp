// The native `wakeline` program.
#include "cli.hpp"

int main(int argc, char** argv) { return wakeline::examples::cli_main(argc, argv, {}); }
