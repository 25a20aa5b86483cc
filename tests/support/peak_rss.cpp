// peak_rss OUT PROGRAM ARGS...: runs PROGRAM (stdin, stdout and stderr as given), writes its peak
// resident set size in KiB to the file OUT, and exits with its exit status (128 + the signal
// when one ended it). The peak-RSS tests start the CLI through it: a child forked from a large
// test process inherits that process's RSS high-water mark through exec (the kernel keeps it in
// the child's rusage), so the CLI is forked here, from this small image, instead.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: peak_rss OUT PROGRAM ARGS...\n");
    return 125;
  }
  const pid_t pid = ::fork();
  if (pid < 0) return 126;
  if (pid == 0) {
    ::execv(argv[2], argv + 2);
    ::_exit(127);
  }
  int st = 0;
  rusage ru{};
  if (::wait4(pid, &st, 0, &ru) != pid) return 126;
  std::FILE* out = std::fopen(argv[1], "w");
  if (!out) return 126;
  std::fprintf(out, "%ld\n", ru.ru_maxrss);
  std::fclose(out);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}
