#include "liveness.hpp"

#include <cstdint>
#include <vector>

#include "control_flow.hpp"

namespace wakeline::lang {

namespace {

// One set of slots per instruction, 64 slots to a word, all in one array: the analyses below
// run as the reader types (`check`), so a set is a few words ORed at once, never a vector.
class slot_sets {
 public:
  slot_sets(std::size_t instructions, std::size_t slots)
      : words_((slots + 63) / 64), bits_(instructions * words_, 0) {}

  std::uint64_t* at(std::size_t pc) { return bits_.data() + pc * words_; }
  const std::uint64_t* at(std::size_t pc) const { return bits_.data() + pc * words_; }
  std::size_t words() const { return words_; }

  bool test(std::size_t pc, std::size_t slot) const {
    return (at(pc)[slot / 64] >> (slot % 64)) & 1u;
  }

 private:
  std::size_t words_;
  std::vector<std::uint64_t> bits_;
};

void set_bit(std::uint64_t* set, std::size_t slot) {
  set[slot / 64] |= std::uint64_t{1} << (slot % 64);
}
void clear_bit(std::uint64_t* set, std::size_t slot) {
  set[slot / 64] &= ~(std::uint64_t{1} << (slot % 64));
}

// The slot an instruction reads (load, take, next_or_jump), or -1.
std::int64_t read_slot(const instruction& i) {
  switch (i.op) {
    case opcode::load:
    case opcode::take:
      return i.a;
    case opcode::next_or_jump:
      return i.b;
    default:
      return -1;
  }
}

// Backward liveness: for each instruction, the slots `uses` reads on some path after it before
// a store. Returns the live-out sets.
template <class Uses>
slot_sets live_after(const function_code& f, const Uses& uses) {
  const std::size_t n = f.code.size();
  slot_sets in(n, f.slots.size());
  slot_sets out(n, f.slots.size());
  const std::size_t words = in.words();
  std::vector<std::uint64_t> o(words);
  std::vector<std::size_t> next;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t pc = n; pc-- > 0;) {
      std::fill(o.begin(), o.end(), 0);
      successors(f, pc, next);
      for (std::size_t s : next) {
        const std::uint64_t* succ = in.at(s);
        for (std::size_t w = 0; w < words; ++w) o[w] |= succ[w];
      }
      std::uint64_t* live_out = out.at(pc);
      std::uint64_t* live_in = in.at(pc);
      for (std::size_t w = 0; w < words; ++w) live_out[w] = o[w];
      const instruction& ins = f.code[pc];
      if (ins.op == opcode::store) clear_bit(o.data(), ins.a);
      const std::int64_t used = uses(ins);
      if (used >= 0) set_bit(o.data(), static_cast<std::size_t>(used));
      for (std::size_t w = 0; w < words; ++w) {
        if (live_in[w] != o[w]) {
          live_in[w] = o[w];
          changed = true;
        }
      }
    }
  }
  return out;
}

// Forward: the slots that may hold a value after each instruction. A store fills a slot; a move
// out (take) or a drop empties it. A take of a Copy value leaves it full, but then a later read
// keeps it anyway, so treating every take as a move loses nothing.
slot_sets maybe_holding(const function_code& f) {
  const std::size_t n = f.code.size();
  slot_sets in(n, f.slots.size());
  slot_sets out(n, f.slots.size());
  const std::size_t words = in.words();
  for (std::uint32_t p = 0; p < f.params && p < f.slots.size(); ++p) {
    if (n > 0) set_bit(in.at(0), p);
  }
  std::vector<std::uint64_t> o(words);
  std::vector<std::size_t> next;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t pc = 0; pc < n; ++pc) {
      const std::uint64_t* held_in = in.at(pc);
      for (std::size_t w = 0; w < words; ++w) o[w] = held_in[w];
      const instruction& ins = f.code[pc];
      if (ins.op == opcode::store) set_bit(o.data(), ins.a);
      if (ins.op == opcode::take || ins.op == opcode::drop_slot) clear_bit(o.data(), ins.a);
      std::uint64_t* held_out = out.at(pc);
      for (std::size_t w = 0; w < words; ++w) {
        if (held_out[w] != o[w]) {
          held_out[w] = o[w];
          changed = true;
        }
      }
      successors(f, pc, next);
      for (std::size_t s : next) {
        std::uint64_t* succ = in.at(s);
        for (std::size_t w = 0; w < words; ++w) {
          if ((o[w] & ~succ[w]) != 0) {
            succ[w] |= o[w];
            changed = true;
          }
        }
      }
    }
  }
  return out;
}

}  // namespace

void compute_suspend_liveness(function_code& f) {
  // A state keeps a local that is read after the await, or that still holds a value to drop
  // at the end of its scope (a guard, a sender) and was not moved away before. Dropping a
  // Copy value does nothing: that alone keeps nothing.
  const slot_sets reads = live_after(f, read_slot);
  const slot_sets drops = live_after(f, [&f](const instruction& i) -> std::int64_t {
    if (i.op != opcode::drop_slot || f.slots[i.a].trivial_drop) return -1;
    return i.a;
  });
  const slot_sets holding = maybe_holding(f);
  for (std::size_t pc = 0; pc < f.code.size(); ++pc) {
    if (f.code[pc].op != opcode::await_) continue;
    suspend_point& sp = f.suspends[f.code[pc].a];
    sp.kept.clear();
    for (std::size_t k = 0; k < f.slots.size(); ++k) {
      if (reads.test(pc, k) || (drops.test(pc, k) && holding.test(pc, k))) {
        sp.kept.push_back(static_cast<std::uint32_t>(k));
      }
    }
  }
}

}  // namespace wakeline::lang
