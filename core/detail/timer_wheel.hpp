// Hierarchical timer wheel with tokio's geometry (tokio 1.24, runtime/time/wheel):
//
//   level | slot width | level span
//   ------+------------+-----------
//     0   |   1 ms     |   64 ms
//     1   |  64 ms     |  ~4 s
//     2   | ~4 s       |  ~4 min
//     3   | ~4 min     |  ~4.5 h
//     4   | ~4.5 h     |  ~12 days
//     5   | ~12 days   |  ~2 years
//
// Times are in ticks of 1 ms. An entry sits at the level whose span separates its deadline
// from `elapsed`; when a slot of a higher level expires, its entries cascade down until they
// reach level 0. Entries that share a slot expire in the order they were inserted.
//
// Each node carries a `Payload` next to its links: the runtime keeps a timer's waker there, so
// that arming and firing a timer touch one node rather than a node and a separate record.
#pragma once

#include <bit>
#include <cassert>
#include <cstdint>
#include <optional>
#include <vector>

namespace wakeline::detail {

/// Node ids of every timer wheel, and the id of no node.
using timer_node_id = std::uint32_t;
inline constexpr timer_node_id no_timer_node = ~timer_node_id{0};

/// For a wheel whose nodes carry nothing but their deadline.
struct no_payload {};

template <class Payload = no_payload>
class timer_wheel {
 public:
  static constexpr unsigned num_levels = 6;
  static constexpr unsigned slots_per_level = 64;
  /// The largest distance from `elapsed` the wheel can represent; later deadlines are clamped.
  static constexpr std::uint64_t max_duration = (std::uint64_t{1} << (6 * num_levels)) - 1;

  using node_id = timer_node_id;
  static constexpr node_id no_node = no_timer_node;

  /// A fresh node, not yet in the wheel.
  node_id allocate();
  /// Gives a node back; it must not be queued.
  void release(node_id id);

  /// Queues `id` to expire at tick `when`. Returns false, queuing nothing, if `when` has passed.
  bool insert(node_id id, std::uint64_t when);
  /// Takes `id` out of the wheel if it is queued.
  void remove(node_id id);
  bool queued(node_id id) const { return nodes_[id].queued; }
  /// The tick `id` was queued for.
  std::uint64_t when(node_id id) const { return nodes_[id].when; }
  /// What the owner keeps with node `id`; reset to `Payload{}` by allocate().
  Payload& payload(node_id id) { return nodes_[id].payload; }
  const Payload& payload(node_id id) const { return nodes_[id].payload; }

  /// The tick of the next slot to process, if any. For a slot above level 0 that is the slot's
  /// start, where its entries cascade down; the executor may wake there with nothing to fire,
  /// as tokio's driver does.
  std::optional<std::uint64_t> next_expiration() const;
  /// Returns one entry whose deadline is at or before `now`, advancing `elapsed` towards `now`.
  std::optional<node_id> poll(std::uint64_t now);

  std::uint64_t elapsed() const { return elapsed_; }
  std::size_t size() const { return queued_; }
  bool empty() const { return queued_ == 0; }

 private:
  struct node {
    std::uint64_t when = 0;
    node_id prev = no_node;
    node_id next = no_node;
    std::uint8_t level = 0;
    std::uint8_t slot = 0;
    bool queued = false;
    bool pending = false;  ///< In the expired list rather than in a slot.
    [[no_unique_address]] Payload payload{};
  };
  /// A doubly linked list: insertion at the head, removal of the oldest at the tail.
  struct list {
    node_id head = no_node;
    node_id tail = no_node;
  };
  struct level {
    std::uint64_t occupied = 0;  ///< Bit n set when slot n is not empty.
    list slots[slots_per_level];
  };
  struct expiration {
    unsigned level;
    unsigned slot;
    std::uint64_t deadline;
  };

  static constexpr std::uint64_t slot_mask = slots_per_level - 1;
  static constexpr std::uint64_t slot_range(unsigned level) {
    return std::uint64_t{1} << (6 * level);
  }
  static constexpr std::uint64_t level_range(unsigned level) {
    return std::uint64_t{1} << (6 * (level + 1));
  }

  static unsigned level_for(std::uint64_t elapsed, std::uint64_t when);
  std::optional<expiration> next_expiration_in(unsigned level) const;
  std::optional<expiration> next_expiration_slot() const;
  void add_to_level(node_id id, unsigned level);
  void process_expiration(const expiration& exp);
  void push_front(list& l, node_id id);
  node_id pop_back(list& l);
  void unlink(list& l, node_id id);

