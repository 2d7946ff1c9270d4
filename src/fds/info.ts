import type { OwnerName } from '../ownership/owner.js';
import { kindOfLinkTarget, kindOfPath, type FdType } from './kind.js';
import type { InodeFacts } from './stat.js';
import { accessOf, flagsOf } from './status-flags.js';
import type { FdInfo } from './types.js';

// procfs shows a position for every fd, but only these can seek: for pipes,
// sockets, terminals and anon inodes (io_uring on Node 22+) it means nothing.
const WITH_OFFSET = new Set<FdType>(['file', 'directory', 'char', 'block']);

export const typeOf = (target: string, facts: InodeFacts): FdType =>
  kindOfLinkTarget(target) ?? kindOfPath(target, facts.mode);

export const hasOffset = (type: FdType): boolean => WITH_OFFSET.has(type);

export interface RawFd {
  fd: number;
  type: FdType;
  target: string;
  cloexec: boolean;
  statusFlags: number;
  position: number | null;
  facts: InodeFacts;
  owner: OwnerName | null;
}

export function toFdInfo({ fd, type, target, cloexec, statusFlags, position, facts, owner }: RawFd): FdInfo {
  return {
    fd,
    type,
    target,
    cloexec,
    access: accessOf(statusFlags),
    runtime: owner !== null,
    owner,
    flags: flagsOf(statusFlags),
    position,
    size: type === 'file' ? facts.size : null,
    inode: facts.inode,
    device: facts.device,
    mountId: facts.mountId,
  };
}
