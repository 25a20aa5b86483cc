// Standard output of every command, checked. std::cout writes through a buffer of file
// descriptor 1 that remembers the first failed write (its errno); main() installs it, and checks
// it after the final flush. Long-running commands call check_output() between batches so that
// they stop at the first failure instead of producing output nobody can read.
#pragma once

#include <streambuf>

namespace wlancode::cli {

// Thrown by check_output(). Deliberately not a std::exception: it must pass through the scanner,
// which reports std::exceptions as input errors.
struct write_failed {
  int error;
};

// Whether a write to standard output has failed (cheap: no flush).
bool output_failed() noexcept;
// Throws write_failed if a write to standard output has failed (does not flush).
void check_output();

// Installs the checked buffer as std::cout's for its lifetime (main() has one). Also ignores
// SIGPIPE and reopens closed standard descriptors on /dev/null.
class checked_output {
 public:
  checked_output();
  ~checked_output();
  checked_output(const checked_output&) = delete;
  checked_output& operator=(const checked_output&) = delete;
  // Flushes and closes standard output. Returns `status` if every write succeeded; otherwise prints
  // "wlancode: write error: ..." on stderr (nothing for EPIPE) and returns 2.
  int finish(int status);

 private:
  std::streambuf* previous_ = nullptr;
};

}  // namespace wlancode::cli
