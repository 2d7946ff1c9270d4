// The rule when the runtime cannot be asked (a worker thread, whose loop
// this library cannot reach; a libuv whose loop layout did not verify; no
// procfs to check a layout against): an fd is spared when it is
// close-on-exec and of a kind only a runtime opens: a pipe, socket, terminal
// or anon inode, or a read-only /dev/null or "/" (libuv's reserve). A
// caller's fd of such a kind is spared too, named 'node:by-type'.
import { ANON_INODE_TYPES, kindOfLinkTarget, type FdType } from '../fds/kind.js';
import { isRuntimeKindByStat } from '../runtime/kind-by-stat.js';
import type { FdOwner } from './owner.js';

const RUNTIME_KINDS = new Set<FdType>(['pipe', 'socket', 'tty', ...ANON_INODE_TYPES]);

/** libuv's EMFILE reserve is a read-only /dev/null, or "/" where /dev/null is missing. */
export const mayBeEmfileReserve = (target: string): boolean => target === '/dev/null' || target === '/';

export const byTypeOwner: FdOwner = {
  claim(look, claim) {
    for (const fd of look.fds) {
      if (!look.cloexec(fd)) continue;
      const target = look.target(fd);
      const byKind = target === undefined ? isRuntimeKindByStat(fd) : isRuntimeKindOfTarget(target, () => look.readOnly(fd));
      if (byKind) claim(fd, 'node:by-type');
    }
  },
};

function isRuntimeKindOfTarget(target: string, readOnly: () => boolean): boolean {
  const kind = kindOfLinkTarget(target);
  if (kind !== undefined && RUNTIME_KINDS.has(kind)) return true;
  return mayBeEmfileReserve(target) && readOnly();
}