  std::vector<node> nodes_;
  std::vector<node_id> free_;
  level levels_[num_levels];
  list pending_;
  std::uint64_t elapsed_ = 0;
  std::size_t queued_ = 0;
};

template <class Payload>
typename timer_wheel<Payload>::node_id timer_wheel<Payload>::allocate() {
  if (!free_.empty()) {
    node_id id = free_.back();
    free_.pop_back();
    nodes_[id] = node{};
    return id;
  }
  nodes_.emplace_back();
  return static_cast<node_id>(nodes_.size() - 1);
}

template <class Payload>
void timer_wheel<Payload>::release(node_id id) {
  assert(!nodes_[id].queued);
  free_.push_back(id);
}

template <class Payload>
unsigned timer_wheel<Payload>::level_for(std::uint64_t elapsed, std::uint64_t when) {
  // The highest bit in which `elapsed` and `when` differ picks the level; the low six bits are
  // masked in so that level 0 is the answer for deadlines within the current 64 ms.
  std::uint64_t masked = (elapsed ^ when) | slot_mask;
  if (masked >= max_duration) masked = max_duration - 1;
  unsigned significant = 63 - static_cast<unsigned>(std::countl_zero(masked));
  return significant / 6;
}

template <class Payload>
bool timer_wheel<Payload>::insert(node_id id, std::uint64_t when) {
  if (when <= elapsed_) return false;
  nodes_[id].when = when;
  add_to_level(id, level_for(elapsed_, when));
  ++queued_;
  return true;
}

template <class Payload>
void timer_wheel<Payload>::add_to_level(node_id id, unsigned lvl) {
  node& n = nodes_[id];
  unsigned slot = static_cast<unsigned>((n.when >> (6 * lvl)) & slot_mask);
  n.level = static_cast<std::uint8_t>(lvl);
  n.slot = static_cast<std::uint8_t>(slot);
  n.queued = true;
  n.pending = false;
  push_front(levels_[lvl].slots[slot], id);
  levels_[lvl].occupied |= std::uint64_t{1} << slot;
}

template <class Payload>
void timer_wheel<Payload>::remove(node_id id) {
  node& n = nodes_[id];
  if (!n.queued) return;
  if (n.pending) {
    unlink(pending_, id);
  } else {
    list& l = levels_[n.level].slots[n.slot];
    unlink(l, id);
    if (l.head == no_node) levels_[n.level].occupied &= ~(std::uint64_t{1} << n.slot);
  }
  n.queued = false;
  n.pending = false;
  --queued_;
}

template <class Payload>
std::optional<typename timer_wheel<Payload>::expiration> timer_wheel<Payload>::next_expiration_in(
    unsigned lvl) const {
  const level& l = levels_[lvl];
  if (l.occupied == 0) return std::nullopt;
  // Look for the first occupied slot at or after the one `elapsed` is in, wrapping around.
  unsigned now_slot = static_cast<unsigned>(elapsed_ / slot_range(lvl));
  std::uint64_t rotated = std::rotr(l.occupied, static_cast<int>(now_slot % slots_per_level));
  unsigned slot = (static_cast<unsigned>(std::countr_zero(rotated)) + now_slot) % slots_per_level;
  std::uint64_t level_start = elapsed_ & ~(level_range(lvl) - 1);
  std::uint64_t deadline = level_start + slot * slot_range(lvl);
  // Only the top level can hold a slot already passed: it belongs to the next rotation.
  if (deadline <= elapsed_) deadline += level_range(lvl);
  return expiration{lvl, slot, deadline};
}

template <class Payload>
std::optional<typename timer_wheel<Payload>::expiration>
timer_wheel<Payload>::next_expiration_slot() const {
  if (pending_.tail != no_node) return expiration{0, 0, elapsed_};
  for (unsigned lvl = 0; lvl < num_levels; ++lvl) {
    if (auto e = next_expiration_in(lvl)) return e;
  }
  return std::nullopt;
}

template <class Payload>
std::optional<std::uint64_t> timer_wheel<Payload>::next_expiration() const {
  if (auto e = next_expiration_slot()) return e->deadline;
  return std::nullopt;
}

template <class Payload>
void timer_wheel<Payload>::process_expiration(const expiration& exp) {
  level& l = levels_[exp.level];
  list entries = l.slots[exp.slot];
  l.slots[exp.slot] = list{};
  l.occupied &= ~(std::uint64_t{1} << exp.slot);
  // Oldest first, so entries that share a deadline keep their insertion order.
  for (node_id id = pop_back(entries); id != no_node; id = pop_back(entries)) {
    node& n = nodes_[id];
    if (n.when <= exp.deadline) {
      n.pending = true;
      push_front(pending_, id);
    } else {
      add_to_level(id, level_for(exp.deadline, n.when));
    }
  }
}

template <class Payload>
std::optional<typename timer_wheel<Payload>::node_id> timer_wheel<Payload>::poll(
    std::uint64_t now) {
  for (;;) {
    node_id id = pop_back(pending_);
    if (id != no_node) {
      nodes_[id].queued = false;
      nodes_[id].pending = false;
      --queued_;
      return id;
    }
    auto exp = next_expiration_slot();
    if (!exp || exp->deadline > now) {
      if (now > elapsed_) elapsed_ = now;
      return std::nullopt;
    }
    process_expiration(*exp);
    if (exp->deadline > elapsed_) elapsed_ = exp->deadline;
  }
}

template <class Payload>
void timer_wheel<Payload>::push_front(list& l, node_id id) {
  node& n = nodes_[id];
  n.prev = no_node;
  n.next = l.head;
  if (l.head != no_node) nodes_[l.head].prev = id;
  l.head = id;
  if (l.tail == no_node) l.tail = id;
}

template <class Payload>
typename timer_wheel<Payload>::node_id timer_wheel<Payload>::pop_back(list& l) {
  node_id id = l.tail;
  if (id != no_node) unlink(l, id);
  return id;
}

template <class Payload>
void timer_wheel<Payload>::unlink(list& l, node_id id) {
  node& n = nodes_[id];
  if (n.prev != no_node)
    nodes_[n.prev].next = n.next;
  else
    l.head = n.next;
  if (n.next != no_node)
    nodes_[n.next].prev = n.prev;
  else
    l.tail = n.prev;
  n.prev = n.next = no_node;
}

}  // namespace wakeline::detail
