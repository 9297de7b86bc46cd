// The event schema (schema.hpp) as JSON, for readers outside C++: the WebAssembly module exports
// it to the JavaScript decoders, and `wakeline schema` prints it.
#pragma once

#include <nlohmann/json.hpp>

namespace wakeline {

/// {"kinds": [{"name", "fields": [{"name", "slot", "format", "names"?, "presence",
/// "condition"?}]}], "names": {"queue_kind": [...], ...}, "worker_queues": [...]}, kinds in the
/// order of their values.
nlohmann::ordered_json event_schema_json();

}  // namespace wakeline
