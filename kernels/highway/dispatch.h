#pragma once
// Calls one target's entry of a HWY_EXPORT table directly. Unlike HWY_DYNAMIC_DISPATCH this
// touches no process-wide state, so calls on different targets may run at the same time.
// Include after hwy/highway.h, inside `#if HWY_ONCE`; kernels only (it speaks Highway).
#include <bit>
#include <cstddef>
#include <cstdint>
#include <stdexcept>

namespace volley::kernels {

// Same bit arithmetic as hwy::ChosenTarget::GetIndex, for a single target.
inline std::size_t dispatch_index(std::int64_t target) {
  const auto mask = static_cast<std::uint64_t>(
      (HWY_CHOSEN_TARGET_SHIFT(target) | HWY_CHOSEN_TARGET_MASK_SCALAR) &
      HWY_CHOSEN_TARGET_MASK_TARGETS);
  return hwy::Num0BitsBelowLS1Bit_Nonzero64(mask);
}

template <typename Fn>
Fn* dispatch_entry(Fn* const* table, std::int64_t target) {
  // One compiled target's bit: any other bit would land on the table's scalar entry.
  const bool compiled = std::has_single_bit(static_cast<std::uint64_t>(target)) && (target & HWY_TARGETS) != 0;
  Fn* fn = compiled ? table[dispatch_index(target)] : nullptr;
  if (fn == nullptr) throw std::invalid_argument("kernel not compiled for the requested target");
  return fn;
}

}  // namespace volley::kernels

#define VOLLEY_DISPATCH(FUNC_NAME, target) \
  (*::volley::kernels::dispatch_entry(HWY_DISPATCH_TABLE(FUNC_NAME), (target)))
