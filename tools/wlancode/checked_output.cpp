#include "checked_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <streambuf>

namespace wlancode::cli {
namespace {

// An output buffer of a file descriptor: write(2) directly, no stdio underneath; the first
// failure is kept, and everything written after it is discarded.
class fd_outbuf final : public std::streambuf {
 public:
  explicit fd_outbuf(int fd) : fd_(fd) { setp(buf_, buf_ + sizeof buf_); }
  int error() const noexcept { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n <= 0) return 0;  // an empty string_view may have no data at all: no memcpy from null
    if (n <= epptr() - pptr()) {
      std::memcpy(pptr(), s, static_cast<std::size_t>(n));
      pbump(static_cast<int>(n));
      return n;
    }
    if (!drain()) return 0;
    if (n >= static_cast<std::streamsize>(sizeof buf_)) return write_all(s, static_cast<std::size_t>(n)) ? n : 0;
    std::memcpy(pptr(), s, static_cast<std::size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const auto n = static_cast<std::size_t>(pptr() - pbase());
    setp(buf_, buf_ + sizeof buf_);
    return error_ == 0 && (n == 0 || write_all(buf_, n));
  }
  bool write_all(const char* p, std::size_t n) {
    while (n > 0 && error_ == 0) {
      const ssize_t w = ::write(fd_, p, n);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        error_ = w < 0 ? errno : EIO;
        break;
      }
      p += w;
      n -= static_cast<std::size_t>(w);
    }
    return error_ == 0;
  }

  int fd_;
  int error_ = 0;
  char buf_[64 * 1024];
};

fd_outbuf* active = nullptr;

}  // namespace

bool output_failed() noexcept { return active && (active->error() != 0 || !std::cout.good()); }

void check_output() {
  if (output_failed()) throw write_failed{active->error()};
}

checked_output::checked_output() {
  // A write to a closed pipe fails with EPIPE, reported quietly (see finish()), instead of killing
  // the process with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  // Closed standard descriptors are reopened on /dev/null, so that no input file takes their
  // number. Standard output is reopened read-only: writes to it still fail (EBADF), as they should.
  for (int fd = 0; fd <= 2; ++fd)
    if (::fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
      const int got = ::open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY);
      if (got >= 0 && got != fd) ::close(got);
    }
  static fd_outbuf buf(1);
  active = &buf;
  previous_ = std::cout.rdbuf(&buf);
}

checked_output::~checked_output() {
  std::cout.rdbuf(previous_);
  active = nullptr;
}

int checked_output::finish(int status) {
  std::cout.flush();
  int error = active->error();
  if (error == 0 && !std::cout.good()) error = EIO;
  // A failure to close (delayed errors of network file systems) is a write error too.
  if (error == 0 && ::close(1) != 0 && errno != EINTR) error = errno;
  if (error == 0) return status;
  // Like grep, a reader that went away (wlancode scan ... | head) is not an error worth a word.
  if (error != EPIPE) std::cerr << "wlancode: write error: " << std::strerror(error) << "\n";
  return 2;
}

}  // namespace wlancode::cli
