// Deterministic Miller-Rabin below 2^32 (bases 2, 7 and 61 suffice below 4759123141, as in
// the scalar test), in 64-bit lanes with 32-bit Montgomery arithmetic (R = 2^32): every
// product is one 32 x 32 -> 64-bit MulEven. First the multiples of the primes 3..61 are
// rejected lane by lane and the rest (about a quarter of odd numbers) compressed into a list;
// then the list is tested, four vectors at a time, since one vector's squarings form a
// dependency chain; each lane has its own modulus and exponent, whose bits select products
// lane by lane. Only AVX-512 has the native compress and 64-bit min this needs: measured
// (volley-micro's BM_PrimeBatch) slower than the scalar test on the other targets, which
// leave every number to it.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/miller_rabin32.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

#include <array>

#include "kernels/highway/avx512.h"
#include "kernels/miller_rabin32.h"
#include "kernels/prime_config.h"
#include "kernels/small_primes.h"
#include "volley/contract/miller_rabin.hpp"
#include "volley/contract/montgomery.hpp"

HWY_BEFORE_NAMESPACE();
namespace volley::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;
using kernels::kFirstVectorTested;
using kernels::kUndecided;

#if VOLLEY_TARGET_HAS_AVX512
namespace {

using D = hn::ScalableTag<std::uint64_t>;
using V = hn::Vec<D>;
constexpr int kWays = prime_config::kVectorWays;

// a * b / R mod n for a, b < n < 2^32, with ninv = -1/n mod 2^32.
HWY_INLINE V MulMod(V a, V b, V n, V ninv) {
  const D d;
  const hn::Repartition<std::uint32_t, D> d32;
  const V t = hn::MulEven(hn::BitCast(d32, a), hn::BitCast(d32, b));
  const V m = hn::MulEven(hn::BitCast(d32, t), hn::BitCast(d32, ninv));  // low 32 bits used
  const V mn = hn::MulEven(hn::BitCast(d32, m), hn::BitCast(d32, n));
  // The low halves of t and mn add up to 0 mod 2^32, with a carry unless both are 0.
  const V carry = hn::VecFromMask(d, hn::Ne(hn::And(t, hn::Set(d, 0xFFFFFFFFu)), hn::Zero(d)));
  const V u = hn::Sub(hn::Add(hn::ShiftRight<32>(t), hn::ShiftRight<32>(mn)), carry);  // < 2n
  return hn::Min(u, hn::Sub(u, n));  // u - n wraps around when u < n
}

HWY_INLINE V AddMod(V a, V b, V n) {
  const V s = hn::Add(a, b);
  return hn::Min(s, hn::Sub(s, n));
}

// The state of one vector of moduli.
struct Moduli {
  V n, ninv, one, minus_one, d, s;
};

Moduli Setup(V n) {
  const D d;
  const hn::Repartition<std::uint32_t, D> d32;
  const hn::Repartition<std::int64_t, D> di;
  const hn::Repartition<double, D> df;
  Moduli l;
  l.n = n;
  V inv = n;  // 1/n mod 2^32 by contract::newton_inverse's iteration, in 32 x 32-bit products
  for (int i = 0; i < contract::newton_steps(32); ++i) {
    const V nx = hn::MulEven(hn::BitCast(d32, n), hn::BitCast(d32, inv));
    inv = hn::MulEven(hn::BitCast(d32, inv), hn::BitCast(d32, hn::Sub(hn::Set(d, 2), nx)));
  }
  l.ninv = hn::Sub(hn::Zero(d), inv);
  // one = 2^32 mod n, from a floating-point quotient corrected by one step either way.
  const V q = hn::BitCast(d, hn::ConvertTo(di, hn::Floor(hn::Div(hn::Set(df, 4294967296.0),
                                                                   hn::ConvertTo(df, hn::BitCast(di, n))))));
  V r = hn::Sub(hn::Set(d, std::uint64_t{1} << 32), hn::MulEven(hn::BitCast(d32, q), hn::BitCast(d32, n)));
  r = hn::IfThenElse(hn::RebindMask(d, hn::Lt(hn::BitCast(di, r), hn::Zero(di))), hn::Add(r, n), r);
  l.one = hn::Min(r, hn::Sub(r, n));
  l.minus_one = hn::Sub(n, l.one);
  // n - 1 = d * 2^s with d odd: s counts the zeros below the lowest set bit.
  const V even = hn::Sub(n, hn::Set(d, 1));
  l.s = hn::PopulationCount(hn::Sub(hn::And(even, hn::Sub(hn::Zero(d), even)), hn::Set(d, 1)));
  l.d = hn::Shr(even, l.s);
  return l;
}

// Whether each lane passes the strong probable-prime test to the small base `base` (< 128).
void StrongProbablePrime(const Moduli (&l)[kWays], std::uint64_t base, hn::Mask<D> (&pass)[kWays]) {
  const D d;
  V x[kWays], b[kWays], e[kWays];
  for (int k = 0; k < kWays; ++k) {
    V form = hn::Zero(d);  // base * R mod n, by doubling and adding
    for (int bit = 6; bit >= 0; --bit) {
      form = AddMod(form, form, l[k].n);
      if ((base >> bit) & 1) form = AddMod(form, l[k].one, l[k].n);
    }
    x[k] = l[k].one;
    b[k] = form;
    e[k] = l[k].d;
  }
  for (;;) {  // x = base^d, from the low bits of d up
    bool more = false;
    for (int k = 0; k < kWays; ++k) {
      const auto odd = hn::Ne(hn::And(e[k], hn::Set(d, 1)), hn::Zero(d));
      x[k] = hn::IfThenElse(odd, MulMod(x[k], b[k], l[k].n, l[k].ninv), x[k]);
      b[k] = MulMod(b[k], b[k], l[k].n, l[k].ninv);
      e[k] = hn::ShiftRight<1>(e[k]);
      more |= !hn::AllTrue(d, hn::Eq(e[k], hn::Zero(d)));
    }
    if (!more) break;
  }
  for (int k = 0; k < kWays; ++k) pass[k] = hn::Or(hn::Eq(x[k], l[k].one), hn::Eq(x[k], l[k].minus_one));
  for (std::uint64_t r = 1;; ++r) {  // x^(2^r) = -1 for some r < s
    bool more = false;
    for (int k = 0; k < kWays; ++k) {
      const auto open = hn::AndNot(pass[k], hn::Lt(hn::Set(d, r), l[k].s));
      if (hn::AllFalse(d, open)) continue;
      more = true;
      x[k] = MulMod(x[k], x[k], l[k].n, l[k].ninv);
      pass[k] = hn::Or(pass[k], hn::And(open, hn::Eq(x[k], l[k].minus_one)));
    }
    if (!more) break;
  }
}

// Tests the odd numbers in [kFirstVectorTested, 2^32) with no prime factor up to 61.
void TestCandidates(const std::uint64_t* numbers, const std::uint64_t* index, std::size_t count, std::uint8_t* flags) {
  const D d;
  const std::size_t lanes = hn::Lanes(d), step = kWays * lanes;
  HWY_ALIGN std::uint64_t padded[kWays * HWY_MAX_BYTES / sizeof(std::uint64_t)];
  HWY_ALIGN std::uint64_t prime[kWays * HWY_MAX_BYTES / sizeof(std::uint64_t)];
  for (std::size_t i = 0; i < count; i += step) {
    const std::size_t len = count - i < step ? count - i : step;
    for (std::size_t j = 0; j < step; ++j) padded[j] = j < len ? numbers[index[i + j]] : kFirstVectorTested;
    Moduli l[kWays];
    hn::Mask<D> prime_so_far[kWays], pass[kWays];
    for (int k = 0; k < kWays; ++k) {
      l[k] = Setup(hn::Load(d, padded + k * lanes));
      prime_so_far[k] = hn::FirstN(d, lanes);
    }
    for (int b = 0; b < contract::kJaeschkeBases; ++b) {
      bool any = false;  // lane that may still be prime
      for (int k = 0; k < kWays; ++k) any |= !hn::AllFalse(d, prime_so_far[k]);
      if (!any) break;
      StrongProbablePrime(l, contract::jaeschke_base(b), pass);
      for (int k = 0; k < kWays; ++k) prime_so_far[k] = hn::And(prime_so_far[k], pass[k]);
    }
    for (int k = 0; k < kWays; ++k) hn::Store(hn::VecFromMask(d, prime_so_far[k]), d, prime + k * lanes);
    for (std::size_t j = 0; j < len; ++j) flags[index[i + j]] = prime[j] != 0;
  }
}

// p^-1 mod 2^32 and (2^32 - 1) / p for the odd primes below kFirstVectorTested (3 .. 61):
// n is a multiple of p iff n * p^-1 mod 2^32 <= (2^32 - 1) / p.
struct Divisor {
  std::uint32_t inverse, limit;
};
constexpr auto kDivisors = [] {
  constexpr auto& primes = kernels::kPrimesBelow<kFirstVectorTested>;  // 2, 3, ..., 61
  std::array<Divisor, primes.size() - 1> divisors{};
  for (std::size_t i = 1; i < primes.size(); ++i)
    divisors[i - 1] = {contract::newton_inverse<32>(primes[i]), 0xFFFFFFFFu / primes[i]};
  return divisors;
}();

}  // namespace

