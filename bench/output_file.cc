#include "bench/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <streambuf>
#include <utility>
#include <vector>

#include "bench/count_arg.hpp"
#include "bench/posix.hpp"

namespace volley::bench {
namespace {

constexpr long kProcSuperMagic = 0x9fa0;  // statfs's f_type of /proc (PROC_SUPER_MAGIC)

[[noreturn]] void throw_write_error(const std::string& path, int error) {
  const std::string what = "cannot write " + path + ": " + std::strerror(error);
  if (error == EPIPE) throw ClosedPipe(what);
  throw std::runtime_error(what);
}

// The directory holding `path`'s last component, as a path to hand to the system.
std::string directory_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  const auto end = path.find_last_not_of('/', slash);
  return end == std::string::npos ? "/" : path.substr(0, end + 1);
}

struct Links {
  std::string target;  // the name the last link points at (or `path` itself: no link)
  std::string magic;   // the last link that lives in /proc (/proc/self/fd/N): it names an open file
  int error = 0;       // ELOOP, or readlink's errno
};

// Follows `path` through symbolic links, relative ones from the directory of their link, up to
// the first name that is not a link (which may not exist).
Links follow_links(std::string path) {
  Links links;
  for (int hops = 0; hops <= 40; ++hops) {
    struct stat st;
    if (lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) {
      links.target = std::move(path);
      return links;
    }
    struct statfs fs;
    if (statfs(directory_of(path).c_str(), &fs) == 0 && fs.f_type == kProcSuperMagic) links.magic = path;
    std::vector<char> buffer(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : PATH_MAX) + 1);
    const ssize_t n = readlink(path.c_str(), buffer.data(), buffer.size());
    if (n < 0) {
      links.error = errno;
      return links;
    }
    std::string next(buffer.data(), static_cast<std::size_t>(n));
    if (next.empty() || next[0] != '/') next = directory_of(path) + "/" + next;
    path = std::move(next);
  }
  links.error = ELOOP;
  return links;
}

struct Plan {
  std::string target;
  bool direct = false;
  int error = 0;
  int descriptor = -1;  // this process's own descriptor that the path names
};

// The descriptor N of this process that `link` (".../fd/N" in /proc) names, when it is open on
// `file`; -1 otherwise.
int own_descriptor(const std::string& link, const struct stat& file) {
  const std::string number = link.substr(link.find_last_of('/') + 1);
  if (number.empty() || number.size() > 9 || number.find_first_not_of("0123456789") != std::string::npos) return -1;
  const int fd = std::stoi(number);
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_dev != file.st_dev || st.st_ino != file.st_ino) return -1;
  return fd;
}

int access_error(const std::string& path, int mode) { return access(path.c_str(), mode) == 0 ? 0 : errno; }

// Where and how `path` is written, or why it cannot be; creates nothing.
Plan plan(const std::string& path) {
  if (path.empty()) return {path, false, ENOENT};
  struct stat st;
  if (stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return {path, false, EISDIR};
    const Links links = follow_links(path);
    if (links.error) return {path, false, links.error};
    struct stat last;
    const bool same = lstat(links.target.c_str(), &last) == 0 && last.st_dev == st.st_dev &&
                      last.st_ino == st.st_ino;
    if (S_ISREG(st.st_mode) && same && links.magic.empty()) {
      if (const int e = access_error(links.target, W_OK)) return {path, false, e};
      return {links.target, false, access_error(directory_of(links.target), W_OK | X_OK)};
    }
    // In place: a device, FIFO or socket, or an open file named through /proc, written through
    // this process's own descriptor where it is one (/dev/stdout: the same offset as stdout's).
    if (const int fd = links.magic.empty() ? -1 : own_descriptor(links.magic, st); fd >= 0)
      return {path, true, (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDONLY ? EBADF : 0, fd};
    // A FIFO is not opened to check it, as that waits for a reader.
    if (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode)) return {path, true, access_error(path, W_OK)};
    const int fd = open(path.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return {path, true, errno};
    close(fd);
    return {path, true, 0};
  }
  if (errno != ENOENT) return {path, false, errno};
  // Nothing there, or a dangling link: the file is created where the last link points.
  const Links links = follow_links(path);
  if (links.error) return {path, false, links.error};
  if (links.target.back() == '/') return {path, false, EISDIR};
  return {links.target, false, access_error(directory_of(links.target), W_OK | X_OK)};
}

mode_t current_umask() {
  // Read from /proc where it can be, since umask() itself can only be read by changing it.
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
  const mode_t mask = umask(0);
  umask(mask);
  return mask;
}

// An ostream's buffer over a file descriptor; remembers the errno of a failed write.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const auto size = static_cast<std::size_t>(pptr() - pbase());
    if (error_ == 0 && size > 0) error_ = write_all(fd_, pbase(), size);
    setp(buffer_, buffer_ + sizeof buffer_);
    return error_ == 0;
  }
  int fd_;
  int error_ = 0;
  char buffer_[16384];
};

