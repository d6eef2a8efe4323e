#include <catch2/catch.hpp>

#include "bench/count_arg.hpp"

using volley::bench::parse_count;
using volley::bench::parse_positive_count;
using volley::bench::UsageError;

TEST_CASE("counts parse from integers and exact scientific notation") {
  CHECK(parse_count("0", "--n") == 0);
  CHECK(parse_count("1000000", "--n") == 1'000'000);
  CHECK(parse_count("1e9", "--n") == 1'000'000'000);
  CHECK(parse_count("1E+3", "--n") == 1000);
  CHECK(parse_count("2.5e6", "--n") == 2'500'000);
  CHECK(parse_count("1.50e1", "--n") == 15);
  CHECK(parse_count("0e5", "--n") == 0);
  CHECK(parse_count("00012", "--n") == 12);
  CHECK(parse_count("18446744073709551615", "--n") == 18446744073709551615ULL);
  CHECK(parse_count("1.8446744073709551615e19", "--n") == 18446744073709551615ULL);
}

TEST_CASE("bad counts are usage errors that name the option") {
  CHECK_THROWS_WITH(parse_count("-5", "--samples"), Catch::Contains("--samples") && Catch::Contains("negative"));
  CHECK_THROWS_AS(parse_count("abc", "--n"), UsageError);
  CHECK_THROWS_AS(parse_count("", "--n"), UsageError);
  CHECK_THROWS_AS(parse_count(" 5", "--n"), UsageError);
  CHECK_THROWS_AS(parse_count("5x", "--n"), UsageError);
  CHECK_THROWS_AS(parse_count("1.5", "--n"), UsageError);
  CHECK_THROWS_AS(parse_count("1.5e0", "--n"), UsageError);
  CHECK_THROWS_AS(parse_count("1e-3", "--n"), UsageError);
  CHECK_THROWS_AS(parse_count("0x10", "--n"), UsageError);
  CHECK_THROWS_WITH(parse_count("18446744073709551616", "--n"), Catch::Contains("64 bits"));
  CHECK_THROWS_WITH(parse_count("1e20", "--n"), Catch::Contains("64 bits"));
  CHECK_THROWS_WITH(parse_count("1e9999", "--n"), Catch::Contains("64 bits"));
  CHECK_THROWS_WITH(parse_positive_count("0", "--steps"), Catch::Contains("at least 1"));
  CHECK(parse_positive_count("7", "--steps") == 7);
}
