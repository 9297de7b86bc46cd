#include "states.hpp"

#include <nlohmann/json.hpp>
#include <optional>

#include "layout.hpp"
#include "typing.hpp"

namespace wakeline::lang {

namespace {

using json = nlohmann::ordered_json;

const char* kind_name(body_kind k) {
  switch (k) {
    case body_kind::async_function:
      return "async fn";
    case body_kind::async_block:
      return "async block";
    case body_kind::poll_method:
      return "poll";
    case body_kind::function:
      return "fn";
  }
  return "fn";
}

// Temporaries of lowering kept across an await, named for a reader.
std::string temporary_name(const std::string& slot) {
  if (slot == "$iter") return "the `for` loop's iterator";
  if (slot == "$scrutinee") return "the value being matched";
  if (slot == "$selected") return "the `select!` result";
  return "a temporary (" + slot.substr(1) + ")";
}

// A value a state holds: a local, a temporary or the awaited future, with its type and size.
struct held_value {
  std::string name;
  std::string type;
  layout size;
};

struct state_view {
  std::uint32_t number;
  std::string name;  ///< unresumed, returned, poisoned, suspended
  const suspend_point* suspend = nullptr;
  std::vector<held_value> locals;
  std::vector<held_value> temporaries;
  std::optional<held_value> awaited;
  layout size;
};

held_value held(const local_slot& slot, const program_code& code, layouts& sizes) {
  return {slot.name, rust_name(slot.type, code), sizes.of(slot.type)};
}

std::vector<state_view> states_of(std::uint32_t index, const program_code& code, layouts& sizes) {
  const function_code& f = code.functions[index];
  const machine_layout& machine = sizes.machine(index);
  std::vector<state_view> out;
  state_view unresumed{0, "unresumed", nullptr, {}, {}, {}, machine.states[0]};
  for (std::uint32_t s = 0; s < f.params; ++s) {
    unresumed.locals.push_back(held(f.slots[s], code, sizes));
  }
  out.push_back(std::move(unresumed));
  out.push_back({1, "returned", nullptr, {}, {}, {}, machine.states[1]});
  out.push_back({2, "poisoned", nullptr, {}, {}, {}, machine.states[2]});
  for (const suspend_point& sp : f.suspends) {
    state_view v{sp.state, "suspended", &sp, {}, {}, {}, machine.states[sp.state]};
    for (std::uint32_t slot : sp.kept) {
      held_value h = held(f.slots[slot], code, sizes);
      if (!h.name.empty() && h.name[0] == '$') {
        h.name = temporary_name(h.name);
        v.temporaries.push_back(std::move(h));
      } else {
        v.locals.push_back(std::move(h));
      }
    }
    // What rustc keeps that is no local: a macro's futures, a format's pieces.
    for (const unnamed_value& u : sp.hidden)
      v.temporaries.push_back({u.name, rust_name(u.type, code), sizes.of(u.type)});
    v.awaited = held_value{"", rust_name(sp.awaited, code), sizes.of(sp.awaited)};
    out.push_back(std::move(v));
  }
  return out;
}

// `12 bytes`, or `at least 12 bytes` when a part's type is not known.
std::string bytes_text(const layout& l) {
  return std::string(l.exact ? "" : "at least ") + std::to_string(l.size) +
         (l.size == 1 ? " byte" : " bytes");
}

std::vector<std::string> names_of(const std::vector<held_value>& values) {
  std::vector<std::string> out;
  for (const held_value& v : values) out.push_back(v.name);
  return out;
}

// `done: i32`, with the type when it is known.
std::string typed(const held_value& v) { return v.type == "_" ? v.name : v.name + ": " + v.type; }

json held_json(const held_value& v) {
  json out = {{"name", v.name}, {"type", v.type}, {"size", v.size.size}};
  if (!v.size.exact) out["size_exact"] = false;
  return out;
}

std::string join(const std::vector<held_value>& items) {
  std::string out;
  for (const held_value& v : items) out += (out.empty() ? "" : ", ") + typed(v);
  return out;
}

// The text of what a state awaits, on one line: `sleep(delay).await`; a macro that awaits
// (`tokio::select! { .. }`, `tokio::join!(..)`) as written, its first line only when it takes
// several, without an `.await` the program does not write.
std::string awaited_text(const source_file& source, const suspend_point& sp) {
  const std::string_view text = source.text(sp.where);
  constexpr std::string_view suffix = ".await";
  if (text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
    std::string out(text);
    for (char& c : out) {
      if (c == '\n') c = ' ';
    }
    return out;
  }
  const std::size_t line_end = text.find('\n');
  if (line_end == std::string_view::npos) return std::string(text);
  std::string_view first = text.substr(0, line_end);
  while (!first.empty() && (first.back() == ' ' || first.back() == '\r')) first.remove_suffix(1);
  const char close = first.empty()         ? ')'
                     : first.back() == '{' ? '}'
                     : first.back() == '[' ? ']'
                                           : ')';
  return std::string(first) + " .. " + close;
}

}  // namespace

std::string states_text(const compiled_program& p) {
  std::string out;
  layouts sizes(p.code);
  for (std::uint32_t index = 0; index < p.code.functions.size(); ++index) {
    const function_code& f = p.code.functions[index];
    if (!f.is_async()) continue;
    const position at = p.source.at(f.where.begin);
    out += std::string(kind_name(f.kind)) + " " + f.name + "  (" + p.source.name() + ":" +
           std::to_string(at.line) + "): " + bytes_text(sizes.machine(index).whole) + "\n";
    for (const state_view& s : states_of(index, p.code, sizes)) {
      out += "  state " + std::to_string(s.number) + "  " + s.name;
      if (s.suspend != nullptr) {
        const position where = p.source.at(s.suspend->where.begin);
        out += " at line " + std::to_string(where.line) + ": `" +
               awaited_text(p.source, *s.suspend) + "`";
      }
      // States 0 to 2 store only the prefix, which every state has.
      out += s.suspend != nullptr ? "  (" + bytes_text(s.size) + ")\n" : "\n";
      if (!s.locals.empty()) {
        out += std::string("           keeps ") + (s.number == 0 ? "its arguments: " : "") +
               join(s.locals) + '\n';
      }
      if (!s.temporaries.empty()) out += "           and " + join(s.temporaries) + '\n';
      if (s.awaited) {
        out +=
            "           awaiting " + s.awaited->type + " (" + bytes_text(s.awaited->size) + ")\n";
      }
    }
    out += '\n';
  }
  if (out.empty()) out = "no async fn or async block in this program\n";
  return out;
}

std::string states_json(const compiled_program& p) {
  json machines = json::array();
  layouts sizes(p.code);
  for (std::uint32_t index = 0; index < p.code.functions.size(); ++index) {
    const function_code& f = p.code.functions[index];
    if (!f.is_async()) continue;
    json states = json::array();
    for (const state_view& s : states_of(index, p.code, sizes)) {
      json kept = json::array();
      for (const held_value& v : s.locals) kept.push_back(held_json(v));
      for (const held_value& v : s.temporaries) kept.push_back(held_json(v));
      json state = {{"state", s.number},           {"name", s.name},
                    {"keeps", names_of(s.locals)}, {"temporaries", names_of(s.temporaries)},
                    {"kept", std::move(kept)},     {"size", s.size.size}};
      if (!s.size.exact) state["size_exact"] = false;
      if (s.awaited)
        state["awaiting"] = {{"type", s.awaited->type}, {"size", s.awaited->size.size}};
      if (s.suspend != nullptr) {
        const position from = p.source.at(s.suspend->where.begin);
        const position to = p.source.at(s.suspend->where.end);
        state["await"] = {{"text", awaited_text(p.source, *s.suspend)},
                          {"from", s.suspend->where.begin},
                          {"to", s.suspend->where.end},
                          {"start", {{"line", from.line}, {"column", from.column}}},
                          {"end", {{"line", to.line}, {"column", to.column}}}};
      }
      states.push_back(std::move(state));
    }
    const position at = p.source.at(f.where.begin);
    const layout whole = sizes.machine(index).whole;
    json machine = {{"name", f.name},        {"kind", kind_name(f.kind)}, {"line", at.line},
                    {"from", f.where.begin}, {"to", f.where.end},         {"size", whole.size}};
    if (!whole.exact) machine["size_exact"] = false;
    machine["states"] = std::move(states);
    machines.push_back(std::move(machine));
  }
  return json{{"machines", std::move(machines)}}.dump();
}

}  // namespace wakeline::lang
