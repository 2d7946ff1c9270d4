// snapshotFds().leaked() reports exactly the fds the user's code left open:
// every fd it holds, a server's included, and none of the runtime's own,
// not even those made while the snapshot was taken (a worker's loop).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFixture } from '../helpers/run-fixture.js';

const outcomes = new Map();
const leaks = (...args) => {
  if (!outcomes.has(args.join())) outcomes.set(args.join(), runFixture('ownership-leaks.js', args).result);
  return outcomes.get(args.join());
};

const USER_LEAKS = 'a read-only /dev/null, pipes, sockets, an eventfd, an epoll fd and a timerfd native code opened (with CLOEXEC or without), a server left listening, a FileHandle and a write stream';

test(`snapshotFds().leaked() reports ${USER_LEAKS}`, () => {
  assert.deepEqual(leaks().missed, []);
});

test('snapshotFds().leaked() reports none of the runtime\'s own fds, not the signal pipe a first process.on(\'SIGUSR2\') uses', () => {
  assert.deepEqual(leaks().beyond, []);
});

// While a worker lives, its loop and handles look like close-on-exec pipes,
// sockets and anon inodes of the caller's (docs/runtime-guard.md#limits):
// those may be left out, named 'worker', and nothing else.
test(`snapshotFds().leaked() reports ${USER_LEAKS}, while a worker started meanwhile is alive, except the close-on-exec kinds a worker's loop has, named 'worker'`, () => {
  const { missed } = leaks('worker');
  const sparable = ({ label }) => label === 'js:devnull' || (label.startsWith('ffi:') && label.endsWith('+cloexec'));
  assert.deepEqual(missed.filter((entry) => !sparable(entry) || entry.owner !== 'worker'), []);
});

test('snapshotFds().leaked() does not report the loop of a worker started meanwhile', () => {
  assert.deepEqual(leaks('worker').beyond, []);
});
