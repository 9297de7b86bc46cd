#include "timer_wheel.hpp"

#include <bit>
#include <cassert>

namespace wakeline::detail {

namespace {
constexpr std::uint64_t slot_mask = timer_wheel::slots_per_level - 1;

constexpr std::uint64_t slot_range(unsigned level) {
  return std::uint64_t{1} << (6 * level);
}
constexpr std::uint64_t level_range(unsigned level) {
  return std::uint64_t{1} << (6 * (level + 1));
}
}  // namespace

timer_wheel::node_id timer_wheel::allocate() {
  if (!free_.empty()) {
    node_id id = free_.back();
    free_.pop_back();
    nodes_[id] = node{};
    return id;
  }
  nodes_.emplace_back();
  return static_cast<node_id>(nodes_.size() - 1);
}

void timer_wheel::release(node_id id) {
  assert(!nodes_[id].queued);
  free_.push_back(id);
}

unsigned timer_wheel::level_for(std::uint64_t elapsed, std::uint64_t when) {
  // The highest bit in which `elapsed` and `when` differ picks the level; the low six bits are
  // masked in so that level 0 is the answer for deadlines within the current 64 ms.
  std::uint64_t masked = (elapsed ^ when) | slot_mask;
  if (masked >= max_duration) masked = max_duration - 1;
  unsigned significant = 63 - static_cast<unsigned>(std::countl_zero(masked));
  return significant / 6;
}

bool timer_wheel::insert(node_id id, std::uint64_t when) {
  if (when <= elapsed_) return false;
  nodes_[id].when = when;
  add_to_level(id, level_for(elapsed_, when));
  ++queued_;
  return true;
}

void timer_wheel::add_to_level(node_id id, unsigned lvl) {
  node& n = nodes_[id];
  unsigned slot = static_cast<unsigned>((n.when >> (6 * lvl)) & slot_mask);
  n.level = static_cast<std::uint8_t>(lvl);
  n.slot = static_cast<std::uint8_t>(slot);
  n.queued = true;
  n.pending = false;
  push_front(levels_[lvl].slots[slot], id);
  levels_[lvl].occupied |= std::uint64_t{1} << slot;
}

void timer_wheel::remove(node_id id) {
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

std::optional<timer_wheel::expiration> timer_wheel::next_expiration_in(unsigned lvl) const {
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

std::optional<timer_wheel::expiration> timer_wheel::next_expiration_slot() const {
  if (pending_.tail != no_node) return expiration{0, 0, elapsed_};
  for (unsigned lvl = 0; lvl < num_levels; ++lvl) {
    if (auto e = next_expiration_in(lvl)) return e;
  }
  return std::nullopt;
}

std::optional<std::uint64_t> timer_wheel::next_expiration() const {
  if (auto e = next_expiration_slot()) return e->deadline;
  return std::nullopt;
}

void timer_wheel::process_expiration(const expiration& exp) {
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

std::optional<timer_wheel::node_id> timer_wheel::poll(std::uint64_t now) {
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

void timer_wheel::push_front(list& l, node_id id) {
  node& n = nodes_[id];
  n.prev = no_node;
  n.next = l.head;
  if (l.head != no_node) nodes_[l.head].prev = id;
  l.head = id;
  if (l.tail == no_node) l.tail = id;
}

timer_wheel::node_id timer_wheel::pop_back(list& l) {
  node_id id = l.tail;
  if (id != no_node) unlink(l, id);
  return id;
}

void timer_wheel::unlink(list& l, node_id id) {
  node& n = nodes_[id];
  if (n.prev != no_node) nodes_[n.prev].next = n.next; else l.head = n.next;
  if (n.next != no_node) nodes_[n.next].prev = n.prev; else l.tail = n.prev;
  n.prev = n.next = no_node;
}

}  // namespace wakeline::detail
