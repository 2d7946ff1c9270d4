// Without procfs there is no link to read, but fstat's file type says as much
// for the kinds the runtime owns: anon inodes (epoll, eventfd, signalfd,
// timerfd, inotify, pidfd) have no type bits, a terminal is a character
// device of the tty majors, and libuv's reserve is a read-only /dev/null or "/".
import { fstatSync, statSync } from 'node:fs';
import { isReadOnly } from '../fd-flags.js';

const S_IFMT = 0o170000;
const ANON_INODE = 0;
const S_IFIFO = 0o010000;
const S_IFSOCK = 0o140000;
const S_IFCHR = 0o020000;
const S_IFDIR = 0o040000;
// 4: virtual consoles and serial ports, 5: /dev/tty, /dev/console, /dev/ptmx, 136-143: /dev/pts/*.
const TTY_MAJORS = new Set([4, 5, 136, 137, 138, 139, 140, 141, 142, 143]);
const DEV_NULL = { major: 1, minor: 3 };

/** Whether open fd `fd` is of a kind the runtime owns, judged by fstat alone; false once it is closed. */
export function isRuntimeKindByStat(fd: number): boolean {
  let stats;
  try {
    stats = fstatSync(fd);
  } catch {
    return false;
  }
  switch (stats.mode & S_IFMT) {
    case ANON_INODE:
    case S_IFIFO:
    case S_IFSOCK:
      return true;
    case S_IFCHR: {
      const major = Math.floor(stats.rdev / 256) & 0xfff;
      const minor = stats.rdev & 0xff;
      return TTY_MAJORS.has(major) || (major === DEV_NULL.major && minor === DEV_NULL.minor && isReadOnly(fd));
    }
    case S_IFDIR: {
      const root = statSync('/');
      return stats.dev === root.dev && stats.ino === root.ino && isReadOnly(fd);
    }
    default:
      return false;
  }
}
