// Reader: file descriptors, byte ranges, memory; gzip (zlib) and UTF-16 -> UTF-8, streaming with
// fixed-size buffers. Knows nothing about log formats.
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>
#include <utility>

#include "../utf.hpp"
#include "internal.hpp"

namespace wlancode::scan::detail {
namespace {

constexpr std::size_t buffer_size = 64 * 1024;

class fd_stream final : public stream {
 public:
  fd_stream(int fd, bool own) : fd_(fd), own_(own) {}
  ~fd_stream() override {
    if (own_) ::close(fd_);
  }
  std::size_t read(char* buf, std::size_t cap) override {
    for (;;) {
      const ssize_t n = ::read(fd_, buf, cap);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno == EINTR) continue;
      throw std::runtime_error(std::strerror(errno));
    }
  }

 private:
  int fd_;
  bool own_;
};

class range_stream final : public stream {
 public:
  range_stream(int fd, std::uint64_t begin, std::uint64_t end) : fd_(fd), pos_(begin), end_(end) {}
  std::size_t read(char* buf, std::size_t cap) override {
    if (pos_ >= end_) return 0;
    cap = static_cast<std::size_t>(std::min<std::uint64_t>(cap, end_ - pos_));
    for (;;) {
      const ssize_t n = ::pread(fd_, buf, cap, static_cast<off_t>(pos_));
      if (n > 0) {
        pos_ += static_cast<std::uint64_t>(n);
        return static_cast<std::size_t>(n);
      }
      if (n == 0) throw std::runtime_error(shrank_message);  // the range was in the file when it began
      if (errno == EINTR) continue;
      throw std::runtime_error(std::strerror(errno));
    }
  }

 private:
  int fd_;
  std::uint64_t pos_, end_;
};

class memory_stream final : public stream {
 public:
  explicit memory_stream(std::string_view d) : data_(d) {}
  std::size_t read(char* buf, std::size_t cap) override {
    const std::size_t n = std::min(cap, data_.size());
    if (n) std::memcpy(buf, data_.data(), n);
    data_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view data_;
};

// A stream with a look-ahead: the first bytes can be inspected before anything is consumed. A read
// error while peeking is kept and raised once the bytes read before it have been consumed.
class peek_stream final : public stream {
 public:
  peek_stream(std::unique_ptr<stream> in, bool live) : in_(std::move(in)), live_(live) {}
  // Live input (a pipe, a terminal): returns as soon as a whole line is in view, not waiting for
  // `want` bytes that may come much later.
  std::string_view peek(std::size_t want) {
    while (!failed_ && head_.size() - pos_ < want && !(live_ && head_.find('\n', pos_) != std::string::npos)) {
      char tmp[4096];
      std::size_t n = 0;
      try {
        n = in_->read(tmp, std::min(sizeof tmp, want - (head_.size() - pos_)));
      } catch (const std::exception&) {
        failed_ = std::current_exception();
      }
      if (n == 0) break;
      head_.append(tmp, n);
    }
    return std::string_view(head_).substr(pos_);
  }
  void skip(std::size_t n) { pos_ += std::min(n, head_.size() - pos_); }
  std::size_t read(char* buf, std::size_t cap) override {
    if (pos_ < head_.size()) {
      const std::size_t n = std::min(cap, head_.size() - pos_);
      std::memcpy(buf, head_.data() + pos_, n);
      pos_ += n;
      if (pos_ == head_.size()) {
        head_.clear();
        head_.shrink_to_fit();
        pos_ = 0;
      }
      return n;
    }
    if (failed_) std::rethrow_exception(std::exchange(failed_, nullptr));
    return in_->read(buf, cap);
  }

