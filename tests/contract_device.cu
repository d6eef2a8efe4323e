// Compiled, never run: the contract headers must build as CUDA device code, since the GPU
// kernels share these definitions with the host and the Highway kernels.
#include "volley/contract/integer.hpp"
#include "volley/contract/is_prime.hpp"
#include "volley/contract/midpoint_term.hpp"
#include "volley/contract/miller_rabin.hpp"
#include "volley/contract/monte_carlo_stream.hpp"
#include "volley/contract/xoshiro_jump.hpp"

using namespace volley::contract;

__global__ void use_every_definition(std::uint64_t* out) {
  const Xoshiro256State s = monte_carlo_lane_state(out[0], out[1], threadIdx.x % kMonteCarloLanes);
  std::uint64_t s0 = s.word[0], s1 = s.word[1], s2 = s.word[2], s3 = s.word[3];
  out[2] = monte_carlo_hit(xoshiro256pp_next(s0, s1, s2, s3));
  out[3] = midpoint_scaled_term(MidpointConstants(out[4]), out[5]);
  out[6] = miller_rabin(out[7] | 1);
  out[8] = isqrt(out[9]) + ceil_div(out[9], out[10] | 1);
  out[11] = newton_inverse<64>(out[12] | 1) + Montgomery64(out[13] | 1).to_form(out[14]);
  Xoshiro256State jumped = s;
  xoshiro256_jump(jumped, XoshiroJumpPolynomial{{out[15], out[16], out[17], out[18]}});
  out[19] = jumped.word[0] ^ jumped.word[3];
  out[20] = is_prime(out[21]);
}
