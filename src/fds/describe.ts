// describeFd and describeFds: what each descriptor is, as lsof and lsfd show it.
import { systemError } from '../errors.js';
import { EBADF, ENOENT, F_GETFD, libc } from '../native/libc.js';
import { ownerOf, runtimeOwnersNow } from '../runtime/guard.js';
import { validateBoolean, validateFd, validateOptions } from '../validate.js';
import { describeForeignFd, describeForeignFdWithoutFdinfo, type FdInfoWithoutFdinfo } from './describe-foreign.js';
import { describeOwnFd } from './describe-own.js';
import { openProcDirectory, procDirectory, readFdNumbers, withProcDirectory } from './directory.js';
import { listFds } from './list.js';
import { DESCRIBE_OPTIONS, INT_MAX, normalizeFdQuery, type FdQuery } from './options.js';
import { describeSocket } from './socket.js';
import { socketTable } from './socket-table.js';
import type { FdDescribeOptions, FdInfo } from './types.js';

const AT_FDCWD = -100;

/** What `fd` is in this process; an EBADF error when it is not open. */
export function describeFd(fd: number, options?: { sockets?: boolean }): FdInfo {
  validateFd(fd, 'fd');
  const sockets = validateBoolean(validateOptions(options, 'options', ['sockets']).sockets, 'options.sockets');
  const link = ownLink(fd);
  const info = fd <= INT_MAX ? describeOwnFd(fd, AT_FDCWD, link, ownerOf(fd)) : EBADF;
  if (typeof info !== 'number') return sockets ? withSocket(info) : info;
  // The link is missing when the fd was closed meanwhile, or when there is no /proc.
  if (info === ENOENT && libc().fcntl(fd, F_GETFD, 0) >= 0) {
    throw systemError(ENOENT, 'readlink', `'${link}' (describing descriptors needs /proc mounted)`);
  }
  throw systemError(info === ENOENT ? EBADF : info, 'fcntl', `(fd ${fd})`);
}

/** Every open fd in from..to of this process (or of `pid`), ascending. */
export function describeFds(options?: FdDescribeOptions): FdInfo[] {
  const query = normalizeFdQuery(options, DESCRIBE_OPTIONS);
  if (query.pid === undefined) return describeOwnFds(query);
  const infos = describeForeignFds(query.pid, query);
  return query.sockets ? withForeignSockets(query.pid, infos) : infos;
}

/**
 * Every open fd of `pid` as far as /proc/PID/fd tells it, for when its
 * fdinfo cannot be read (a mount over it, an LSM): ls and lsof still show
 * these. Not public: the FdInfo contract has no unknown close-on-exec.
 */
export function describeFdsWithoutFdinfo(pid: number, sockets: boolean): FdInfoWithoutFdinfo[] {
  const infos = withProcDirectory(pid, (fdDirFd) => {
    const described: FdInfoWithoutFdinfo[] = [];
    for (const fd of readFdNumbers(fdDirFd, 0, INT_MAX, -1)) {
      const info = describeForeignFdWithoutFdinfo(fd, fdDirFd);
      if (typeof info !== 'number') described.push(info);
      else refuseUnlessClosed(info, pid, fd);
    }
    return described;
  });
  return sockets ? withForeignSockets(pid, infos) : infos;
}

function withForeignSockets<T extends { type: string; inode: number }>(pid: number, infos: T[]): T[] {
  if (!infos.some((info) => info.type === 'socket')) return infos;
  const sockets = socketTable(pid);
  return infos.map((info) => {
    const socket = info.type === 'socket' ? sockets.get(info.inode) : undefined;
    return socket ? { ...info, socket } : info;
  });
}

function describeOwnFds({ from, to, sockets }: FdQuery): FdInfo[] {
  const owners = runtimeOwnersNow();
  const describeEach = (fds: number[], linkDirFd: number, linkName: (fd: number) => string): FdInfo[] => {
    const infos: FdInfo[] = [];
    for (const fd of fds) {
      const info = describeOwnFd(fd, linkDirFd, linkName(fd), owners.get(fd) ?? null);
      if (typeof info !== 'number') infos.push(sockets ? withSocket(info) : info); // else closed meanwhile by another thread
    }
    return infos;
  };
  try {
    return withProcDirectory(undefined, (dirFd) => describeEach(readFdNumbers(dirFd, from, to, dirFd), dirFd, String));
  } catch (error) {
    // A full table leaves no fd for the directory; links read by path need none.
    if ((error as { code?: string }).code !== 'EMFILE') throw error;
    return describeEach(listFds({ from, to }), AT_FDCWD, ownLink);
  }
}

const ownLink = (fd: number): string => `${procDirectory(undefined, 'fd')}/${fd}`;

function describeForeignFds(pid: number, { from, to }: FdQuery): FdInfo[] {
  return withProcDirectory(pid, (fdDirFd) => {
    const fds = readFdNumbers(fdDirFd, from, to, -1);
    const fdinfoDirFd = openProcDirectory(pid, 'fdinfo');
    try {
      const infos: FdInfo[] = [];
      for (const fd of fds) {
        const info = describeForeignFd(fd, fdDirFd, fdinfoDirFd);
        if (typeof info !== 'number') infos.push(info);
        else refuseUnlessClosed(info, pid, fd);
      }
      return infos;
    } finally {
      libc().close(fdinfoDirFd);
    }
  });
}

// ENOENT: closed meanwhile. Anything else (EACCES when the links of a
// process with more capabilities cannot be followed) would leave the fd out
// of the listing unsaid.
function refuseUnlessClosed(errno: number, pid: number, fd: number): void {
  if (errno !== ENOENT) throw systemError(errno, 'readlink', `'${procDirectory(pid, 'fd')}/${fd}'`);
}

function withSocket(info: FdInfo): FdInfo {
  const socket = info.type === 'socket' ? describeSocket(info.fd) : undefined;
  return socket ? { ...info, socket } : info;
}
