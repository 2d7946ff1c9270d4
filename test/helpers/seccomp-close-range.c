/*
 * Runs a command under a real seccomp filter that makes close_range(2) fail
 * the way real systems do: old kernels (ENOSYS), container profiles (EPERM),
 * Linux 5.9 and 5.10 (EINVAL, for CLOSE_RANGE_CLOEXEC only). Every other call
 * is allowed. The filter is installed here, before exec, so every thread of
 * the command inherits it from its first instruction. UNSHARE-EPERM refuses
 * unshare(2) instead, as Docker's default profile does without CAP_SYS_ADMIN;
 * filters stack, so the launcher can run itself to refuse both. KCMP-EPERM
 * refuses kcmp(2), as Docker's default profile does without CAP_SYS_PTRACE.
 *
 * Usage: seccomp-close-range ENOSYS|EPERM|EINVAL-CLOEXEC|ERRNO=N|UNSHARE-EPERM|KCMP-EPERM COMMAND [ARG...]
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define NATIVE_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define NATIVE_ARCH AUDIT_ARCH_AARCH64
#else
#error "add this architecture's AUDIT_ARCH_ value"
#endif

#define NR_CLOSE_RANGE 436 /* the same on every architecture's generic table */
#define CLOSE_RANGE_CLOEXEC 4
/* seccomp_data.args are 64-bit; on little-endian the flags' low word comes first. */
#define FLAGS_LOW_WORD offsetof(struct seccomp_data, args[2])

static int usage(void) {
  fprintf(stderr, "usage: seccomp-close-range ENOSYS|EPERM|EINVAL-CLOEXEC|ERRNO=N|UNSHARE-EPERM|KCMP-EPERM COMMAND [ARG...]\n");
  return 125;
}

int main(int argc, char **argv) {
  if (argc < 3) return usage();
  int error;
  int only_cloexec = 0;
  int refused_call = NR_CLOSE_RANGE;
  if (strcmp(argv[1], "ENOSYS") == 0) error = ENOSYS;
  else if (strcmp(argv[1], "EPERM") == 0) error = EPERM;
  else if (strcmp(argv[1], "EINVAL-CLOEXEC") == 0) error = EINVAL, only_cloexec = 1;
  else if (strncmp(argv[1], "ERRNO=", 6) == 0) error = atoi(argv[1] + 6);
  else if (strcmp(argv[1], "UNSHARE-EPERM") == 0) error = EPERM, refused_call = __NR_unshare;
  else if (strcmp(argv[1], "KCMP-EPERM") == 0) error = EPERM, refused_call = __NR_kcmp;
  else return usage();

  struct sock_filter filter[] = {
    /* 0 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
    /* 1 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_ARCH, 0, 4),
    /* 2 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
    /* 3 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, refused_call, 0, 2),
    /* 4 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, FLAGS_LOW_WORD),
    /* 5 */ BPF_JUMP(BPF_JMP | BPF_JA, 1, 0, 0),
    /* 6 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    /* 7 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (error & SECCOMP_RET_DATA)),
  };
  struct sock_filter refuse_only_cloexec = BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLOSE_RANGE_CLOEXEC, 1, 0);
  if (only_cloexec) filter[5] = refuse_only_cloexec;
  struct sock_fprog program = { .len = sizeof filter / sizeof filter[0], .filter = filter };

  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0) {
    perror("seccomp-close-range: cannot install the filter");
    return 125;
  }
  execvp(argv[2], argv + 2);
  fprintf(stderr, "seccomp-close-range: cannot run %s: %s\n", argv[2], strerror(errno));
  return errno == ENOENT ? 127 : 126;
}
