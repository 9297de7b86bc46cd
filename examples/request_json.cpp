#include "request_json.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>

namespace wakeline::examples {

namespace {

using json = nlohmann::ordered_json;

std::uint64_t unsigned_field(const json& request, const char* name, std::uint64_t fallback,
                             std::uint64_t min) {
  auto it = request.find(name);
  if (it == request.end() || it->is_null()) return fallback;
  if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<std::int64_t>() >= 0)) {
    if (it->is_number_integer() || (it->is_number_float() && std::isfinite(it->get<double>()) &&
                                    std::floor(it->get<double>()) == it->get<double>())) {
      throw api_error{"out_of_range", std::string(name) + " must be an integer from " +
                                          std::to_string(min) + " to 2^64-1, not " + it->dump()};
    }
    throw api_error{"bad_value", std::string(name) + " must be an integer, not " + it->dump()};
  }
  auto value = it->get<std::uint64_t>();
  if (value < min) {
    throw api_error{"out_of_range", std::string(name) + " must be at least " + std::to_string(min) +
                                        ", not " + std::to_string(value)};
  }
  return value;
}

// One JSON parameter value as the text the CLI's `--set` takes. Type errors are caught here
// (the CLI has only text); names and ranges are left to the runner, so messages match the CLI's.
std::string setting_text(const param_spec& spec, const json& value) {
  if (spec.type == param_type::boolean) {
    if (!value.is_boolean()) {
      throw api_error{"bad_value",
                      "parameter '" + spec.name + "' must be true or false, not " + value.dump()};
    }
    return value.get<bool>() ? "true" : "false";
  }
  bool integral_float = value.is_number_float() && std::isfinite(value.get<double>()) &&
                        std::floor(value.get<double>()) == value.get<double>();
  bool too_big = value.is_number_unsigned() &&
                 value.get<std::uint64_t>() >
                     static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (integral_float || too_big) {
    throw api_error{"out_of_range", "parameter '" + spec.name + "' must be between " +
                                        std::to_string(spec.min) + " and " +
                                        std::to_string(spec.max) + ", not " + value.dump()};
  }
  if (!value.is_number_integer()) {
    throw api_error{"bad_value",
                    "parameter '" + spec.name + "' must be an integer, not " + value.dump()};
  }
  return value.dump();
}

}  // namespace

std::string error_json(const api_error& error) {
  json j;
  j["error"] = {{"code", error.code}, {"message", error.message}};
  return j.dump();
}

const char* code_of(usage_error::problem problem) {
  switch (problem) {
    case usage_error::problem::unknown_example:
      return "unknown_example";
    case usage_error::problem::unknown_strategy:
      return "unknown_strategy";
    case usage_error::problem::unknown_parameter:
      return "unknown_parameter";
    case usage_error::problem::bad_value:
      return "bad_value";
    case usage_error::problem::out_of_range:
      return "out_of_range";
    case usage_error::problem::program_error:
      return "program_error";
  }
  return "bad_request";
}

// Checks what only JSON can get wrong (types, fractions, numbers beyond int64) and turns the
// request into the runner's text settings; the runner checks everything else, as for the CLI.
checked_run check_json_request(const std::string& text) {
  json request = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!request.is_object()) throw api_error{"bad_request", "the request is not a JSON object"};
  run_request r;
  if (request.contains("program")) {
    // A program of the language: {"program": {"name": "main.rs", "text": "..."}}.
    const json& program = request["program"];
    if (!program.is_object() || !program.contains("text") || !program["text"].is_string()) {
      throw api_error{"bad_value", "the program must be an object with its text as a string"};
    }
    r.is_program = true;
    r.program_text = program["text"].get<std::string>();
    r.program_name = "main.rs";
    if (program.contains("name")) {
      if (!program["name"].is_string() || program["name"].get<std::string>().empty()) {
        throw api_error{"bad_value", "the program's name must be a non-empty string"};
      }
      r.program_name = program["name"].get<std::string>();
    }
  } else {
    if (!request.contains("example") || !request["example"].is_string()) {
      throw api_error{"bad_value", "the example id must be a string"};
    }
    r.example = request["example"].get<std::string>();
  }
  const example* e = r.is_program ? nullptr : find_example(r.example);
  if (request.contains("strategy") && !request["strategy"].is_null()) {
    if (!request["strategy"].is_string()) {
      throw api_error{"bad_value",
                      "the strategy must be a string, not " + request["strategy"].dump()};
    }
    r.strategy = request["strategy"].get<std::string>();
  }
  r.seed = unsigned_field(request, "seed", 0, 0);
  r.budget = unsigned_field(request, "budget", r.budget, 1);
  r.memory_limit = unsigned_field(request, "memory_limit", r.memory_limit, 0);
  if (request.contains("params") && !request["params"].is_null()) {
    const json& params = request["params"];
    if (!params.is_object()) {
      throw api_error{"bad_value", "params must be an object of name: value, not " + params.dump()};
    }
    // An unknown strategy fails in the runner, with its own message; settings are then moot.
    strategy_kind strategy =
        parse_strategy(r.strategy.empty() && e != nullptr ? e->strategies.front() : r.strategy)
            .value_or(strategy_kind::local);
    for (const auto& [name, value] : params.items()) {
      std::optional<param_spec> spec =
          e != nullptr ? find_setting(*e, strategy, name) : std::nullopt;
      // An unknown name is passed on as is: the runner names it with the example's parameters.
      r.settings.emplace_back(name, spec ? setting_text(*spec, value) : "0");
    }
  }
  try {
    return check_request(r);
  } catch (const usage_error& error) {
    throw api_error{code_of(error.kind()), error.what()};
  }
}

}  // namespace wakeline::examples
