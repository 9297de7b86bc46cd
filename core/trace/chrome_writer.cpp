#include "chrome_writer.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detail/json_line.hpp"
#include "event_fields.hpp"
#include "header_json.hpp"
#include "ndjson_writer.hpp"

namespace wakeline {

namespace {

using json = nlohmann::ordered_json;

constexpr int runtime_pid = 1;

// Virtual time stands still while a task runs, so every poll would be a zero-length slice and
// every wake inside it would sit exactly on the slice's edge. Each event is therefore drawn at
// least `nudge_ns` after the one before it: slices get a visible width, wakes land strictly
// inside the poll that made them, and flow arrows bind to the right slice. The true time stays
// in the `t_ns` arg. With the real clock events are usually further apart and barely move.
constexpr std::uint64_t nudge_ns = 2;

double to_us(std::uint64_t ns) { return static_cast<double>(ns) / 1000.0; }

// The NDJSON header's fields, in its order; Chrome timestamps are always microseconds.
json header_object(json header) {
  header.erase("unit");
  return header;
}

// Receives an event's fields (event_fields.hpp) into a JSON object. Text goes through the
// NDJSON writer's escaping, so bytes that are not UTF-8 become U+FFFD in both formats.
struct json_fields {
  json& object;
  void number(std::string_view key, std::uint64_t value) { object[std::string(key)] = value; }
  void name(std::string_view key, std::string_view value) { object[std::string(key)] = value; }
  void text(std::string_view key, std::string_view value) {
    std::string literal;
    detail::append_json_string(literal, value);
    object[std::string(key)] = json::parse(literal);
  }
  void raw(std::string_view key, const std::string& value) {
    object[std::string(key)] = json::parse(value);
  }
};

// chrome://tracing shows `otherData` as a flat table of strings.
json other_data(const json& header) {
  json j;
  for (const auto& [key, value] : header.items()) {
    if (value.is_string()) {
      j[key] = value.get<std::string>();
    } else if (value.is_object()) {
      std::string text;
      for (const auto& [name, v] : value.items()) {
        text += (text.empty() ? "" : " ") + name + "=" +
                (v.is_string() ? v.get<std::string>() : v.dump());
      }
      j[key] = text;
    } else {
      j[key] = value.dump();
    }
  }
  return j;
}

class chrome_builder {
 public:
  chrome_builder(const json& header, const trace_recorder& trace)
      : header_(header), trace_(trace), events_(trace.events()) {}

  void write(std::ostream& out) {
    prepare();
    emit_metadata();
    for (std::size_t i = 0; i < events_.size(); ++i) convert(i);
    close_open_tasks();

    out << "{\"traceEvents\":[\n";
    for (std::size_t i = 0; i < output_.size(); ++i) {
      out << output_[i].dump() << (i + 1 < output_.size() ? ",\n" : "\n");
    }
    json header = header_object(header_);
    out << "],\n\"displayTimeUnit\":\"ns\",\n\"otherData\":" << other_data(header).dump()
        << ",\n\"metadata\":" << header.dump() << "}\n";
  }

 private:
  std::optional<trace_event> by_seq(std::uint64_t seq) const {
    if (seq == 0 || seq > events_.size()) return std::nullopt;
    return events_[seq - 1];
  }

  // The drawing time of every event, the end of every poll, the flows, the task names.
  void prepare() {
    display_.resize(events_.size());
    std::uint64_t last = 0;
    for (std::size_t i = 0; i < events_.size(); ++i) {
      const trace_event& e = events_[i];
      display_[i] = i == 0 ? e.t : std::max(e.t, last + nudge_ns);
      last = display_[i];
      max_worker_ = std::max<std::uint32_t>(max_worker_, e.worker);
      if (e.kind == event_kind::task_spawn) {
        task_names_[e.task] = e.text != 0 ? trace_.text(e.text) : "task " + std::to_string(e.task);
      }
      if (e.kind == event_kind::poll_end && e.cause != 0) poll_end_of_[e.cause] = i;
      if (e.kind == event_kind::poll_begin) {
        // poll_begin <- task_enqueue <- waker_wake | waker_wake_by_ref | task_spawn
        const std::optional<trace_event> enqueue = by_seq(e.cause);
        if (!enqueue || enqueue->kind != event_kind::task_enqueue) continue;
        const std::optional<trace_event> source = by_seq(enqueue->cause);
        if (!source) continue;
        // A spawn draws an arrow only from inside its parent's poll: the root has no slice to
        // start from.
        bool spawned_by_task = source->kind == event_kind::task_spawn && source->ref != 0;
        if (source->kind == event_kind::waker_wake ||
            source->kind == event_kind::waker_wake_by_ref || spawned_by_task) {
          flow_target_[source->seq] = e.seq;
          flow_of_poll_[e.seq] = source->seq;
        }
      }
    }
    driver_tid_ = static_cast<int>(max_worker_) + 2;
  }

