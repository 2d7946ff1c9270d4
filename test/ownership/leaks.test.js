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

const USER_LEAKS = 'a read-only /dev/null, pipes, sockets, an eventfd, an epoll fd and a timerfd native code opened (with CLOEXEC or without) and a server left listening';

test(`snapshotFds().leaked() reports ${USER_LEAKS}`, () => {
  assert.deepEqual(leaks().missed, []);
});

test('snapshotFds().leaked() reports none of the runtime\'s own fds, not the signal pipe a first process.on(\'SIGUSR2\') uses', () => {
  assert.deepEqual(leaks().beyond, []);
});

test(`snapshotFds().leaked() reports ${USER_LEAKS}, while a worker started meanwhile is alive`, () => {
  assert.deepEqual(leaks('worker').missed, []);
});

test('snapshotFds().leaked() does not report the loop of a worker started meanwhile', () => {
  assert.deepEqual(leaks('worker').beyond, []);
});
