// What the Bun and Deno survival fixtures must show after closeFrom(3).
import assert from 'node:assert/strict';

const RUNTIME_TARGET = /^(anon_inode:|socket:|pipe:)/;

/** The runtime's event loops, sockets and pipes are the same fds before and after. */
export function assertRuntimeFdsKept({ before, after }) {
  const kept = Object.entries(before).filter(([fd, target]) => Number(fd) > 2 && RUNTIME_TARGET.test(target));
  assert.ok(kept.some(([, target]) => target === 'anon_inode:[eventpoll]'), 'the event loop is an epoll fd');
  for (const [fd, target] of kept) assert.equal(after[fd], target, `fd ${fd} (${target}) survived`);
}

/** Every check ran and returned what a working runtime returns. */
export function assertChecks(checks, expected) {
  const failures = Object.entries(checks).filter(([, check]) => !check.ok);
  assert.deepEqual(failures, [], 'every check ran without error');
  const values = Object.fromEntries(Object.entries(checks).map(([name, check]) => [name, check.value]));
  assert.deepEqual(values, expected);
}
