// Known prime counts come from published tables (pi(10^k)) and from primesieve.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <numeric>
#include <random>

#include "volley/primes.hpp"
#include "volley/targets.hpp"

using namespace volley;

namespace {
constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();  // 2^64 - 1

std::uint64_t count_by_is_prime(std::uint64_t from, std::uint64_t to) {
  std::uint64_t n = 0;
  for (std::uint64_t x = from; x < to; ++x) n += is_prime(x);
  return n;
}
}  // namespace

TEST_CASE("prime counts below powers of ten") {
  const std::uint64_t known[] = {4, 25, 168, 1229, 9592, 78498, 664579, 5761455, 50847534, 455052511};
  std::uint64_t limit = 1;
  for (int k = 1; k <= 10; ++k) {
    limit *= 10;
    INFO("pi(10^" << k << ")");
    CHECK(count_primes(0, limit) == known[k - 1]);
  }
}

TEST_CASE("prime counts of the tutorials' ranges") {
  CHECK(count_primes(100'000'000, 100'010'000) == 551);
  CHECK(count_primes(100'000'000, 100'100'000) == 5411);
  CHECK(count_primes(100'000'000, 101'000'000) == 54208);
  CHECK(count_primes(1'000'000'000, 1'000'100'000) == 4832);
  CHECK(count_primes(100'000'000'000, 100'000'100'000) == 4019);
  CHECK(count_primes(1'000'000'000'000, 1'000'000'010'000) == 335);  // tested number by number
}

TEST_CASE("prime counts far from 0, where large primes wait in buckets") {
  CHECK(count_primes(1'000'000'000'000'000, 1'000'000'010'000'000) == 289394);
  CHECK(count_primes(100'000'000'000'000'000, 100'000'000'100'000'000, {.threads = 3}) == 2555873);
  // Millions of sieving primes over several chunks: sieved in runs of consecutive chunks.
  for (const unsigned threads : {1u, 3u})
    CHECK(count_primes(10'000'000'000'000'000, 10'000'002'000'000'000, {.threads = threads}) == 54290341);
}

TEST_CASE("listed primes equal the reference sieve") {
  for (const auto& [from, to] : {std::pair<std::uint64_t, std::uint64_t>{0, 2'000'000}, {9'987'655, 10'054'321},
                                 {0, 300}, {250, 260}, {7'000'000, 7'000'001}}) {
    INFO("[" << from << ", " << to << ")");
    REQUIRE(primes_in(from, to) == primes_in_reference(from, to));
  }
  std::mt19937_64 rng(5);
  for (int i = 0; i < 20; ++i) {
    const std::uint64_t from = rng() % 20'000'000, to = from + rng() % 300'000;
    INFO("[" << from << ", " << to << ")");
    REQUIRE(primes_in(from, to, {.threads = 3}) == primes_in_reference(from, to));
  }
}

