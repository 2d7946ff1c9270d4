// snapshotFds().leaked() reports exactly the fds the user's code left open:
// none of the runtime's own, even those a first signal handler or a first
// server makes it open, but every fd the user's code holds, handles included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFixture } from '../helpers/run-fixture.js';

let outcome;
const leaks = () => (outcome ??= runFixture('ownership-leaks.js').result);

test('snapshotFds().leaked() reports a read-only /dev/null, pipes, sockets, an eventfd, an epoll fd and a timerfd native code opened (with CLOEXEC or without) and a server left listening', () => {
  assert.deepEqual(leaks().missed, []);
});

test('snapshotFds().leaked() reports none of the runtime\'s own fds: not the signal pipe a first process.on(\'SIGUSR2\') uses, nor a worker\'s loop started meanwhile', () => {
  assert.deepEqual(leaks().beyond, []);
});
