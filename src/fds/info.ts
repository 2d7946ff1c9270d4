import { kindOfLinkTarget, kindOfPath, type FdType } from './kind.js';
import type { InodeFacts } from './stat.js';
import { accessOf, flagsOf } from './status-flags.js';
import type { FdInfo } from './types.js';

// procfs shows a position for these too, but it means nothing there.
const WITHOUT_OFFSET = new Set<FdType>(['pipe', 'socket', 'tty']);

export const typeOf = (target: string, facts: InodeFacts): FdType =>
  kindOfLinkTarget(target) ?? kindOfPath(target, facts.mode);

export const hasOffset = (type: FdType): boolean => !WITHOUT_OFFSET.has(type);

export interface RawFd {
  fd: number;
  type: FdType;
  target: string;
  cloexec: boolean;
  statusFlags: number;
  position: number | null;
  facts: InodeFacts;
  runtime: boolean;
}

export function toFdInfo({ fd, type, target, cloexec, statusFlags, position, facts, runtime }: RawFd): FdInfo {
  return {
    fd,
    type,
    target,
    cloexec,
    access: accessOf(statusFlags),
    runtime,
    flags: flagsOf(statusFlags),
    position,
    size: type === 'file' ? facts.size : null,
    inode: facts.inode,
    device: facts.device,
    mountId: facts.mountId,
  };
}
