#pragma once
// Output files of volley-bench: checked before any work, never left half-written, and never
// destroying what a name points at.
//
// A regular file, or a name that does not exist yet, is written through a unique temporary
// file in the target's own directory, renamed over the target once complete; on any error the
// temporary file is removed and the target left as it was. A symbolic link is followed (chains
// and relative links too): its final target is updated, the link kept. An existing file keeps
// its mode; a new one gets 0666 & ~umask. Anything else (a character device such as
// /dev/stdout, /dev/null or /dev/full, a FIFO, a /proc/self/fd/N) is opened and written in
// place. No neighbour of the target is ever touched.
#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>

namespace volley::bench {

/// A write to a pipe whose reader has gone (EPIPE): volley-bench then ends quietly, as when
/// its standard output's reader goes.
struct ClosedPipe : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class StagedFile;

/// One output file, resolved and checked when constructed and written later, in one go.
class OutputFile {
 public:
  /// Resolves `path` and checks it can be written, creating nothing. Throws
  /// UsageError("<option>: cannot write <path>: <reason>") for a directory, a missing parent
  /// directory or a place that cannot be written.
  OutputFile(std::string path, const std::string& option);

  /// The path as given.
  const std::string& path() const { return path_; }
  /// Whether it is written in place (not a regular file) rather than through a temporary file.
  bool direct() const { return direct_; }

  /// Writes what `write` puts out as the whole content. Throws std::runtime_error("cannot write
  /// <path>: <reason>") on I/O errors (ClosedPipe for EPIPE) and passes on what `write`
  /// throws; either way a regular target is left as it was.
  void write(const std::function<void(std::ostream&)>& write) const;

  /// A file for another program to write (the plot script): a new temporary file named
  /// ".volley-XXXXXX<suffix>" beside the target, or the target itself when it is written in
  /// place. Throws std::runtime_error when it cannot be created.
  StagedFile stage(const std::string& suffix = "") const;

 private:
  std::string path_;    // as given
  std::string target_;  // the file written: the final target of any links, or path_ in place
  bool direct_ = false;
  int descriptor_ = -1;  // written through a dup of this descriptor: /dev/stdout, /proc/self/fd/N
};

/// A temporary file standing in for an OutputFile's target until commit() renames it over the
/// target; removed when destroyed uncommitted.
class StagedFile {
 public:
  StagedFile(StagedFile&& other) noexcept;
  StagedFile& operator=(StagedFile&&) = delete;
  ~StagedFile();

  /// Where to write: the temporary file, or the target itself when written in place.
  const std::string& path() const { return staged_; }
  /// The file's descriptor, open for writing (-1 once committed).
  int fd() const { return fd_; }
  /// Makes the content the target's: closes the file and renames it over the target (nothing
  /// to do in place). Throws std::runtime_error("cannot write <path>: <reason>").
  void commit();

 private:
  friend class OutputFile;
  StagedFile(std::string shown, std::string target, std::string staged, int fd);
  std::string shown_, target_, staged_;
  int fd_;
  bool pending_;  // a temporary file still to be renamed or removed
};

/// Throws UsageError("<option>: cannot write <path>: <reason>") when `path` cannot be written.
void check_writable(const std::string& path, const std::string& option);

/// OutputFile(path).write(write), with std::runtime_error for a path that cannot be written.
void write_file(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace volley::bench
