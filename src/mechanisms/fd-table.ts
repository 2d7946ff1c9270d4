// The size of this thread's descriptor table (the kernel's max_fds), found
// without /proc. The kernel only ever grows a table, so every fd open here is
// below its size, whatever RLIMIT_NOFILE says now: an fd opened or inherited
// before the limit was lowered is still inside. select(2) silently clamps
// nfds to the table size before it checks the sets, so a read set naming only
// a closed fd k fails with EBADF when k is inside the table and succeeds
// (nothing ready) when k is beyond it.
import { systemError } from '../errors.js';
import { EBADF, F_GETFD, libc } from '../native/libc.js';


let readSet: Buffer | undefined;

/** The table size if it is at most `bound`, else Infinity; about 2 log2(bound) syscalls. */
export function fdTableSize(bound: number): number {
  if (isInsideTable(bound)) return Infinity;
  // isInsideTable(below) holds (fd -1 stands for "before the table"), isInsideTable(size) does not.
  let below = -1;
  let size = bound;
  while (size - below > 1) {
    const middle = Math.floor((below + size) / 2);
    if (isInsideTable(middle)) below = middle;
    else size = middle;
  }
  return size;
}

function isInsideTable(fd: number): boolean {
  if (libc().fcntl(fd, F_GETFD, 0) >= 0) return true;
  // fd_set is an array of longs: the kernel reads whole words.
  const bytes = Math.ceil((fd + 1) / 64) * 8;
  if (readSet === undefined || readSet.length < bytes) readSet = Buffer.alloc(bytes);
  readSet[fd >> 3] = 1 << (fd & 7);
  const result = libc().selectReadable(fd + 1, readSet);
  readSet[fd >> 3] = 0;
  if (result === EBADF) return true;
  if (result < 0) throw systemError(result, 'select', '(measuring the descriptor table)');
  return false;
}
