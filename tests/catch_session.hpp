#pragma once

// Runs the test cases that the command line selects, with Catch2's Session (catch_impl.cc),
// and returns the number that failed.
int run_catch_session(int argc, char** argv);