 private:
  std::unique_ptr<stream> in_;
  bool live_;
  std::string head_;
  std::size_t pos_ = 0;
  std::exception_ptr failed_;
};

// gzip, including concatenated members; trailing bytes after a member end the stream, unless they
// start like another member (0x1f), which must then be one. On corrupt or truncated data, the
// bytes decompressed before the error are returned first; the error is raised by the next read.
class gunzip_stream final : public stream {
 public:
  explicit gunzip_stream(std::unique_ptr<stream> in) : in_(std::move(in)), inbuf_(buffer_size, '\0') {
    std::memset(&z_, 0, sizeof z_);
    if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("zlib initialisation failed");
  }
  ~gunzip_stream() override { inflateEnd(&z_); }
  std::size_t read(char* buf, std::size_t cap) override {
    if (!error_.empty()) {
      done_ = true;
      throw std::runtime_error(std::exchange(error_, {}));
    }
    if (done_ || cap == 0) return 0;
    const auto want = static_cast<uInt>(std::min<std::size_t>(cap, 1u << 30));
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = want;
    const auto produced = [&] { return static_cast<std::size_t>(z_.next_out - reinterpret_cast<Bytef*>(buf)); };
    const auto fail = [&](std::string message) {
      if (produced() == 0) {
        done_ = true;
        throw std::runtime_error(message);
      }
      error_ = std::move(message);  // after the bytes decompressed so far
    };
    while (z_.avail_out == want) {
      if (z_.avail_in == 0) {
        const std::size_t n = in_->read(inbuf_.data(), inbuf_.size());
        if (n == 0) {
          if (!member_done_) {
            fail("truncated gzip data");
            return produced();
          }
          done_ = true;
          break;
        }
        z_.next_in = reinterpret_cast<Bytef*>(inbuf_.data());
        z_.avail_in = static_cast<uInt>(n);
      }
      if (member_done_) {
        // Another member follows only if it starts with the gzip magic.
        if (z_.avail_in >= 1 && z_.next_in[0] != 0x1f) {
          done_ = true;
          break;
        }
        inflateReset(&z_);
        member_done_ = false;
      }
      const int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        member_done_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        fail(std::string("corrupt gzip data: ") + (z_.msg ? z_.msg : "inflate failed"));
        return produced();
      }
    }
    return produced();
  }

 private:
  std::unique_ptr<stream> in_;
  std::string inbuf_;
  z_stream z_;
  bool member_done_ = false;
  bool done_ = false;
  std::string error_;  // raised by the next read
};

// UTF-16 (LE or BE) to UTF-8; unpaired surrogates become U+FFFD.
class utf16_stream final : public stream {
 public:
  utf16_stream(std::unique_ptr<stream> in, bool big_endian) : in_(std::move(in)), be_(big_endian) {}
  std::size_t read(char* buf, std::size_t cap) override {
    while (out_.size() - out_pos_ == 0) {
      out_.clear();
      out_pos_ = 0;
      char raw[buffer_size];
      std::size_t have = 0;
      if (carry_len_) {
        std::memcpy(raw, carry_, carry_len_);
        have = carry_len_;
        carry_len_ = 0;
      }
      const std::size_t n = in_->read(raw + have, sizeof raw - have);
      if (n == 0) {
        if (have || pending_high_) out_ += "\xEF\xBF\xBD";  // odd trailing byte / lone surrogate
        pending_high_ = 0;
        if (out_.empty()) return 0;
        break;
      }
      have += n;
      std::size_t i = 0;
      for (; i + 1 < have; i += 2) {
        const auto a = static_cast<unsigned char>(raw[i]), b = static_cast<unsigned char>(raw[i + 1]);
        const char32_t u = be_ ? (a << 8 | b) : (b << 8 | a);
        if (pending_high_) {
          if (u >= 0xDC00 && u <= 0xDFFF) {
            wlancode::detail::utf8_append(out_, 0x10000 + ((pending_high_ - 0xD800) << 10) + (u - 0xDC00));
            pending_high_ = 0;
            continue;
          }
          out_ += "\xEF\xBF\xBD";
          pending_high_ = 0;
        }
        if (u >= 0xD800 && u <= 0xDBFF) {
          pending_high_ = u;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
          out_ += "\xEF\xBF\xBD";
        } else {
          wlancode::detail::utf8_append(out_, u);
        }
      }
      if (i < have) {
        carry_[0] = raw[i];
        carry_len_ = 1;
      }
    }
    const std::size_t k = std::min(cap, out_.size() - out_pos_);
    std::memcpy(buf, out_.data() + out_pos_, k);
    out_pos_ += k;
    return k;
  }

