// Expected values come from the published reference C code of xoshiro256++ and SplitMix64.
#include <catch2/catch.hpp>

#include <random>

#include "volley/xoshiro.hpp"

using volley::Xoshiro256pp;

TEST_CASE("xoshiro256++ next() matches the reference output") {
  Xoshiro256pp rng({1, 2, 3, 4});
  const std::uint64_t expected[] = {0x0000000002800001ULL, 0x0000000003800067ULL, 0x000cc00003800067ULL,
                                    0x000cc201994400b2ULL, 0x8012a2019ac433cdULL, 0x8a69978acdee33baULL};
  for (const auto e : expected) CHECK(rng.next() == e);
  for (int i = 0; i < 999994; ++i) rng();
  CHECK(rng.next() == 0x2b62c8853564dfd4ULL);  // output number 1,000,001
}

TEST_CASE("xoshiro256++ jump() and long_jump() match the reference") {
  Xoshiro256pp rng({1, 2, 3, 4});
  rng.jump();
  CHECK(rng.state() == Xoshiro256pp::State{0x8c7a153956b5f3d1ULL, 0x701f1a713401d85eULL,
                                           0x6527f66a65469085ULL, 0x8386b786c4408050ULL});
  CHECK(rng.next() == 0xec879073673df437ULL);
  CHECK(rng.next() == 0x20d212a39aca1eaaULL);
  CHECK(rng.next() == 0xc19d712a27e40f57ULL);

  Xoshiro256pp far({1, 2, 3, 4});
  far.long_jump();
  CHECK(far.next() == 0xb5c4ea370b330bf5ULL);
  CHECK(far.next() == 0x5173cc693c0fa533ULL);
  CHECK(far.next() == 0x1dc5df0151f7b491ULL);
}

TEST_CASE("SplitMix64 and seeding from one word match the reference") {
  volley::SplitMix64 sm{0};
  CHECK(sm.next() == 0xe220a8397b1dcdafULL);
  CHECK(sm.next() == 0x6e789e6aa1b965f4ULL);
  CHECK(sm.next() == 0x06c45d188009454fULL);

  Xoshiro256pp rng(std::uint64_t{42});
  CHECK(rng.state() == Xoshiro256pp::State{0xbdd732262feb6e95ULL, 0x28efe333b266f103ULL,
                                           0x47526757130f9f52ULL, 0x581ce1ff0e4ae394ULL});
  CHECK(rng.next() == 0xd0764d4f4476689fULL);
  CHECK(rng.next() == 0x519e4174576f3791ULL);
  CHECK(rng.next() == 0xfbe07cfb0c24ed8cULL);
}

TEST_CASE("xoshiro256++ rejects the all-zero state and works with <random>") {
  CHECK_THROWS_WITH(Xoshiro256pp(Xoshiro256pp::State{0, 0, 0, 0}), Catch::Contains("all zero"));
  static_assert(std::uniform_random_bit_generator<Xoshiro256pp>);
  Xoshiro256pp rng(std::uint64_t{7});
  std::uniform_int_distribution<int> die(1, 6);
  for (int i = 0; i < 1000; ++i) {
    const int roll = die(rng);
    REQUIRE((roll >= 1 && roll <= 6));
  }
}
