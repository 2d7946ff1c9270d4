// One fd of another process: fcntl cannot reach it, so the flags and the
// offset come from /proc/<pid>/fdinfo/N; statx follows the magic link.
import { O_CLOEXEC, O_RDONLY, libc } from '../native/libc.js';
import { hasOffset, toFdInfo, typeOf } from './info.js';
import { readFdLink } from './link.js';
import { statFdLink } from './stat.js';
import type { FdInfo } from './types.js';

const FDINFO = /^pos:\s*(\d+)\nflags:\s*([0-7]+)\n/;
let fdinfoBuffer: Buffer | undefined;

/** An FdInfo without what only fdinfo tells (close-on-exec, access, status flags, offset): null there. */
export type FdInfoWithoutFdinfo = Omit<FdInfo, 'cloexec' | 'access' | 'flags' | 'position'> & {
  cloexec: null;
  access: null;
  flags: null;
  position: null;
};

/** FdInfo of fd `fd` of the process whose fd and fdinfo directories are open; a negative errno once it is closed. */
export function describeForeignFd(fd: number, fdDirFd: number, fdinfoDirFd: number): FdInfo | number {
  const fdinfo = readFdinfo(fdinfoDirFd, String(fd));
  if (typeof fdinfo === 'number') return fdinfo;
  const link = followLink(fd, fdDirFd);
  if (typeof link === 'number') return link;
  const { target, facts, type } = link;
  return toFdInfo({
    fd,
    type,
    target,
    cloexec: (fdinfo.flags & O_CLOEXEC) !== 0, // fdinfo adds the fd flag to the status flags
    statusFlags: fdinfo.flags,
    position: hasOffset(type) ? fdinfo.position : null,
    facts,
    owner: null,
  });
}

/** What the fd directory alone tells of fd `fd` (its fdinfo cannot be read); a negative errno once it is closed. */
export function describeForeignFdWithoutFdinfo(fd: number, fdDirFd: number): FdInfoWithoutFdinfo | number {
  const link = followLink(fd, fdDirFd);
  if (typeof link === 'number') return link;
  const { target, facts, type } = link;
  const { inode, device, mountId } = facts;
  const size = type === 'file' ? facts.size : null;
  return { fd, type, target, cloexec: null, access: null, runtime: false, owner: null, flags: null, position: null, size, inode, device, mountId };
}

/** The link's target and what statx tells of the file behind it; a negative errno once the fd is closed. */
function followLink(fd: number, fdDirFd: number) {
  const name = String(fd);
  const target = readFdLink(fdDirFd, name);
  if (typeof target === 'number') return target;
  const facts = statFdLink(fdDirFd, name);
  if (typeof facts === 'number') return facts;
  return { target, facts, type: typeOf(target, facts) };
}

function readFdinfo(fdinfoDirFd: number, name: string): { position: number; flags: number } | number {
  const { openat, read, close } = libc();
  const fd = openat(fdinfoDirFd, name, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0) return fd;
  const buffer = (fdinfoBuffer ??= Buffer.alloc(4096));
  const length = read(fd, buffer);
  close(fd);
  if (length < 0) return length;
  const match = FDINFO.exec(buffer.toString('latin1', 0, length));
  if (!match) throw new Error(`unexpected contents in fdinfo/${name}: ${JSON.stringify(buffer.toString('latin1', 0, length))}`);
  return { position: Number(match[1]), flags: parseInt(match[2]!, 8) };
}
