// Catch2's implementation, compiled once (unoptimised: it runs the tests, it is not under test)
// for every test program; each program's main.cc is its own runner.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "tests/catch_session.hpp"

int run_catch_session(int argc, char** argv) { return Catch::Session().run(argc, argv); }