  std::string task_name(std::uint32_t task) const {
    auto it = task_names_.find(task);
    return it != task_names_.end() ? it->second : "task " + std::to_string(task);
  }

  json base(const char* ph, std::string name, const char* cat, std::uint64_t ns) const {
    json j;
    j["ph"] = ph;
    j["name"] = std::move(name);
    j["cat"] = cat;
    j["ts"] = to_us(ns);
    j["pid"] = runtime_pid;
    return j;
  }

  // The event's NDJSON fields, with the true time moved to `t_ns` (last): args that Perfetto
  // shows for the slice or instant, read by the schema as the NDJSON writer reads it.
  json event_args(const trace_event& e) const {
    json args;
    args["seq"] = e.seq;
    args["kind"] = to_string(e.kind);
    json_fields fields{args};
    visit_event_fields(trace_, e, fields);
    if (e.cause != 0) args["cause"] = e.cause;
    args["t_ns"] = e.t;
    return args;
  }

  void emit_metadata() {
    auto meta = [&](const char* name, int tid, json args) {
      json j;
      j["ph"] = "M";
      j["name"] = name;
      j["pid"] = runtime_pid;
      if (tid != 0) j["tid"] = tid;
      j["args"] = std::move(args);
      output_.push_back(std::move(j));
    };
    meta("process_name", 0,
         {{"name", "wakeline runtime: " + header_.value("example", std::string())}});
    meta("process_sort_index", 0, {{"sort_index", 0}});
    for (std::uint32_t w = 0; w <= max_worker_; ++w) {
      int tid = static_cast<int>(w) + 1;
      meta("thread_name", tid, {{"name", "worker " + std::to_string(w)}});
      meta("thread_sort_index", tid, {{"sort_index", tid}});
    }
    meta("thread_name", driver_tid_, {{"name", "driver (timers, I/O, outside wakes)"}});
    meta("thread_sort_index", driver_tid_, {{"sort_index", driver_tid_}});
  }

  // The track an instant belongs on: the worker whose poll is in progress, else the driver.
  int track() const { return open_poll_tid_ != 0 ? open_poll_tid_ : driver_tid_; }

  void instant(const trace_event& e, std::size_t i, std::string name, const char* cat,
               const char* scope = "t") {
    json j = base("i", std::move(name), cat, display_[i]);
    if (std::string(scope) == "t") j["tid"] = track();
    j["s"] = scope;
    j["args"] = event_args(e);
    output_.push_back(std::move(j));
  }

  // A scheduler's own step, on the track of the worker that took it.
  void worker_instant(const trace_event& e, std::size_t i, std::string name, const char* cat) {
    json j = base("i", std::move(name), cat, display_[i]);
    j["tid"] = static_cast<int>(e.worker) + 1;
    j["s"] = "t";
    j["args"] = event_args(e);
    output_.push_back(std::move(j));
  }