 private:
  std::unique_ptr<stream> in_;
  bool be_;
  std::string out_;
  std::size_t out_pos_ = 0;
  char carry_[1] = {0};
  std::size_t carry_len_ = 0;
  char32_t pending_high_ = 0;
};

// UTF-16 without BOM: most ASCII characters have a zero high byte.
int guess_utf16(std::string_view head) {
  const std::size_t n = std::min<std::size_t>(head.size(), 1024) & ~std::size_t{1};
  if (n < 8) return 0;
  std::size_t even0 = 0, odd0 = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even0 += head[i] == '\0';
    odd0 += head[i + 1] == '\0';
  }
  const std::size_t pairs = n / 2;
  if (odd0 * 10 >= pairs * 7 && even0 * 10 <= pairs) return 1;  // LE: "a\0b\0"
  if (even0 * 10 >= pairs * 7 && odd0 * 10 <= pairs) return 2;  // BE: "\0a\0b"
  return 0;
}

}  // namespace

std::unique_ptr<stream> open_fd(int fd, bool own) { return std::make_unique<fd_stream>(fd, own); }
std::unique_ptr<stream> open_range(int fd, std::uint64_t begin, std::uint64_t end) {
  return std::make_unique<range_stream>(fd, begin, end);
}
std::unique_ptr<stream> open_memory(std::string_view data) { return std::make_unique<memory_stream>(data); }

std::unique_ptr<stream> open_bytes(std::unique_ptr<stream> in, std::string& head, std::size_t want) {
  auto p = std::make_unique<peek_stream>(std::move(in), false);
  std::string_view h = p->peek(2);
  if (h.size() >= 2 && static_cast<unsigned char>(h[0]) == 0x1f && static_cast<unsigned char>(h[1]) == 0x8b)
    p = std::make_unique<peek_stream>(std::make_unique<gunzip_stream>(std::move(p)), false);
  head = std::string(p->peek(want));
  return p;
}

std::unique_ptr<stream> open_text(std::unique_ptr<stream> in, std::string* encoding, bool live) {
  auto p = std::make_unique<peek_stream>(std::move(in), live);
  std::string_view head = p->peek(2);
  bool gz = false;
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f && static_cast<unsigned char>(head[1]) == 0x8b) {
    gz = true;
    p = std::make_unique<peek_stream>(std::make_unique<gunzip_stream>(std::move(p)), live);
  }
  head = p->peek(1024);
  std::string enc = "utf-8";
  std::unique_ptr<stream> out;
  if (head.size() >= 3 && head.substr(0, 3) == "\xEF\xBB\xBF") {
    p->skip(3);
    out = std::move(p);
  } else if (head.size() >= 2 && head.substr(0, 2) == "\xFF\xFE") {
    p->skip(2);
    enc = "utf-16le";
    out = std::make_unique<utf16_stream>(std::move(p), false);
  } else if (head.size() >= 2 && head.substr(0, 2) == "\xFE\xFF") {
    p->skip(2);
    enc = "utf-16be";
    out = std::make_unique<utf16_stream>(std::move(p), true);
  } else if (const int g = guess_utf16(head); g != 0) {
    enc = g == 1 ? "utf-16le" : "utf-16be";
    out = std::make_unique<utf16_stream>(std::move(p), g == 2);
  } else {
    out = std::move(p);
  }
  if (encoding) *encoding = enc + (gz ? ", gzip" : "");
  return out;
}

}  // namespace wlancode::scan::detail