TEST_CASE("edge ranges: empty, one number, around 2^32, up to 2^64 - 1") {
  CHECK(count_primes(0, 0) == 0);
  CHECK(count_primes(100, 100) == 0);
  CHECK(primes_in(kMax, kMax).empty());
  CHECK(count_primes(7, 8) == 1);
  CHECK(count_primes(8, 9) == 0);
  CHECK(count_primes(1021, 1022) == 1);  // the last prime below the sieved range
  CHECK(count_primes(1024, 1032) == 1);  // the first sieved prime, 1031
  CHECK(count_primes(1000, 1100) == 16);
  CHECK(count_primes(4'294'967'291, 4'294'967'292) == 1);  // largest prime below 2^32
  CHECK(count_primes(4'294'867'296, 4'295'067'296) == 8938);
  CHECK(count_primes(kMax - 10'000, kMax) == 218);
  CHECK(count_primes(kMax - 100, kMax) == count_by_is_prime(kMax - 100, kMax));
  CHECK(primes_in(kMax - 200, kMax) == std::vector<std::uint64_t>{kMax - 188, kMax - 178, kMax - 94, kMax - 82, kMax - 58});
  CHECK(primes_in(kMax - 1'000'000, kMax).back() == kMax - 58);  // 2^64 - 59
}

TEST_CASE("is_prime agrees with the sieve and with trial division") {
  const auto primes = primes_in(0, 1'000'000);
  std::vector<bool> sieve(1'000'000, false);
  for (const auto p : primes) sieve[p] = true;
  for (std::uint64_t n = 0; n < sieve.size(); ++n) REQUIRE(is_prime(n) == sieve[n]);
  for (std::uint64_t n = 4'294'900'000; n < 4'295'000'000; ++n) REQUIRE(is_prime(n) == is_prime_trial_division(n));
  CHECK(count_by_is_prime(1'000'000'000, 1'000'100'000) == 4832);
}

TEST_CASE("is_prime on hard cases") {
  for (const std::uint64_t carmichael : {561ULL, 1105ULL, 1729ULL, 2465ULL, 2821ULL, 6601ULL, 8911ULL, 41041ULL,
                                         825265ULL, 321197185ULL, 5394826801ULL, 232250619601ULL, 9746347772161ULL})
    CHECK_FALSE(is_prime(carmichael));
  // Strong pseudoprimes to the bases 2..7, 2..11, 2..13, 2..17 and 2..23.
  for (const std::uint64_t spsp : {3215031751ULL, 2152302898747ULL, 3474749660383ULL, 341550071728321ULL,
                                   3825123056546413051ULL})
    CHECK_FALSE(is_prime(spsp));
  CHECK_FALSE(is_prime(4294967291ULL * 4294967291ULL));  // square of the largest 32-bit prime
  CHECK_FALSE(is_prime(4294967291ULL * 4294967279ULL));
  CHECK_FALSE(is_prime(65521ULL * 65521ULL));
  for (const std::uint64_t p : {kMax - 58, kMax - 82, kMax - 94, kMax - 178, kMax - 188, kMax - 256}) CHECK(is_prime(p));
  CHECK_FALSE(is_prime(kMax));
  CHECK_FALSE(is_prime(0));
  CHECK_FALSE(is_prime(1));
  CHECK(is_prime(2));
}

TEST_CASE("every target and thread count gives the same primes") {
  const std::uint64_t from = 1'000'000'000 - 12'345, to = 1'000'000'000 + 3'000'000;
  const auto expected = primes_in(from, to, {.threads = 1, .target = fallback_target().name()});
  REQUIRE(expected.size() == count_primes(from, to, {.threads = 1}));
  for (const Target t : supported_targets()) {
    for (const unsigned threads : {1u, 2u, 3u, 7u}) {
      INFO(t.name() << ", " << threads << " threads");
      REQUIRE(count_primes(from, to, {.threads = threads, .target = t.name()}) == expected.size());
      REQUIRE(primes_in(from, to, {.threads = threads, .target = t.name()}) == expected);
    }
  }
}

TEST_CASE("for_each_prime streams the primes in order") {
  std::vector<std::uint64_t> seen;
  for_each_prime(99'000'000, 101'000'000, [&](std::uint64_t p) { seen.push_back(p); }, {.threads = 3});
  CHECK(seen == primes_in(99'000'000, 101'000'000));
  CHECK(std::is_sorted(seen.begin(), seen.end()));
}

TEST_CASE("batch is_prime flags every input") {
  std::vector<std::uint64_t> numbers(1'000'000);
  std::iota(numbers.begin(), numbers.end(), 100'000'000);
  std::shuffle(numbers.begin(), numbers.end(), std::mt19937_64(1));
  numbers.push_back(kMax - 58);
  numbers.push_back(3825123056546413051ULL);
  for (const unsigned threads : {1u, 2u, 3u}) {
    std::vector<std::uint8_t> flags(numbers.size(), 7);
    is_prime(numbers, flags, {.threads = threads});
    CHECK(std::count(flags.begin(), flags.end(), 1) == 54208 + 1);
    for (std::size_t i = 0; i < numbers.size(); i += 997) REQUIRE(flags[i] == is_prime(numbers[i]));
  }
}

TEST_CASE("batch is_prime of sparse numbers equals the one-by-one test on every target") {
  std::vector<std::uint64_t> numbers;
  std::mt19937_64 rng(11);
  for (int i = 0; i < 20'000; ++i) numbers.push_back(rng() >> 32);  // below 2^32, too sparse to sieve
  for (std::uint64_t n = 0; n < 200; ++n) numbers.push_back(n);
  // Carmichael numbers, strong pseudoprimes to base 2 (2047 ... 4294049777) and to bases
  // 2, 3, 5, 7 (3215031751), squares of primes near 2^16, the largest primes below 2^32,
  // and numbers just above 2^32 (left to the one-by-one test).
  numbers.insert(numbers.end(), {561, 1105, 41041, 825265, 321197185, 2047, 3277, 4033, 4681, 8321, 25326001,
                                 4294049777, 3215031751, 4293001441, 4294836225, 4294967291, 4294967279,
                                 4294967295, 4294967296, 4294967311, kMax - 58});
  std::vector<std::uint8_t> expected(numbers.size());
  for (std::size_t i = 0; i < numbers.size(); ++i) expected[i] = is_prime(numbers[i]);
  CHECK(std::count(expected.begin(), expected.end(), 1) > 800);  // about 1 in 21 random numbers is prime
  for (const Target t : supported_targets()) {
    for (const unsigned threads : {1u, 3u}) {
      INFO(t.name() << ", " << threads << " threads");
      std::vector<std::uint8_t> flags(numbers.size(), 7);
      is_prime(numbers, flags, {.threads = threads, .target = t.name()});
      REQUIRE(flags == expected);
    }
  }
}

TEST_CASE("every method gives the same primes, near 0 and far from 0") {
  const std::pair<std::uint64_t, std::uint64_t> ranges[] = {
      {0, 1'000'000}, {1000, 1100}, {1'000'000'000, 1'000'300'000}, {1'000'000'000'000, 1'000'000'100'000},
      {1'000'000'000'000'000'000, 1'000'000'000'000'100'000}, {kMax - (1 << 20), kMax}};
  for (const auto& [from, to] : ranges) {
    INFO("[" << from << ", " << to << ")");
    const auto sieved = primes_in(from, to, {.threads = 3, .prime_method = PrimeMethod::Sieve});
    REQUIRE(primes_in(from, to, {.threads = 2, .prime_method = PrimeMethod::TestEach}) == sieved);
    REQUIRE(count_primes(from, to, {.threads = 3, .prime_method = PrimeMethod::TestEach}) == sieved.size());
    REQUIRE(count_primes(from, to, {.threads = 2, .prime_method = PrimeMethod::Sieve}) == sieved.size());
    REQUIRE(count_primes(from, to) == sieved.size());
  }
}

TEST_CASE("plan_primes tells which method a count uses") {
  constexpr std::uint64_t kE18 = 1'000'000'000'000'000'000;
  const PrimePlan tested = plan_primes(kE18, kE18 + 10'000, {.threads = 2});
  CHECK(tested.method == PrimeMethod::TestEach);
  CHECK(tested.sieving_limit == 0);
  CHECK(tested.test_seconds < tested.sieve_seconds);
  const PrimePlan sieved = plan_primes(kE18, kE18 + 249'000'000, {.threads = 2});  // once tested one by one: 10x slower
  CHECK(sieved.method == PrimeMethod::Sieve);
  CHECK(sieved.sieving_limit == 1'000'000'000);
  CHECK(sieved.sieve_seconds < sieved.test_seconds);
  CHECK(sieved.runs >= 1);
  CHECK(sieved.runs <= sieved.chunks);
  CHECK(plan_primes(kE18, kE18 + 10'000, {.prime_method = PrimeMethod::Sieve}).method == PrimeMethod::Sieve);
  CHECK(plan_primes(0, 100, {}).chunks == 0);  // below the sieved numbers: a table
  CHECK_THROWS_WITH(plan_primes(10, 5), Catch::Contains("from (10) is greater than to (5)"));
  CHECK_THROWS_WITH(plan_primes(0, 5, {.target = "nope"}), Catch::Contains("unknown target"));
}

TEST_CASE("bad prime requests throw with a message") {
  CHECK_THROWS_WITH(count_primes(10, 5), Catch::Contains("from (10) is greater than to (5)"));
  CHECK_THROWS_WITH(primes_in(10, 5), Catch::Contains("greater than"));
  CHECK_THROWS_WITH(for_each_prime(10, 5, [](std::uint64_t) {}), Catch::Contains("greater than"));
  CHECK_THROWS_WITH(primes_in(0, 100'000'000'000), Catch::Contains("for_each_prime"));
  std::vector<std::uint64_t> numbers(3);
  std::vector<std::uint8_t> flags(2);
  CHECK_THROWS_WITH(is_prime(numbers, flags), Catch::Contains("3 numbers but 2 flags"));
  CHECK_THROWS_WITH(count_primes(0, 100, {.target = "nope"}), Catch::Contains("unknown target"));
}
