// The fds behind the default loop's live handles (uv_walk + uv_fileno):
// servers, sockets, child-process pipes, terminals, UDP sockets, polls. A
// handle's fd is closed when the handle closes, which makes no new async id,
// so the guard checks each of these again before it trusts a cached answer.
import { libuv, UV_NAMED_PIPE, UV_POLL, UV_TCP, UV_TTY, UV_UDP } from '../native/libuv.js';
import type { FdOwner, OwnerName } from './owner.js';

const OWNER_BY_TYPE = new Map<number, OwnerName>([
  [UV_TCP, 'node:tcp'],
  [UV_NAMED_PIPE, 'node:pipe'],
  [UV_TTY, 'node:tty'],
  [UV_UDP, 'node:udp'],
  [UV_POLL, 'node:poll'],
]);

export const nodeHandlesOwner: FdOwner = {
  claim(look, claim) {
    libuv()!.walkHandles((type, fd) => {
      const owner = OWNER_BY_TYPE.get(type);
      if (owner !== undefined && look.isOpen(fd)) claim(fd, owner);
    });
  },
};
