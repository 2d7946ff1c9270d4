/*
 * Reference timings in C: close_range(2) and the /proc/self/fd walk that the
 * close_range patch compared it with, interleaved round by round on the same
 * freshly opened descriptors.
 *
 * usage: close-bench FILE BASE COUNT EXTRA ROUNDS WARMUP
 *   opens FILE read-only (no O_CLOEXEC) at fds BASE..BASE+COUNT-1, and at
 *   EXTRA too when it is not -1, then closes lo..hi (lowest..highest of them).
 * prints one JSON line: {"c-close-range":[ns,...],"c-proc-walk":[ns,...]}
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef SYS_close_range
#define SYS_close_range 436
#endif

static const char *file;
static int base, count, extra, lo, hi;

static void die(const char *what, int fd) {
  fprintf(stderr, "close-bench: %s (fd %d): errno %d\n", what, fd, errno);
  exit(1);
}

static void open_at(int target) {
  int fd = open(file, O_RDONLY);
  if (fd < 0) die("open", target);
  if (fd == target) return;
  if (dup2(fd, target) != target) die("dup2", target);
  close(fd);
}

static void open_layout(void) {
  for (int i = 0; i < count; i++) open_at(base + i);
  if (extra >= 0) open_at(extra);
}

static void check_closed(int fd) {
  if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) die("still open after closing", fd);
}

static void assert_layout_closed(void) {
  for (int i = 0; i < count; i++) check_closed(base + i);
  if (extra >= 0) check_closed(extra);
}

static void by_close_range(void) {
  if (syscall(SYS_close_range, lo, hi, 0) != 0) die("close_range", lo);
}

static void by_proc_walk(void) {
  DIR *dir = opendir("/proc/self/fd");
  if (!dir) die("opendir /proc/self/fd", -1);
  int own = dirfd(dir);
  struct dirent *entry;
  while ((entry = readdir(dir)) != NULL) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    int fd = atoi(entry->d_name);
    if (fd != own && fd >= lo && fd <= hi) close(fd);
  }
  closedir(dir);
}

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

struct method {
  const char *id;
  void (*run)(void);
  long long *samples;
};

int main(int argc, char **argv) {
  if (argc != 7) {
    fprintf(stderr, "usage: close-bench FILE BASE COUNT EXTRA ROUNDS WARMUP\n");
    return 2;
  }
  file = argv[1];
  base = atoi(argv[2]);
  count = atoi(argv[3]);
  extra = atoi(argv[4]);
  int rounds = atoi(argv[5]), warmup = atoi(argv[6]);
  lo = count > 0 ? base : extra;
  hi = extra >= 0 ? extra : base + count - 1;

  struct method methods[] = {{"c-close-range", by_close_range, NULL}, {"c-proc-walk", by_proc_walk, NULL}};
  const int n = sizeof methods / sizeof methods[0];
  for (int m = 0; m < n; m++) methods[m].samples = calloc(rounds, sizeof(long long));

  for (int r = -warmup; r < rounds; r++) {
    for (int k = 0; k < n; k++) {
      struct method *method = &methods[(r + warmup + k) % n];
      open_layout();
      long long start = now_ns();
      method->run();
      long long elapsed = now_ns() - start;
      assert_layout_closed();
      if (r >= 0) method->samples[r] = elapsed;
    }
  }

  printf("{");
  for (int m = 0; m < n; m++) {
    printf("%s\"%s\":[", m ? "," : "", methods[m].id);
    for (int r = 0; r < rounds; r++) printf("%s%lld", r ? "," : "", methods[m].samples[r]);
    printf("]");
  }
  printf("}\n");
  return 0;
}
