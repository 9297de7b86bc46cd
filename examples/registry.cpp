#include "registry.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>
#include <utility>

namespace wakeline::examples {

extern const std::pair<std::string_view, std::string_view> embedded_sources[];
extern const unsigned embedded_sources_count;

namespace {

std::vector<std::unique_ptr<example>>& storage() {
  static std::vector<std::unique_ptr<example>> all;
  return all;
}

int topic_rank(const std::string& topic) {
  static constexpr std::array<std::string_view, 6> order{
      "basics", "timers", "synchronisation", "schedulers", "pitfalls", "I/O"};
  auto it = std::find(order.begin(), order.end(), topic);
  return static_cast<int>(it - order.begin());
}

}  // namespace

bool register_example(example e, source_location where) {
  e.source_file = source_file_name(where.file);
  e.registered_at = where;
  if (find_example(e.id) != nullptr) throw std::logic_error("duplicate example id: " + e.id);
  storage().push_back(std::make_unique<example>(std::move(e)));
  return true;
}

const std::vector<const example*>& all_examples() {
  static std::vector<const example*> sorted;
  if (sorted.size() != storage().size()) {
    sorted.clear();
    for (const auto& e : storage()) sorted.push_back(e.get());
    std::sort(sorted.begin(), sorted.end(), [](const example* a, const example* b) {
      int ra = topic_rank(a->topic), rb = topic_rank(b->topic);
      return ra != rb ? ra < rb : a->id < b->id;
    });
  }
  return sorted;
}

const example* find_example(std::string_view id) {
  for (const auto& e : storage()) {
    if (e->id == id) return e.get();
  }
  return nullptr;
}

std::string_view example_source(const example& e) {
  for (unsigned i = 0; i < embedded_sources_count; ++i) {
    if (embedded_sources[i].first == e.source_file) return embedded_sources[i].second;
  }
  return {};
}

std::string example_program(const example& e) {
  // The examples with a program in examples/programs/, listed by the build.
  static constexpr std::string_view with_program[] = {
#include "example_program_names.inc"
  };
  for (std::string_view id : with_program) {
    if (id == e.id) return e.id + ".rs";
  }
  return {};
}

}  // namespace wakeline::examples