// Runs `write` into `fd`; returns the errno of the first failed write, or 0.
int write_through(int fd, const std::function<void(std::ostream&)>& write) {
  FdBuffer buffer(fd);
  std::ostream out(&buffer);
  write(out);
  out.flush();
  if (buffer.error()) return buffer.error();
  return out ? 0 : EIO;
}

}  // namespace

OutputFile::OutputFile(std::string path, const std::string& option) : path_(std::move(path)) {
  Plan p = plan(path_);
  if (p.error)
    throw UsageError((option.empty() ? "" : option + ": ") + "cannot write " + path_ + ": " + std::strerror(p.error));
  target_ = std::move(p.target);
  direct_ = p.direct;
  descriptor_ = p.descriptor;
}

void OutputFile::write(const std::function<void(std::ostream&)>& write) const {
  if (direct_) {
    // Output already buffered for the same place goes first.
    std::cout.flush();
    std::fflush(nullptr);
    // O_APPEND: an open file named through another process's /proc/PID/fd is added to.
    const int fd = descriptor_ >= 0 ? fcntl(descriptor_, F_DUPFD_CLOEXEC, 0)
                                    : open(target_.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) throw_write_error(path_, errno);
    int error = 0;
    try {
      error = write_through(fd, write);
    } catch (...) {
      close(fd);
      throw;
    }
    if (close(fd) != 0 && error == 0 && errno != EINTR) error = errno;
    if (error) throw_write_error(path_, error);
    return;
  }
  StagedFile staged = stage();
  if (const int error = write_through(staged.fd(), write)) throw_write_error(path_, error);
  staged.commit();
}

StagedFile OutputFile::stage(const std::string& suffix) const {
  if (direct_) return StagedFile(path_, target_, target_, -1);
  // A short name of its own, so a long target name still fits in NAME_MAX.
  std::string name = directory_of(target_) + "/.volley-XXXXXX" + suffix;
  const int fd = mkostemps(name.data(), static_cast<int>(suffix.size()), O_CLOEXEC);
  if (fd < 0) throw_write_error(path_, errno);
  StagedFile staged(path_, target_, name, fd);
  // mkstemp's 0600 becomes the old file's mode (and owner, where allowed), or 0666 & ~umask.
  struct stat old;
  mode_t mode = 0666 & ~current_umask();
  if (stat(target_.c_str(), &old) == 0 && S_ISREG(old.st_mode)) {
    mode = old.st_mode & 07777;
    if (geteuid() == 0 && fchown(fd, old.st_uid, old.st_gid) != 0) {
      // Keeps root's ownership: the content still goes where it was asked.
    }
  }
  if (fchmod(fd, mode) != 0) throw_write_error(path_, errno);
  return staged;
}

StagedFile::StagedFile(std::string shown, std::string target, std::string staged, int fd)
    : shown_(std::move(shown)), target_(std::move(target)), staged_(std::move(staged)), fd_(fd), pending_(fd >= 0) {}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : shown_(std::move(other.shown_)),
      target_(std::move(other.target_)),
      staged_(std::move(other.staged_)),
      fd_(std::exchange(other.fd_, -1)),
      pending_(std::exchange(other.pending_, false)) {}

StagedFile::~StagedFile() {
  if (fd_ >= 0) close(fd_);
  if (pending_) unlink(staged_.c_str());
}

void StagedFile::commit() {
  if (!pending_) return;
  if (fsync(fd_) != 0 && errno != EINVAL) throw_write_error(shown_, errno);
  const int fd = std::exchange(fd_, -1);
  if (close(fd) != 0 && errno != EINTR) throw_write_error(shown_, errno);
  if (rename(staged_.c_str(), target_.c_str()) != 0) throw_write_error(shown_, errno);
  pending_ = false;
}

void check_writable(const std::string& path, const std::string& option) { OutputFile(path, option); }

void write_file(const std::string& path, const std::function<void(std::ostream&)>& write) {
  std::optional<OutputFile> file;
  try {
    file.emplace(path, "");
  } catch (const UsageError& e) {
    throw std::runtime_error(e.what());
  }
  file->write(write);
}

}  // namespace volley::bench
