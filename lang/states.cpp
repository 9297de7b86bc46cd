#include "states.hpp"

#include <nlohmann/json.hpp>

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

struct state_view {
  std::uint32_t number;
  std::string name;  ///< unresumed, returned, poisoned, suspended
  const suspend_point* suspend = nullptr;
  std::vector<std::string> locals;
  std::vector<std::string> temporaries;
};

std::vector<state_view> states_of(const function_code& f) {
  std::vector<state_view> out;
  state_view unresumed{0, "unresumed", nullptr, {}, {}};
  for (std::uint32_t s = 0; s < f.params; ++s) unresumed.locals.push_back(f.slots[s].name);
  out.push_back(std::move(unresumed));
  out.push_back({1, "returned", nullptr, {}, {}});
  out.push_back({2, "poisoned", nullptr, {}, {}});
  for (const suspend_point& sp : f.suspends) {
    state_view v{sp.state, "suspended", &sp, {}, {}};
    for (std::uint32_t slot : sp.kept) {
      const std::string& name = f.slots[slot].name;
      if (!name.empty() && name[0] == '$') {
        v.temporaries.push_back(temporary_name(name));
      } else {
        v.locals.push_back(name);
      }
    }
    out.push_back(std::move(v));
  }
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// The text of what is awaited: `sleep(delay)` for `sleep(delay).await`.
std::string awaited_text(const source_file& source, const suspend_point& sp) {
  std::string_view text = source.text(sp.where);
  constexpr std::string_view suffix = ".await";
  if (text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
    text.remove_suffix(suffix.size());
  }
  std::string out(text);
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

}  // namespace

std::string states_text(const compiled_program& p) {
  std::string out;
  for (const function_code& f : p.code.functions) {
    if (!f.is_async()) continue;
    const position at = p.source.at(f.where.begin);
    out += std::string(kind_name(f.kind)) + " " + f.name + "  (" + p.source.name() + ":" +
           std::to_string(at.line) + ")\n";
    for (const state_view& s : states_of(f)) {
      out += "  state " + std::to_string(s.number) + "  " + s.name;
      if (s.suspend != nullptr) {
        const position where = p.source.at(s.suspend->where.begin);
        out += " at line " + std::to_string(where.line) + ": `" +
               awaited_text(p.source, *s.suspend) + ".await`";
      }
      out += '\n';
      if (!s.locals.empty()) {
        out += std::string("           keeps ") + (s.number == 0 ? "its arguments: " : "") +
               join(s.locals) + '\n';
      }
      if (!s.temporaries.empty()) out += "           and " + join(s.temporaries) + '\n';
    }
    out += '\n';
  }
  if (out.empty()) out = "no async fn or async block in this program\n";
  return out;
}

std::string states_json(const compiled_program& p) {
  json machines = json::array();
  for (const function_code& f : p.code.functions) {
    if (!f.is_async()) continue;
    json states = json::array();
    for (const state_view& s : states_of(f)) {
      json state = {{"state", s.number},
                    {"name", s.name},
                    {"keeps", s.locals},
                    {"temporaries", s.temporaries}};
      if (s.suspend != nullptr) {
        const position from = p.source.at(s.suspend->where.begin);
        const position to = p.source.at(s.suspend->where.end);
        state["await"] = {{"text", awaited_text(p.source, *s.suspend) + ".await"},
                          {"from", s.suspend->where.begin},
                          {"to", s.suspend->where.end},
                          {"start", {{"line", from.line}, {"column", from.column}}},
                          {"end", {{"line", to.line}, {"column", to.column}}}};
      }
      states.push_back(std::move(state));
    }
    const position at = p.source.at(f.where.begin);
    machines.push_back({{"name", f.name},
                        {"kind", kind_name(f.kind)},
                        {"line", at.line},
                        {"from", f.where.begin},
                        {"to", f.where.end},
                        {"states", std::move(states)}});
  }
  return json{{"machines", std::move(machines)}}.dump();
}

}  // namespace wakeline::lang
