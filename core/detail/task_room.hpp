// A spawned async function's task cell and coroutine frame in one block.
//
// Every `async` frame is allocated with room in front of it for the task cell that would run it:
//
//   [ room_tag (16 B) ][ room: sizeof(task cell), rounded up to 16 ][ coroutine frame ]
//
// When the async is spawned, its cell is built in the room instead of in a block of its own:
// one allocation per spawn instead of two, and the header the executor reads lies next to the
// frame the poll resumes, rather than somewhere else in memory (tokio's task cell holds its
// future inline for the same reason). An async that is awaited rather than spawned leaves the
// room unused for as long as it runs.
//
// The two parts end at different times: the frame when the future is dropped (the task ends),
// the cell when its last reference goes (say, the join handle). The block is freed when the
// later of the two goes, which is always the cell: a task's future is dropped before its cell.
#pragma once

#include <cassert>
#include <cstddef>
#include <new>

#include "frame_pool.hpp"
#include "task.hpp"

namespace wakeline::detail {

/// True for futures whose frames are allocated with a room (async.hpp says which).
template <class F>
inline constexpr bool has_task_room = false;

/// The first 16 bytes of the block: what both parts need to know to free it.
struct room_tag {
  std::size_t block_bytes;  ///< The whole block, as allocated.
  bool cell_built;          ///< A task cell lives in the room.
  bool frame_gone;          ///< The coroutine frame was destroyed while the cell lived.
};
inline constexpr std::size_t room_tag_bytes = 16;
static_assert(sizeof(room_tag) <= room_tag_bytes);

/// The blocks of coroutines whose task cell type is `Cell`.
template <class Cell>
struct task_room {
  static_assert(alignof(Cell) <= room_tag_bytes);
  static constexpr std::size_t room_bytes = (sizeof(Cell) + 15) / 16 * 16;
  /// Where the frame starts in the block: aligned like operator new, as frames need.
  static constexpr std::size_t frame_offset = room_tag_bytes + room_bytes;

  /// A coroutine frame of `frame_bytes`, with an unused room in front.
  static void* allocate_frame(std::size_t frame_bytes) {
    const std::size_t block = frame_offset + frame_bytes;
    auto* start = static_cast<char*>(frame_pool::allocate(block));
    ::new (start) room_tag{block, false, false};
    return start + frame_offset;
  }

  /// The frame is destroyed: frees the block, unless a cell lives in its room.
  static void free_frame(void* frame) noexcept {
    room_tag* tag = tag_of(frame);
    if (tag->cell_built) {
      tag->frame_gone = true;
      return;
    }
    frame_pool::deallocate(tag, tag->block_bytes);
  }

  /// Builds the task cell in the room in front of `frame` (from allocate_frame).
  template <class F>
  static Cell* build_cell(void* frame, F&& future) {
    room_tag* tag = tag_of(frame);
    assert(!tag->cell_built);
    tag->cell_built = true;
    Cell* cell =
        ::new (reinterpret_cast<char*>(tag) + room_tag_bytes) Cell(std::forward<F>(future));
    cell->vtable = &table;
    return cell;
  }

 private:
  static room_tag* tag_of(void* frame) {
    return std::launder(reinterpret_cast<room_tag*>(static_cast<char*>(frame) - frame_offset));
  }

  /// The last reference to a cell built in a room went: the frame went before it.
  static void dealloc(task_header* task) {
    auto* cell = static_cast<Cell*>(task);
    room_tag* tag =
        std::launder(reinterpret_cast<room_tag*>(reinterpret_cast<char*>(cell) - room_tag_bytes));
    cell->~Cell();
    assert(tag->frame_gone);
    frame_pool::deallocate(tag, tag->block_bytes);
  }

  static constexpr task_vtable table{&Cell::poll_impl, &Cell::drop_future_impl, &dealloc};
};

}  // namespace wakeline::detail
