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
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace wakeline::detail {

class timer_wheel {
 public:
  static constexpr unsigned num_levels = 6;
  static constexpr unsigned slots_per_level = 64;
  /// The largest distance from `elapsed` the wheel can represent; later deadlines are clamped.
  static constexpr std::uint64_t max_duration = (std::uint64_t{1} << (6 * num_levels)) - 1;

  using node_id = std::uint32_t;
  static constexpr node_id no_node = ~node_id{0};

  /// A fresh node, not yet in the wheel.
  node_id allocate();
  /// Gives a node back; it must not be queued.
  void release(node_id id);

  /// Queues `id` to expire at tick `when`. Returns false, queuing nothing, if `when` has passed.
  bool insert(node_id id, std::uint64_t when);
  /// Takes `id` out of the wheel if it is queued.
  void remove(node_id id);
  bool queued(node_id id) const { return nodes_[id].queued; }

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

}  // namespace wakeline::detail