  void convert(std::size_t i) {
    const trace_event& e = events_[i];
    const std::uint64_t at = display_[i];
    switch (e.kind) {
      case event_kind::runtime_start:
        instant(e, i, "runtime start", "runtime", "g");
        break;
      case event_kind::runtime_end:
        instant(e, i, std::string("runtime end: ") + to_string(static_cast<run_outcome>(e.detail)),
                "runtime", "g");
        break;
      case event_kind::task_spawn: {
        json j = base("b", task_name(e.task), "task", at);
        j["id"] = e.task;
        j["args"] = event_args(e);
        output_.push_back(std::move(j));
        open_tasks_.push_back(e.task);
        if (flow_target_.count(e.seq) != 0) flow_start(e, at, "spawn");
        break;
      }
      case event_kind::task_end: {
        json j = base("e", task_name(e.task), "task", at);
        j["id"] = e.task;
        j["args"] = event_args(e);
        output_.push_back(std::move(j));
        std::erase(open_tasks_, e.task);
        break;
      }
      case event_kind::task_enqueue:
        // The run queue's depth; the root's woken flag and deferred yields are no queue.
        if (static_cast<queue_kind>(e.ref) == queue_kind::run) counter(e, at);
        break;
      case event_kind::poll_begin: {
        counter(e, at);
        int tid = static_cast<int>(e.worker) + 1;
        auto end = poll_end_of_.find(e.seq);
        std::uint64_t end_at = end != poll_end_of_.end() ? display_[end->second] : at;
        json j = base("X", "poll " + task_name(e.task), "poll", at);
        j["dur"] = to_us(end_at - at);
        j["tid"] = tid;
        json args = event_args(e);
        if (end != poll_end_of_.end()) {
          const trace_event& pe = events_[end->second];
          args["result"] = to_string(static_cast<poll_result>(pe.detail));
          if (pe.file != nullptr) {
            args["file"] = source_file_name(pe.file);
            args["line"] = pe.line;
          }
          args["end_seq"] = pe.seq;
        }
        j["args"] = std::move(args);
        output_.push_back(std::move(j));
        if (auto flow = flow_of_poll_.find(e.seq); flow != flow_of_poll_.end()) {
          // Bound to the enclosing slice: drawn one nudge inside the poll it points at.
          const std::optional<trace_event> source = by_seq(flow->second);
          json f = base("f", source->kind == event_kind::task_spawn ? "spawn" : "wake",
                        source->kind == event_kind::task_spawn ? "spawn" : "wake", at + 1);
          f["tid"] = tid;
          f["id"] = flow->second;
          f["bp"] = "e";
          output_.push_back(std::move(f));
        }
        open_poll_tid_ = end != poll_end_of_.end() ? tid : 0;
        break;
      }
      case event_kind::poll_end:
        open_poll_tid_ = 0;
        break;
      case event_kind::waker_wake:
      case event_kind::waker_wake_by_ref: {
        std::string name = "wake " + task_name(e.task);
        if (e.arg != 0)
          name += std::string(" (") + to_string(static_cast<wake_effect>(e.arg)) + ")";
        if (open_poll_tid_ == 0) {
          // Outside a poll there is no slice for an arrow to start from: give the wake its own.
          json j = base("X", name, "wake", at - 1);
          j["dur"] = to_us(2);
          j["tid"] = driver_tid_;
          j["args"] = event_args(e);
          output_.push_back(std::move(j));
        } else {
          instant(e, i, name, "wake");
        }
        if (flow_target_.count(e.seq) != 0) flow_start(e, at, "wake");
        break;
      }
      case event_kind::timer_arm:
        instant(e, i, "arm timer " + std::to_string(e.ref), "timer");
        break;
      case event_kind::timer_fire:
        instant(e, i, "timer " + std::to_string(e.ref) + " fires", "timer");
        break;
      case event_kind::timer_cancel:
        instant(e, i, "cancel timer " + std::to_string(e.ref), "timer");
        break;
      case event_kind::io_register:
        instant(e, i, std::string("register ") + to_string(static_cast<io_op>(e.detail)), "io");
        break;
      case event_kind::io_ready:
        instant(e, i, std::string("ready ") + to_string(static_cast<io_op>(e.detail)), "io");
        break;
      case event_kind::park:
        park_at_[e.worker] = i;
        break;
      case event_kind::unpark: {
        const std::optional<trace_event> park = by_seq(e.cause);
        if (!park) break;
        auto it = park_at_.find(park->worker);
        if (it == park_at_.end()) break;
        json j = base("X", "park", "park", display_[it->second]);
        j["dur"] = to_us(at - display_[it->second]);
        j["tid"] = static_cast<int>(park->worker) + 1;
        j["args"] = event_args(*park);
        output_.push_back(std::move(j));
        park_at_.erase(it);
        break;
      }
      case event_kind::select_drop:
        instant(e, i, "select drops branch " + std::to_string(e.arg), "select");
        break;
      case event_kind::deadlock:
        instant(e, i, "deadlock", "runtime", "g");
        break;
      case event_kind::budget_exhausted:
        instant(e, i, "event budget exhausted", "runtime", "g");
        break;
      case event_kind::coop_exhausted:
        instant(e, i, "coop budget exhausted", "task");
        break;
      case event_kind::steal:
        worker_instant(e, i,
                       "steal " + std::to_string(e.arg) + " from " +
                           to_string(static_cast<queue_kind>(e.detail)),
                       "scheduler");
        break;
      case event_kind::queue_overflow:
        worker_instant(e, i, "overflow of " + std::to_string(e.arg) + " to inject", "scheduler");
        break;
      case event_kind::search_begin:
        worker_instant(e, i, "search begins", "scheduler");
        break;
      case event_kind::search_end:
        worker_instant(e, i, "search ends", "scheduler");
        break;
      case event_kind::batch_begin:
        worker_instant(e, i, "batch of " + std::to_string(e.arg), "scheduler");
        break;
      case event_kind::batch_end:
        worker_instant(e, i, "batch end", "scheduler");
        break;
      case event_kind::pend:
        worker_instant(e, i, "pend", "scheduler");
        break;
      case event_kind::spawn_failed:
        instant(e, i, "spawn failed: pool full", "task");
        break;
      case event_kind::output:
        instant(e, i, "printed", "output");
        break;
      case event_kind::waker_clone:
      case event_kind::waker_drop:
        // Reference counting only: too dense to draw, and the NDJSON trace keeps them.
        break;
    }
  }

