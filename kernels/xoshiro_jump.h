#pragma once
// Jump polynomials of the xoshiro256 generators, for contract::xoshiro256_jump.
#include <cstdint>

#include "volley/contract/xoshiro_jump.hpp"

namespace volley::kernels {

/// x^steps mod P, P the characteristic polynomial of the xoshiro256 state transition:
/// applied with contract::xoshiro256_jump, it advances a state by exactly `steps` steps.
contract::XoshiroJumpPolynomial xoshiro_jump_polynomial(std::uint64_t steps);

/// x^(2^log2_steps) mod P: the jump of 2^log2_steps steps (log2_steps = 128 gives the
/// reference jump(), 192 its long_jump()).
contract::XoshiroJumpPolynomial xoshiro_jump_polynomial_pow2(unsigned log2_steps);

}  // namespace volley::kernels
