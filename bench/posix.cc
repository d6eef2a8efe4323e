#include "bench/posix.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iostream>
#include <stdexcept>
#include <utility>

extern char** environ;

namespace volley::bench {
namespace {

// Blocks SIGPIPE in this thread while alive; a SIGPIPE raised meanwhile is consumed, so the
// write that caused it just fails with EPIPE.
class SigpipeHeld {
 public:
  SigpipeHeld() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
  }
  ~SigpipeHeld() {
    sigset_t pending;
    if (!was_pending_ && sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1) {
      const timespec now{};
      while (sigtimedwait(&pipe_, nullptr, &now) == -1 && errno == EINTR) {
      }
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigpipeHeld(const SigpipeHeld&) = delete;
  SigpipeHeld& operator=(const SigpipeHeld&) = delete;

 private:
  sigset_t pipe_, old_;
  bool was_pending_ = false;
};

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read, write;
};

Pipe make_pipe() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
  return {Fd(fds[0]), Fd(fds[1])};
}

std::string describe(const std::vector<std::string>& argv) {
  std::string out;
  for (const auto& arg : argv) out += (out.empty() ? "" : " ") + arg;
  return out;
}

// Feeds `input` to `in` (when open) and collects `out` (when open) until both are done.
std::string communicate(Fd& in, std::string_view input, Fd& out) {
  std::string captured;
  std::size_t written = 0;
  if (in.get() >= 0) fcntl(in.get(), F_SETFL, fcntl(in.get(), F_GETFL) | O_NONBLOCK);
  SigpipeHeld held;
  while (in.get() >= 0 || out.get() >= 0) {
    pollfd fds[2] = {{in.get(), POLLOUT, 0}, {out.get(), POLLIN, 0}};  // poll skips negative fds
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
    }
    if (fds[0].revents != 0) {
      const ssize_t n = ::write(in.get(), input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      // The program may end without reading all of it (EPIPE): its exit status tells.
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) in.reset();
    }
    if (fds[1].revents != 0) {
      char buffer[4096];
      const ssize_t n = ::read(out.get(), buffer, sizeof buffer);
      if (n > 0) captured.append(buffer, static_cast<std::size_t>(n));
      if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) out.reset();
    }
  }
  return captured;
}

}  // namespace

int write_all(int fd, const char* data, std::size_t size) {
  SigpipeHeld held;
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return 0;
}

std::string run_program(const std::vector<std::string>& argv, const ProgramIo& io) {
  if (argv.empty() || argv[0].empty()) throw std::invalid_argument("run_program: no program");
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  // What volley-bench printed so far comes before what the program prints.
  std::cout.flush();
  std::fflush(nullptr);
  Pipe in, out;
  if (!io.input.empty()) in = make_pipe();
  if (io.capture) out = make_pipe();

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // The program starts with no signal blocked and the default action for those volley-bench
  // catches or ignores.
  sigset_t signals;
  sigemptyset(&signals);
  posix_spawnattr_setsigmask(&attr, &signals);
  for (const int s : {SIGINT, SIGPIPE, SIGTERM}) sigaddset(&signals, s);
  posix_spawnattr_setsigdefault(&attr, &signals);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  if (in.read.get() >= 0) posix_spawn_file_actions_adddup2(&actions, in.read.get(), STDIN_FILENO);
  if (out.write.get() >= 0)
    posix_spawn_file_actions_adddup2(&actions, out.write.get(), STDOUT_FILENO);
  else if (io.quiet)
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  if (io.quiet) posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);

  pid_t pid = -1;
  const bool search = argv[0].find('/') == std::string::npos;
  const int spawned = search ? posix_spawnp(&pid, args[0], &actions, &attr, args.data(), environ)
                             : posix_spawn(&pid, args[0], &actions, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (spawned != 0) throw std::runtime_error("cannot run " + argv[0] + ": " + std::strerror(spawned));
  in.read.reset();
  out.write.reset();

  // The program is waited for on every path, so it never outlives this call.
  std::string captured;
  std::exception_ptr failure;
  try {
    captured = communicate(in.write, io.input, out.read);
  } catch (...) {
    failure = std::current_exception();
  }
  in.write.reset();
  out.read.reset();
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waiting for " + argv[0] + ": " + std::strerror(errno));
  }
  if (failure) std::rethrow_exception(failure);
  if (WIFSIGNALED(status))
    throw std::runtime_error(describe(argv) + ": killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
                             strsignal(WTERMSIG(status)) + ")");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error(describe(argv) + ": exited with status " + std::to_string(WEXITSTATUS(status)));
  return captured;
}

}  // namespace volley::bench