  void counter(const trace_event& e, std::uint64_t at) {
    json j = base("C", "run queue", "queue", at);
    j["args"] = {{"depth", e.arg}};
    output_.push_back(std::move(j));
  }

  void flow_start(const trace_event& e, std::uint64_t at, const char* cat) {
    json j = base("s", cat, cat, at);
    j["tid"] = track();
    j["id"] = e.seq;
    output_.push_back(std::move(j));
  }

  // A trace cut short (budget) may leave tasks without task_end; close them at the last event.
  void close_open_tasks() {
    if (events_.empty()) return;
    for (std::uint32_t task : open_tasks_) {
      json j = base("e", task_name(task), "task", display_.back());
      j["id"] = task;
      output_.push_back(std::move(j));
    }
  }

  const json& header_;
  const trace_recorder& trace_;
  const event_log& events_;
  std::vector<std::uint64_t> display_;  ///< Drawing time in ns, by event index.
  std::uint32_t max_worker_ = 0;
  int driver_tid_ = 2;
  int open_poll_tid_ = 0;
  std::unordered_map<std::uint32_t, std::string> task_names_;
  std::unordered_map<std::uint64_t, std::size_t> poll_end_of_;     ///< poll_begin seq -> index.
  std::unordered_map<std::uint64_t, std::uint64_t> flow_target_;   ///< source seq -> poll_begin.
  std::unordered_map<std::uint64_t, std::uint64_t> flow_of_poll_;  ///< poll_begin -> source.
  std::unordered_map<std::uint16_t, std::size_t> park_at_;         ///< worker -> park index.
  std::vector<std::uint32_t> open_tasks_;
  std::vector<json> output_;
};

}  // namespace

void write_chrome_trace(std::ostream& out, const trace_header& header,
                        const trace_recorder& trace) {
  write_chrome_trace(out, header_json(header), trace);
}

void write_chrome_trace(std::ostream& out, const nlohmann::ordered_json& header,
                        const trace_recorder& trace) {
  chrome_builder(header, trace).write(out);
}

}  // namespace wakeline
