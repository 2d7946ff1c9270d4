// The runtime's copies of fds 0-2. Bun writes process.stdout and
// process.stderr through close-on-exec dups of 1 and 2 (made on first use);
// Deno keeps dups of stdio behind its stdout and stderr resources. A dup
// shares one open file description with its original, which kcmp(2) tells
// apart from a second open() of the same file: a user's /dev/null while
// stdin is /dev/null, or a user's log file that stdout also goes to.
import { EACCES, ENOSYS, EPERM, libc } from '../native/libc.js';
import { fileIdentity, isSameFile } from '../fds/stat.js';

const STDIO = [0, 1, 2];
// Kernels built without CONFIG_KCMP answer ENOSYS; seccomp profiles that
// allow it only with CAP_SYS_PTRACE (Docker's) answer EPERM.
const REFUSED = new Set([ENOSYS, EPERM, EACCES]);

let kcmpRefused = false;

/** Whether close-on-exec fd `fd` (>= 3) is a dup of fd 0, 1 or 2. */
export function isCopyOfStdio(fd: number): boolean {
  if (!kcmpRefused) {
    const answers = STDIO.map((stdio) => libc().sameOpenFile(fd, stdio));
    if (!answers.some((answer) => REFUSED.has(answer))) return answers.includes(0);
    kcmpRefused = true;
  }
  return isSameFileAsStdio(fd);
}

/** Without kcmp: the same file as fd 0, 1 or 2 (a user's second open of it counts too: kept, harmlessly). */
function isSameFileAsStdio(fd: number): boolean {
  const file = fileIdentity(fd);
  return STDIO.some((stdio) => isSameFile(file, fileIdentity(stdio)));
}
