#include "schema_json.hpp"

#include <string>

#include "schema.hpp"

namespace wakeline {

nlohmann::ordered_json event_schema_json() {
  using json = nlohmann::ordered_json;
  json kinds = json::array();
  for (const kind_schema& kind : event_schema()) {
    json fields = json::array();
    for (const field_spec& f : kind.fields()) {
      json field;
      field["name"] = f.name;
      field["slot"] = to_string(f.slot);
      field["format"] = to_string(f.format);
      if (f.names != name_list::none) field["names"] = to_string(f.names);
      field["presence"] = to_string(f.presence);
      if (f.presence == field_presence::when_nonzero ||
          f.presence == field_presence::when_worker_queue) {
        field["condition"] = to_string(f.condition);
      }
      fields.push_back(std::move(field));
    }
    kinds.push_back({{"name", kind.name}, {"fields", std::move(fields)}});
  }
  json names = json::object();
  json worker_queues = json::array();
  for (int i = 1; i <= static_cast<int>(last_name_list); ++i) {
    const auto list = static_cast<name_list>(i);
    json values = json::array();
    for (std::string_view name : names_of(list)) values.push_back(name);
    names[std::string(to_string(list))] = std::move(values);
  }
  for (int q = 0; q <= static_cast<int>(last_queue_kind); ++q) {
    if (owned_by_worker(static_cast<queue_kind>(q))) {
      worker_queues.push_back(to_string(static_cast<queue_kind>(q)));
    }
  }
  return {{"kinds", std::move(kinds)},
          {"names", std::move(names)},
          {"worker_queues", std::move(worker_queues)}};
}

}  // namespace wakeline
