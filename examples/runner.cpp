#include "runner.hpp"

#include <algorithm>
#include <charconv>
#include <exception>
#include <limits>
#include <new>

namespace wakeline::examples {

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  if (text.empty() || text.front() == '+') return std::nullopt;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

namespace {

std::int64_t parse_value(const param_spec& spec, const std::string& text) {
  if (spec.type == param_type::boolean) {
    if (text == "true" || text == "1") return 1;
    if (text == "false" || text == "0") return 0;
    throw usage_error(usage_error::problem::bad_value,
                      "parameter '" + spec.name + "' must be true or false, not '" + text + "'");
  }
  auto value = parse_integer(text);
  if (!value) {
    throw usage_error(usage_error::problem::bad_value,
                      "parameter '" + spec.name + "' must be an integer, not '" + text + "'");
  }
  if (*value < spec.min || *value > spec.max) {
    throw usage_error(usage_error::problem::out_of_range,
                      "parameter '" + spec.name + "' must be between " + std::to_string(spec.min) +
                          " and " + std::to_string(spec.max) + ", not " + text);
  }
  return *value;
}

std::string names_of(const example& e, strategy_kind strategy) {
  std::string names;
  for (const param_spec& p : e.params) names += (names.empty() ? "" : ", ") + p.name;
  std::string settings;
  for (const strategy_setting& s : settings_of(strategy)) {
    settings += (settings.empty() ? "" : ", ") + std::string(s.name);
  }
  return "parameters: " + (names.empty() ? "none" : names) + "; settings of " +
         std::string(to_string(strategy)) + ": " + (settings.empty() ? "none" : settings);
}

}  // namespace

param_spec as_param(const strategy_setting& setting) {
  return param_spec{std::string(setting.name),
                    setting.boolean ? param_type::boolean : param_type::integer,
                    static_cast<std::int64_t>(setting.default_value),
                    static_cast<std::int64_t>(setting.min),
                    static_cast<std::int64_t>(setting.max),
                    std::string(setting.description)};
}

std::optional<param_spec> find_setting(const example& e, strategy_kind strategy,
                                       std::string_view name) {
  for (const param_spec& p : e.params) {
    if (p.name == name) return p;
  }
  if (const strategy_setting* s = wakeline::find_setting(strategy, name)) return as_param(*s);
  return std::nullopt;
}

validated_settings validate_settings(
    const example& e, strategy_kind strategy,
    const std::vector<std::pair<std::string, std::string>>& settings, std::uint64_t seed) {
  std::map<std::string, std::int64_t> values;
  for (const param_spec& p : e.params) values[p.name] = p.default_value;
  strategy_config config(strategy);
  for (const auto& [name, text] : settings) {
    std::optional<param_spec> spec = find_setting(e, strategy, name);
    if (!spec) {
      throw usage_error(
          usage_error::problem::unknown_parameter,
          "example '" + e.id + "' has no parameter '" + name + "' (" + names_of(e, strategy) + ")");
    }
    std::int64_t value = parse_value(*spec, text);
    if (values.count(name) != 0) {
      values[name] = value;
    } else {
      config.*(wakeline::find_setting(strategy, name)->field) = static_cast<std::uint64_t>(value);
    }
  }
  return {param_values(std::move(values), seed), config};
}

namespace {

// What a program run is checked against: no parameters of its own, every strategy.
const example& program_example() {
  static const example e = [] {
    example p;
    p.id = "program";
    p.title = "Your program";
    return p;
  }();
  return e;
}

const program_host* host = nullptr;

const program_host& the_program_host() {
  if (host == nullptr) {
    throw usage_error(usage_error::problem::program_error,
                      "this build of Wakeline runs examples only: it has no language to run "
                      "programs with");
  }
  return *host;
}

}  // namespace

void set_program_host(const program_host* h) { host = h; }

checked_run check_request(const run_request& request) {
  const example* e = request.is_program ? &program_example() : find_example(request.example);
  if (e == nullptr) {
    throw usage_error(usage_error::problem::unknown_example,
                      "unknown example '" + request.example + "' (see 'wakeline list')");
  }
  // No strategy named: the example's first (local for most).
  const std::string& name = request.strategy.empty() ? e->strategies.front() : request.strategy;
  if (!parse_strategy(name) ||
      std::find(e->strategies.begin(), e->strategies.end(), name) == e->strategies.end()) {
    std::string list;
    for (const auto& s : e->strategies) list += (list.empty() ? "" : ", ") + s;
    throw usage_error(usage_error::problem::unknown_strategy,
                      "example '" + e->id + "' does not support strategy '" + name +
                          "' (supported: " + list + ")");
  }
  const strategy_kind strategy = *parse_strategy(name);
  if (request.clock == clock_kind::real_time && simulates_workers(strategy)) {
    throw usage_error(
        usage_error::problem::bad_value,
        "strategy '" + name +
            "' simulates its workers in virtual time; it cannot run with the real clock");
  }
  if (request.budget == 0) {
    throw usage_error(usage_error::problem::out_of_range, "the event budget must be at least 1");
  }
  validated_settings settings = validate_settings(*e, strategy, request.settings, request.seed);
  checked_run run{e, request, std::move(settings.params), settings.strategy, {}, {}};
  if (request.is_program) run.program = the_program_host().compile(request);
  run.request.strategy = name;
  run.header.example = e->id;
  run.header.strategy = name;
  for (const strategy_setting& s : settings_of(run.strategy.kind)) {
    std::uint64_t value = run.strategy.*s.field;
    if (s.boolean) {
      run.header.strategy_params.emplace_back(std::string(s.name), value != 0);
    } else {
      run.header.strategy_params.emplace_back(std::string(s.name),
                                              static_cast<std::int64_t>(value));
    }
  }
  run.header.seed = request.seed;
  run.header.clock = request.clock;
  run.header.budget = request.budget;
  run.header.memory_limit = request.memory_limit;
  for (const param_spec& p : e->params) {
    if (p.type == param_type::boolean) {
      run.header.params.emplace_back(p.name, run.params.flag(p.name));
    } else {
      run.header.params.emplace_back(p.name, run.params.integer(p.name));
    }
  }
  return run;
}

run_result start(const checked_run& run) {
  const run_request& request = run.request;
  run_result result;
  result.header = run.header;
  runtime_options options;
  options.clock = request.clock;
  options.strategy = run.strategy;
  options.trace = request.trace;
  options.event_budget = request.budget;
  options.memory_limit = request.memory_limit;
  result.rt = std::make_unique<runtime>(options);
  result.params = std::make_unique<const param_values>(run.params);
  if (run.program != nullptr) {
    the_program_host().start(result, run);
  } else {
    result.rt->start(run.e->main(*result.params), "main", run.e->registered_at);
  }
  return result;
}

bool resume(run_result& run, std::uint64_t max_steps) {
  if (!run.rt->resume(max_steps)) return false;
  run.outcome = run.rt->outcome();
  if (std::exception_ptr error = run.rt->root_error()) {
    try {
      std::rethrow_exception(error);
    } catch (const std::bad_alloc&) {
      // Only where the memory limit is off or above what the process can give: a run under it
      // ends with memory_exhausted before an allocation fails.
      run.message =
          "out of memory (std::bad_alloc): the program asked for more than the process can give; "
          "a memory limit below that ends such a run with outcome memory_exhausted instead";
    } catch (const std::exception& e) {
      run.message = e.what();
    } catch (...) {
      run.message = "unknown exception";
    }
  }
  return true;
}

run_result execute(const checked_run& run) {
  run_result result = start(run);
  resume(result, std::numeric_limits<std::uint64_t>::max());
  return result;
}

run_result run_example(const run_request& request) { return execute(check_request(request)); }

}  // namespace wakeline::examples
