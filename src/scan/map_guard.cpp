// Mapped windows of files that may shrink while they are read (a log truncated or rotated by
// copytruncate during a scan). Touching a mapped page that lies wholly past the file's new end
// raises SIGBUS. A process-wide SIGBUS handler, installed once, looks the faulting address up in a
// fixed table of live windows; when the address is in one, it maps zero-filled anonymous pages over
// the rest of that window (MAP_FIXED: same addresses), marks the window damaged and returns, so the
// faulting read is retried and reads zeros. Nothing unwinds and nothing jumps: the scanning code
// runs on, the pipeline drops what it read after the mark and ends the file with an error. A
// SIGBUS at any other address goes to the handler that was there before (the default one kills
// the process as usual). mmap from a signal handler is a plain system call on Linux (no lock),
// as mprotect is in the SIGSEGV handlers of garbage collectors.
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <mutex>

#include "internal.hpp"

namespace wlancode::scan::detail {
namespace {

struct slot {
  std::atomic<std::uintptr_t> begin{0};  // 0: free (or between windows)
  std::atomic<std::size_t> len{0};
  std::atomic<bool> taken{false};
  std::atomic<bool> damaged{false};
};
constexpr std::size_t slot_count = 64;
slot slots[slot_count];

struct sigaction previous {};
std::once_flag installed;

void on_sigbus(int sig, siginfo_t* info, void* ctx) {
  const int saved_errno = errno;
  const auto addr = reinterpret_cast<std::uintptr_t>(info ? info->si_addr : nullptr);
  static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  if (info && info->si_code > 0) {  // a fault, not a kill()
    for (slot& s : slots) {
      const std::uintptr_t b = s.begin.load(std::memory_order_acquire);
      if (!b) continue;
      const std::size_t n = s.len.load(std::memory_order_acquire);
      if (addr < b || addr >= b + n) continue;
      const std::uintptr_t from = addr & ~(page - 1);
      void* z = ::mmap(reinterpret_cast<void*>(from), b + n - from, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
                       -1, 0);
      if (z == MAP_FAILED) break;  // cannot repair: let the previous handler act
      s.damaged.store(true, std::memory_order_release);
      errno = saved_errno;
      return;
    }
  }
  errno = saved_errno;
  if (previous.sa_flags & SA_SIGINFO) {
    if (previous.sa_sigaction) previous.sa_sigaction(sig, info, ctx);
    return;
  }
  const bool fault = info && info->si_code > 0;
  if (previous.sa_handler == SIG_IGN && !fault) return;  // a kill(), ignored as the process asked
  if (previous.sa_handler == SIG_DFL || previous.sa_handler == SIG_IGN) {
    // The default action: restored, and the faulting instruction, retried, raises it again.
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    ::sigemptyset(&dfl.sa_mask);
    ::sigaction(SIGBUS, &dfl, nullptr);
    if (!fault) ::raise(SIGBUS);
    return;
  }
  previous.sa_handler(sig);
}

void install() {
  struct sigaction sa {};
  sa.sa_sigaction = on_sigbus;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  ::sigemptyset(&sa.sa_mask);
  ::sigaction(SIGBUS, &sa, &previous);
}

}  // namespace

guarded_map::guarded_map() {
  std::call_once(installed, install);
  for (std::size_t i = 0; i < slot_count; ++i) {
    bool expected = false;
    if (slots[i].taken.compare_exchange_strong(expected, true, std::memory_order_acq_rel)) {
      slot_ = static_cast<int>(i);
      return;
    }
  }
}

guarded_map::~guarded_map() {
  unmap();
  if (slot_ >= 0) slots[slot_].taken.store(false, std::memory_order_release);
}

bool guarded_map::map(int fd, std::uint64_t offset, std::size_t len) {
  unmap();
  if (slot_ < 0) {  // more windows live than the table holds: not guarded, so not mapped
    errno = EBUSY;
    return false;
  }
  void* m = ::mmap(nullptr, len, PROT_READ, MAP_PRIVATE, fd, static_cast<off_t>(offset));
  if (m == MAP_FAILED) return false;
  // Advice values are not flags (SEQUENTIAL | WILLNEED is WILLNEED); adding SEQUENTIAL measured
  // no different on a cached log.
  ::madvise(m, len, MADV_WILLNEED);
  data_ = static_cast<const char*>(m);
  len_ = len;
  fd_ = fd;
  offset_ = offset;
  size_after_damage_ = ~std::uint64_t{0};
  slot& s = slots[slot_];
  s.damaged.store(false, std::memory_order_relaxed);
  s.len.store(len, std::memory_order_release);
  s.begin.store(reinterpret_cast<std::uintptr_t>(m), std::memory_order_release);
  return true;
}

void guarded_map::unmap() {
  if (!data_) return;
  slots[slot_].begin.store(0, std::memory_order_release);  // before the addresses can be reused
  ::munmap(const_cast<char*>(data_), len_);
  data_ = nullptr;
  len_ = 0;
}

bool guarded_map::damaged() const noexcept {
  return slot_ >= 0 && slots[slot_].damaged.load(std::memory_order_acquire);
}

bool guarded_map::past_end(const char* line_end) {
  if (!data_ || !damaged()) return false;
  if (size_after_damage_ == ~std::uint64_t{0}) {
    struct stat sb {};
    size_after_damage_ = ::fstat(fd_, &sb) == 0 ? static_cast<std::uint64_t>(sb.st_size) : 0;
  }
  return offset_ + static_cast<std::uint64_t>(line_end - data_) >= size_after_damage_;
}

}  // namespace wlancode::scan::detail
