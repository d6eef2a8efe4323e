#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>

#include "volley/targets.hpp"

using namespace volley;

namespace {
bool contains(const std::vector<Target>& targets, const std::string& name) {
  return std::any_of(targets.begin(), targets.end(), [&](Target t) { return t.name() == name; });
}
}  // namespace

TEST_CASE("the build compiles every x86 target and the CPU runs the fallback") {
  const auto compiled = compiled_targets();
  for (const char* name : {"ssse3", "sse4", "avx2", "avx3", "avx3_dl"}) {
    INFO(name);
    CHECK(contains(compiled, name));
  }
  const std::string fallback = fallback_target().name();
  CHECK((fallback == "scalar" || fallback == "emu128"));
  const auto supported = supported_targets();
  REQUIRE_FALSE(supported.empty());
  CHECK(supported.back() == fallback_target());
  CHECK(best_target() == supported.front());
  for (const Target t : supported) CHECK(contains(compiled, t.name()));
}

TEST_CASE("targets resolve by name, case-insensitively") {
  CHECK(resolve_target("best") == best_target());
  std::string upper = fallback_target().name();
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(resolve_target(upper) == fallback_target());
  for (const Target t : supported_targets()) CHECK(resolve_target(t.name()) == t);
}

TEST_CASE("unknown and unsupported targets are clear errors") {
  CHECK_THROWS_WITH(resolve_target("avx9000"), Catch::Contains("unknown target 'avx9000'"));
  CHECK_THROWS_WITH(resolve_target(""), Catch::Contains("unknown target"));
  const auto supported = supported_targets();
  for (const Target t : compiled_targets()) {
    if (std::find(supported.begin(), supported.end(), t) != supported.end()) continue;
    CHECK_THROWS_WITH(resolve_target(t.name()), Catch::Contains("does not support"));
  }
}
