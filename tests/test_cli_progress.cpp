// The CLI's progress line (scan, diagnose, report): while a large file (256 MiB or more) is read
// and stderr is a terminal (here a pseudo-terminal), "<verb> [path]: NN%" is rewritten in place
// and erased at the end; on a file or pipe, and for small files, nothing of the kind is printed.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#ifndef WLANCODE_CLI
#error "WLANCODE_CLI must name the built wlancode binary"
#endif

namespace {

namespace fs = std::filesystem;

// A log of at least `bytes` bytes: lines without a code (the prefilter skips them), one code.
fs::path write_log(const std::string& name, std::size_t bytes) {
  const fs::path p = fs::temp_directory_path() / name;
  std::ofstream f(p, std::ios::binary);
  std::string block;
  while (block.size() < (1u << 20))
    block += "Nov 21 10:00:00 host cron[123]: (root) CMD (run-parts /etc/cron.hourly)\n";
  f << "Nov 21 10:00:00 host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3\n";
  for (std::size_t n = 0; n < bytes; n += block.size()) f << block;
  return p;
}

struct run_result {
  int status = -1;
  std::string err;  // what the CLI wrote to stderr
};

// Runs the CLI with stderr on a pseudo-terminal (tty) or a file, stdout on /dev/null.
run_result run(const std::vector<std::string>& args, bool tty) {
  run_result r;
  int master = -1, slave = -1;
  std::string err_path = (fs::temp_directory_path() / "wlancode_progress_err_XXXXXX").string();
  int err_fd = -1;
  if (tty) {
    if (::openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) {
      ADD_FAILURE() << "openpty failed";
      return r;
    }
  } else {
    err_fd = ::mkstemp(err_path.data());
  }
  std::vector<std::string> argv_s{WLANCODE_CLI};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null_fd = ::open("/dev/null", O_RDWR);
    ::dup2(null_fd, 0);
    ::dup2(null_fd, 1);
    ::dup2(tty ? slave : err_fd, 2);
    if (tty) ::close(master);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  if (tty) {
    ::close(slave);
    char buf[4096];
    for (;;) {  // until the child's end closes the terminal (EIO)
      const ssize_t n = ::read(master, buf, sizeof buf);
      if (n <= 0) break;
      r.err.append(buf, static_cast<std::size_t>(n));
    }
    ::close(master);
  }
  int ws = 0;
  if (pid > 0 && ::waitpid(pid, &ws, 0) == pid && WIFEXITED(ws)) r.status = WEXITSTATUS(ws);
  if (!tty) {
    ::close(err_fd);
    std::ifstream in(err_path, std::ios::binary);
    r.err.assign(std::istreambuf_iterator<char>(in), {});
    std::remove(err_path.c_str());
  }
  return r;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

TEST(CliProgress, LargeFileOnATerminal) {
  const fs::path big = write_log("wlancode_progress_big.log", 300u << 20);
  const run_result scan = run({"scan", "--format", "jsonl", big.string()}, true);
  EXPECT_EQ(scan.status, 0) << scan.err;  // a finding
  EXPECT_NE(scan.err.find("\rscanning " + big.string() + ": "), std::string::npos) << scan.err;
  EXPECT_NE(scan.err.find("%"), std::string::npos) << scan.err;
  EXPECT_TRUE(ends_with(scan.err, "\r\033[K")) << "the line is erased at the end";

  const run_result diag = run({"diagnose", big.string()}, true);
  EXPECT_EQ(diag.status, 0) << diag.err;
  EXPECT_NE(diag.err.find("\rreading: "), std::string::npos) << diag.err;
  EXPECT_TRUE(ends_with(diag.err, "\r\033[K")) << "the line is erased at the end";

  // Not a terminal: no progress line, nothing on stderr.
  EXPECT_EQ(run({"scan", "--format", "jsonl", big.string()}, false).err, "");
  EXPECT_EQ(run({"diagnose", big.string()}, false).err, "");
  fs::remove(big);
}

TEST(CliProgress, SmallFileOnATerminalHasNone) {
  const fs::path small = write_log("wlancode_progress_small.log", 2u << 20);
  const run_result scan = run({"scan", small.string()}, true);
  EXPECT_EQ(scan.err.find('%'), std::string::npos) << scan.err;
  const run_result diag = run({"diagnose", small.string()}, true);
  EXPECT_EQ(diag.err.find('%'), std::string::npos) << diag.err;
  fs::remove(small);
}

}  // namespace
