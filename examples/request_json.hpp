// The JSON form of a run request, as the JavaScript API sends it (wasm/api/wakeline.mjs). Kept
// apart from the wasm bindings so the native build can test and fuzz the same parser.
#pragma once

#include <string>

#include "runner.hpp"

namespace wakeline::examples {

/// Bad input, with a stable code for JS (WakelineError.code) and a sentence naming the problem.
struct api_error {
  std::string code;
  std::string message;
};

/// The answer for bad input: {"error": {"code": ..., "message": ...}}.
std::string error_json(const api_error& error);

/// The API's code for a problem the runner reports.
const char* code_of(usage_error::problem problem);

/// Parses and checks a JSON run request (example, strategy, params, seed, budget,
/// memory_limit); throws
/// api_error naming the first problem, with the runner's messages for what the CLI also checks.
checked_run check_json_request(const std::string& text);

}  // namespace wakeline::examples