void IsPrimeU32(const std::uint64_t* numbers, std::size_t count, std::uint8_t* flags) {
  const D d;
  const hn::Repartition<std::uint32_t, D> d32;
  const std::size_t lanes = hn::Lanes(d);
  constexpr std::size_t kBatch = prime_config::kVectorBatch;
  HWY_ALIGN std::uint64_t padded[HWY_MAX_BYTES / sizeof(std::uint64_t)];
  std::uint64_t index[kBatch + HWY_MAX_BYTES / sizeof(std::uint64_t)];
  for (std::size_t first = 0; first < count; first += kBatch) {
    const std::size_t batch = count - first < kBatch ? count - first : kBatch;
    std::size_t candidates = 0;
    for (std::size_t i = 0; i < batch; i += lanes) {
      const std::size_t len = batch - i < lanes ? batch - i : lanes;
      for (std::size_t j = 0; j < lanes; ++j) padded[j] = j < len ? numbers[first + i + j] : 0;
      const V n = hn::Load(d, padded);
      const auto valid = hn::And(hn::And(hn::Lt(hn::Set(d, kFirstVectorTested - 1), n), hn::Lt(n, hn::Set(d, std::uint64_t{1} << 32))),
                                 hn::Ne(hn::And(n, hn::Set(d, 1)), hn::Zero(d)));
      auto divisible = hn::FirstN(d, 0);  // none yet
      for (const Divisor& p : kDivisors) {
        const V low = hn::And(hn::MulEven(hn::BitCast(d32, n), hn::BitCast(d32, hn::Set(d, p.inverse))),
                              hn::Set(d, 0xFFFFFFFFu));
        divisible = hn::Or(divisible, hn::Not(hn::Lt(hn::Set(d, p.limit), low)));
      }
      // Multiples of small primes are composite; numbers out of range are left undecided.
      hn::Store(hn::IfThenElse(valid, hn::Zero(d), hn::Set(d, kUndecided)), d, padded);
      for (std::size_t j = 0; j < len; ++j) flags[first + i + j] = static_cast<std::uint8_t>(padded[j]);
      candidates += hn::CompressStore(hn::Iota(d, first + i), hn::AndNot(divisible, valid), d, index + candidates);
    }
    TestCandidates(numbers, index, candidates, flags);
  }
}
#else
void IsPrimeU32(const std::uint64_t*, std::size_t count, std::uint8_t* flags) {
  for (std::size_t i = 0; i < count; ++i) flags[i] = kUndecided;  // no vectors: all one by one
}
#endif

}  // namespace volley::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "kernels/highway/dispatch.h"

namespace volley {
HWY_EXPORT(IsPrimeU32);

void kernels::is_prime_u32(std::int64_t target, const std::uint64_t* numbers, std::size_t count, std::uint8_t* flags) {
  VOLLEY_DISPATCH(IsPrimeU32, target)(numbers, count, flags);
}
}  // namespace volley
#endif
