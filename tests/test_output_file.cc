// volley-bench's output files (bench/output_file.*) and programs run without a shell
// (bench/posix.*).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "bench/count_arg.hpp"
#include "bench/output_file.hpp"
#include "bench/posix.hpp"

namespace fs = std::filesystem;
using volley::bench::OutputFile;
using volley::bench::run_program;
using volley::bench::StagedFile;
using volley::bench::UsageError;
using volley::bench::write_file;

namespace {

// A fresh directory, removed with everything in it at the end.
struct ScratchDir {
  fs::path path;
  ScratchDir() {
    std::string name = (fs::temp_directory_path() / "volley-output-test-XXXXXX").string();
    REQUIRE(mkdtemp(name.data()) != nullptr);
    path = name;
  }
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(path)) out.push_back(entry.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
};

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void put(const std::string& path, const std::string& content) { std::ofstream(path, std::ios::binary) << content; }

mode_t mode_of(const std::string& path) {
  struct stat st;
  REQUIRE(stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

bool is_symlink(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

void write_text(const OutputFile& file, const std::string& text) {
  file.write([&](std::ostream& out) { out << text; });
}

std::string usage_error(const std::string& path) {
  try {
    OutputFile(path, "--csv");
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("output file: a new file is written with mode 0666 & ~umask") {
  ScratchDir dir;
  const mode_t old_mask = umask(027);
  write_text(OutputFile(dir / "new.csv", "--csv"), "a,b\n");
  umask(old_mask);
  CHECK(read(dir / "new.csv") == "a,b\n");
  CHECK(mode_of(dir / "new.csv") == (0666 & ~027));
  CHECK(dir.names() == std::vector<std::string>{"new.csv"});
}

TEST_CASE("output file: an existing file keeps its mode and gets the new content") {
  ScratchDir dir;
  put(dir / "old.csv", "old content that is longer\n");
  REQUIRE(chmod((dir / "old.csv").c_str(), 0640) == 0);
  write_text(OutputFile(dir / "old.csv", "--csv"), "new\n");
  CHECK(read(dir / "old.csv") == "new\n");
  CHECK(mode_of(dir / "old.csv") == 0640);
  CHECK(dir.names() == std::vector<std::string>{"old.csv"});
}

TEST_CASE("output file: a symlink stays a symlink and its target gets the content") {
  ScratchDir dir;
  put(dir / "target.csv", "old\n");
  REQUIRE(symlink((dir / "target.csv").c_str(), (dir / "link.csv").c_str()) == 0);
  write_text(OutputFile(dir / "link.csv", "--csv"), "new\n");
  CHECK(is_symlink(dir / "link.csv"));
  CHECK(read(dir / "target.csv") == "new\n");
}

TEST_CASE("output file: a chain of relative symlinks is followed to its final target") {
  ScratchDir dir;
  fs::create_directories(dir.path / "sub" / "deeper");
  put(dir / "sub/deeper/final.csv", "old\n");
  // first.csv -> sub/second.csv -> deeper/../deeper/third.csv -> final.csv, all relative
  REQUIRE(symlink("deeper/../deeper/third.csv", (dir / "sub/second.csv").c_str()) == 0);
  REQUIRE(symlink("final.csv", (dir / "sub/deeper/third.csv").c_str()) == 0);
  REQUIRE(symlink("sub/second.csv", (dir / "first.csv").c_str()) == 0);
  write_text(OutputFile(dir / "first.csv", "--csv"), "new\n");
  CHECK(is_symlink(dir / "first.csv"));
  CHECK(is_symlink(dir / "sub/second.csv"));
  CHECK(is_symlink(dir / "sub/deeper/third.csv"));
  CHECK(read(dir / "sub/deeper/final.csv") == "new\n");
  CHECK(dir.names() == std::vector<std::string>{"first.csv", "sub"});
}

TEST_CASE("output file: a dangling symlink gets its target created, the link kept") {
  ScratchDir dir;
  REQUIRE(symlink("made.csv", (dir / "link.csv").c_str()) == 0);
  write_text(OutputFile(dir / "link.csv", "--csv"), "x\n");
  CHECK(is_symlink(dir / "link.csv"));
  CHECK(read(dir / "made.csv") == "x\n");
}

TEST_CASE("output file: neighbours such as NAME.partial are never touched") {
  ScratchDir dir;
  put(dir / "out.csv.partial", "mine\n");
  put(dir / "out.csv.tmp", "mine too\n");
  const OutputFile file(dir / "out.csv", "--csv");
  CHECK(read(dir / "out.csv.partial") == "mine\n");
  write_text(file, "result\n");
  CHECK(read(dir / "out.csv") == "result\n");
  CHECK(read(dir / "out.csv.partial") == "mine\n");
  CHECK(read(dir / "out.csv.tmp") == "mine too\n");
  CHECK(dir.names() == std::vector<std::string>{"out.csv", "out.csv.partial", "out.csv.tmp"});
}

TEST_CASE("output file: the check creates nothing") {
  ScratchDir dir;
  const OutputFile file(dir / "later.csv", "--csv");
  CHECK(dir.names().empty());
  CHECK_FALSE(file.direct());
}

TEST_CASE("output file: a FIFO is written directly") {
  ScratchDir dir;
  const std::string fifo = dir / "fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const OutputFile file(fifo, "--csv");  // checked without waiting for a reader
  CHECK(file.direct());
  std::string received;
  std::thread reader([&] { received = read(fifo); });
  const std::string big(100'000, 'x');
  write_text(file, big + "end\n");
  reader.join();
  CHECK(received == big + "end\n");
  struct stat st;
  REQUIRE(lstat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  CHECK(dir.names() == std::vector<std::string>{"fifo"});
}

TEST_CASE("output file: /dev/null is written directly and stays a character device") {
  const OutputFile file("/dev/null", "--csv");
  CHECK(file.direct());
  write_text(file, "nothing\n");
  struct stat st;
  REQUIRE(lstat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("output file: /dev/full reports the write error") {
  const OutputFile file("/dev/full", "--csv");
  CHECK(file.direct());
  CHECK_THROWS_WITH(write_text(file, "data\n"), "cannot write /dev/full: No space left on device");
  struct stat st;
  REQUIRE(lstat("/dev/full", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("output file: a pipe whose reader is gone reports EPIPE instead of ending the process") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  close(fds[0]);
  CHECK(volley::bench::write_all(fds[1], "data", 4) == EPIPE);
  close(fds[1]);

  ScratchDir dir;
  const std::string fifo = dir / "fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const OutputFile file(fifo, "--csv");
  std::thread reader([&] { close(open(fifo.c_str(), O_RDONLY)); });  // leaves at once
  // More than the pipe holds, so some write finds the reader gone.
  CHECK_THROWS_WITH(write_text(file, std::string(1 << 20, 'p')), "cannot write " + fifo + ": Broken pipe");
  std::thread again([&] { close(open(fifo.c_str(), O_RDONLY)); });
  CHECK_THROWS_AS(write_text(file, std::string(1 << 20, 'p')), volley::bench::ClosedPipe);  // ends quietly
  again.join();
  reader.join();
}

TEST_CASE("output file: a file named through /proc/self/fd is written through that descriptor") {
  ScratchDir dir;
  const std::string real = dir / "real.csv";
  const int fd = open(real.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(write(fd, "before\n", 7) == 7);
  struct stat before;
  REQUIRE(stat(real.c_str(), &before) == 0);
  const OutputFile file("/proc/self/fd/" + std::to_string(fd), "--csv");
  CHECK(file.direct());
  write_text(file, "csv\n");
  REQUIRE(write(fd, "after\n", 6) == 6);  // as the table after the CSV on a redirected stdout
  close(fd);
  struct stat after;
  REQUIRE(stat(real.c_str(), &after) == 0);
  CHECK(after.st_ino == before.st_ino);
  CHECK(read(real) == "before\ncsv\nafter\n");
}

TEST_CASE("output file: a directory is refused before anything is written") {
  ScratchDir dir;
  bool called = false;
  CHECK_THROWS_AS(OutputFile(dir.path.string(), "--csv"), UsageError);
  CHECK(usage_error(dir.path.string()) == "--csv: cannot write " + dir.path.string() + ": Is a directory");
  CHECK_THROWS_WITH(write_file(dir.path.string(), [&](std::ostream&) { called = true; }),
                    Catch::Contains("Is a directory"));
  CHECK_FALSE(called);
  CHECK(usage_error(dir / "missing/") == "--csv: cannot write " + (dir / "missing/") + ": Is a directory");
  CHECK(dir.names().empty());
}

TEST_CASE("output file: a missing parent directory is refused") {
  ScratchDir dir;
  CHECK(usage_error(dir / "no/such/x.csv") == "--csv: cannot write " + (dir / "no/such/x.csv") +
                                                  ": No such file or directory");
  CHECK(usage_error("/nonexistent/dir/x.csv") == "--csv: cannot write /nonexistent/dir/x.csv: No such file or directory");
  put(dir / "plain", "");
  CHECK(usage_error(dir / "plain/x.csv") == "--csv: cannot write " + (dir / "plain/x.csv") + ": Not a directory");
  CHECK(dir.names() == std::vector<std::string>{"plain"});
}

TEST_CASE("output file: a name of 250 characters works") {
  ScratchDir dir;
  const std::string name = std::string(246, 'n') + ".csv";
  REQUIRE(name.size() == 250);
  write_text(OutputFile(dir / name, "--csv"), "long\n");
  CHECK(read(dir / name) == "long\n");
  write_text(OutputFile(dir / name, "--csv"), "again\n");
  CHECK(read(dir / name) == "again\n");
  CHECK(dir.names() == std::vector<std::string>{name});
}

TEST_CASE("output file: an exception from the writer leaves the old content and no stray file") {
  ScratchDir dir;
  put(dir / "keep.csv", "old\n");
  const OutputFile file(dir / "keep.csv", "--csv");
  CHECK_THROWS_WITH(file.write([](std::ostream& out) {
    out << std::string(100'000, 'y');  // more than one buffer: part of it reached the file
    throw std::runtime_error("writer failed");
  }),
                    "writer failed");
  CHECK(read(dir / "keep.csv") == "old\n");
  const OutputFile fresh(dir / "fresh.csv", "--csv");
  CHECK_THROWS(fresh.write([](std::ostream&) { throw std::runtime_error("no"); }));
  CHECK(dir.names() == std::vector<std::string>{"keep.csv"});
}

TEST_CASE("output file: read-only files and directories are refused") {
  if (geteuid() == 0) {
    WARN("skipped: root writes read-only files");
    return;
  }
  ScratchDir dir;
  put(dir / "ro.csv", "old\n");
  REQUIRE(chmod((dir / "ro.csv").c_str(), 0444) == 0);
  CHECK(usage_error(dir / "ro.csv") == "--csv: cannot write " + (dir / "ro.csv") + ": Permission denied");
  fs::create_directory(dir.path / "locked");
  REQUIRE(chmod((dir / "locked").c_str(), 0555) == 0);
  CHECK(usage_error(dir / "locked/x.csv") == "--csv: cannot write " + (dir / "locked/x.csv") + ": Permission denied");
  CHECK(read(dir / "ro.csv") == "old\n");
}

TEST_CASE("output file: a staged file stands in for the target until committed") {
  ScratchDir dir;
  put(dir / "plot.png", "old");
  REQUIRE(chmod((dir / "plot.png").c_str(), 0604) == 0);
  const OutputFile png(dir / "plot.png", "--out"), svg(dir / "plot.svg", "--out");
  {
    StagedFile staged = png.stage(".png");
    const std::string name = fs::path(staged.path()).filename().string();
    CHECK(name.rfind(".volley-", 0) == 0);
    CHECK(name.size() == std::string(".volley-XXXXXX.png").size());
    CHECK(fs::path(staged.path()).parent_path() == dir.path);
    CHECK(mode_of(staged.path()) == 0604);
    put(staged.path(), "drawn");
    CHECK(read(dir / "plot.png") == "old");
  }  // not committed: removed, the target as it was
  CHECK(dir.names() == std::vector<std::string>{"plot.png"});
  StagedFile png_file = png.stage(".png");
  StagedFile svg_file = svg.stage(".svg");
  put(png_file.path(), "png");
  put(svg_file.path(), "svg");
  png_file.commit();
  svg_file.commit();
  CHECK(read(dir / "plot.png") == "png");
  CHECK(read(dir / "plot.svg") == "svg");
  CHECK(mode_of(dir / "plot.png") == 0604);
  CHECK(dir.names() == std::vector<std::string>{"plot.png", "plot.svg"});
  const OutputFile null("/dev/null", "--out");
  CHECK(null.stage(".png").path() == "/dev/null");
}

TEST_CASE("output spawn: arguments reach the program unchanged, with no shell") {
  ScratchDir dir;
  const std::string pwned = dir / "PWNED";
  const std::vector<std::string> odd = {"it's",
                                        "\"double\"",
                                        "$(touch " + pwned + ")",
                                        "`touch " + pwned + "`",
                                        "; touch " + pwned,
                                        "two words",
                                        "line\nbreak",
                                        "",
                                        "*",
                                        "back\\slash"};
  std::vector<std::string> argv = {"python3", "-c", "import sys; sys.stdout.write('\\0'.join(sys.argv[1:]))"};
  argv.insert(argv.end(), odd.begin(), odd.end());
  const std::string out = run_program(argv, {.capture = true});
  std::vector<std::string> received;
  std::size_t start = 0;
  for (std::size_t end; (end = out.find('\0', start)) != std::string::npos; start = end + 1)
    received.push_back(out.substr(start, end - start));
  received.push_back(out.substr(start));
  CHECK(received == odd);
  CHECK_FALSE(fs::exists(pwned));
}

TEST_CASE("output spawn: input, exit status, signals and missing programs") {
  const std::string big(1 << 20, 'z');  // more than a pipe holds: written and read at once
  CHECK(run_program({"python3", "-c", "import sys; sys.stdout.write(sys.stdin.read()[::-1] + '!')"},
                    {.capture = true, .input = big + "a"}) == "a" + big + "!");
  CHECK(run_program({"/bin/true"}, {.input = big}).empty());  // never reads its input
  CHECK_THROWS_WITH(run_program({"python3", "-c", "import sys; sys.exit(3)"}), Catch::Contains("exited with status 3"));
  CHECK_THROWS_WITH(run_program({"python3", "-c", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"}),
                    Catch::Contains("killed by signal 9"));
  CHECK_THROWS_WITH(run_program({"volley-no-such-program"}),
                    "cannot run volley-no-such-program: No such file or directory");
  CHECK_THROWS_WITH(run_program({"/nonexistent/program"}), "cannot run /nonexistent/program: No such file or directory");
  CHECK(run_program({"python3", "-c", "import sys; print('quiet'); print('x', file=sys.stderr)"}, {.quiet = true}).empty());
}
