#pragma once
// Whether the target being compiled has AVX-512: AVX3 and every later x86 target, which
// Highway numbers lower. For code that pays only with native masks, compress and 64-bit
// min/max. Include after hwy/highway.h; it is re-evaluated in each target's pass.
#define VOLLEY_TARGET_HAS_AVX512 (HWY_ARCH_X86 && HWY_TARGET <= HWY_AVX3)
