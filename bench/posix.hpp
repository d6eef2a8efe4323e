#pragma once
// Thin, checked wrappers over POSIX for volley-bench: writing a whole buffer to a file
// descriptor, and running a program from an argument vector (never through a shell).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace volley::bench {

/// Writes all `size` bytes at `data` to `fd`, going on after short writes and EINTR. SIGPIPE is
/// held back meanwhile, so a pipe without a reader fails with EPIPE instead of ending the
/// process. Returns 0, or the errno of the write that failed.
int write_all(int fd, const char* data, std::size_t size);

/// How run_program connects the program's standard streams.
struct ProgramIo {
  bool capture = false;      ///< its stdout is read and returned (stdout is inherited otherwise)
  bool quiet = false;        ///< its stdout (unless captured) and stderr go to /dev/null
  std::string_view input{};  ///< written to its stdin, which is then closed; stdin is inherited when empty
};

/// Runs the program `argv[0]` (looked up on PATH when it has no '/') with exactly the arguments
/// `argv`, each passed unchanged, no shell involved; waits for it to end. The program runs in
/// volley-bench's process group, so Ctrl-C reaches it too. Returns its stdout when `io.capture`,
/// "" otherwise. Throws std::runtime_error when it cannot be started, exits non-zero or is
/// killed by a signal.
std::string run_program(const std::vector<std::string>& argv, const ProgramIo& io = {});

}  // namespace volley::bench
