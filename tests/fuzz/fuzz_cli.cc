// libFuzzer target: volley-bench's whole command line, parsed in process as main() parses it
// (bench/app.hpp), without running the selected command.
//
// The input is split into arguments at each '\n' or '\0' and follows "volley-bench". Each
// input gets a fresh make_cli(). A CLI::ParseError is an expected answer to a bad command
// line; it is then formatted as main() does (app.exit), into strings: help and version
// succeed with text on "stdout", every other error fails with a message on "stderr". A
// parsed line selects a command, or is refused by selected_command with a UsageError. Any
// other exception (CLI11's HorribleError, a ConstructionError, anything from the app's own
// code), a crash or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <sstream>
#include <string>
#include <typeinfo>
#include <vector>

#include "bench/app.hpp"
#include "bench/count_arg.hpp"
#include "tests/fuzz/fuzz_check.hpp"

namespace {

constexpr std::size_t kMaxArguments = 64;

[[noreturn]] void unexpected(const char* what, const char* type) {
  std::fprintf(stderr, "command line parsing threw %s: %s\n", type, what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args{"volley-bench", ""};
  for (std::size_t i = 0; i < size; ++i) {
    const char c = static_cast<char>(data[i]);
    if (c == '\n' || c == '\0') {
      if (args.size() > kMaxArguments) return 0;  // long lines say nothing new
      args.emplace_back();
    } else {
      args.back() += c;
    }
  }
  if (size == 0) args.pop_back();  // no input: the bare default run
  std::vector<const char*> argv;
  for (const auto& arg : args) argv.push_back(arg.c_str());

  const auto cli = volley::bench::make_cli();
  try {
    cli->app.parse(static_cast<int>(argv.size()), argv.data());
    try {
      const volley::bench::Command& command = volley::bench::selected_command(*cli);
      FUZZ_CHECK(command.app != nullptr);
      FUZZ_CHECK(static_cast<bool>(command.run));
    } catch (const volley::bench::UsageError& e) {  // a command line that parses but is refused
      FUZZ_CHECK(e.what()[0] != '\0');
    }
  } catch (const CLI::HorribleError& e) {
    unexpected(e.what(), "CLI::HorribleError (parsing and selection disagree)");
  } catch (const CLI::ParseError& e) {
    std::ostringstream out, err;
    const int code = cli->app.exit(e, out, err);
    if (dynamic_cast<const CLI::Success*>(&e) != nullptr) {  // --help, --help-all, --version
      FUZZ_CHECK(code == 0);
      FUZZ_CHECK(!out.str().empty());
    } else {
      FUZZ_CHECK(code != 0);
      FUZZ_CHECK(!err.str().empty());
    }
  } catch (const std::exception& e) {
    unexpected(e.what(), typeid(e).name());
  } catch (...) {
    unexpected("", "a non-standard exception");
  }
  return 0;
}
