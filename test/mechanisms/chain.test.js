// The chain: the order, what is cached, and forcing a mechanism with
// CLOSE_RANGE_MECHANISM. Which syscalls ran is seen from outside, by strace.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCase, testCoreCases } from '../helpers/mechanism-cases.js';
import { runSandboxed, skipWhereRefused } from '../helpers/sandbox.js';

const TRACED = skipWhereRefused({ trace: ['close_range'] });
const WORKS = { closeRange: 0, cloexec: 0 };
const count = (calls, name) => calls.filter((call) => call === name).length;

test('CLOSE_RANGE_MECHANISM with an unknown name makes the first call throw ERR_INVALID_ARG_VALUE naming the valid ones', () => {
  const { result } = runSandboxed('mechanism-probe.js', ['close'], {}, { env: { CLOSE_RANGE_MECHANISM: 'fast' } });
  assert.equal(result.error?.code, 'ERR_INVALID_ARG_VALUE');
  assert.match(result.error.message, /CLOSE_RANGE_MECHANISM must be one of 'close_range', 'procfs', 'brute-force'.*Received 'fast'/);
});

testCoreCases('forced procfs', {}, { kernel: WORKS, procfs: true, mechanism: 'procfs', cloexecMechanism: 'procfs' }, { CLOSE_RANGE_MECHANISM: 'procfs' });

testCoreCases(
  'forced brute-force',
  {},
  { kernel: WORKS, procfs: true, mechanism: 'brute-force', cloexecMechanism: 'brute-force' },
  { CLOSE_RANGE_MECHANISM: 'brute-force' },
);

test('forced procfs reads the fd directory and never calls close_range', TRACED, () => {
  const { trace } = runCase('beforeExec', { trace: ['close_range', 'getdents64', 'write'] }, {
    kernel: WORKS, procfs: true, mechanism: 'procfs', cloexecMechanism: 'procfs',
  }, { CLOSE_RANGE_MECHANISM: 'procfs' });
  assert.equal(count(trace, 'close_range'), 0);
  assert.ok(count(trace, 'getdents64') >= 2, trace.join(' '));
});

test('forced brute-force neither calls close_range nor reads a directory, and closes every number below the table size (32768 with fd 19999 open)', TRACED, () => {
  const { trace } = runCase('beforeExec', { trace: ['close_range', 'getdents64', 'close', 'write'] }, {
    kernel: WORKS, procfs: true, mechanism: 'brute-force', cloexecMechanism: 'brute-force',
  }, { CLOSE_RANGE_MECHANISM: 'brute-force' });
  assert.equal(count(trace, 'close_range'), 0);
  assert.equal(count(trace, 'getdents64'), 0);
  assert.ok(count(trace, 'close') >= 32768 - 3, `${count(trace, 'close')} close calls`);
  assert.ok(count(trace, 'close') < 32768 + 64, `${count(trace, 'close')} close calls`);
});

test('after close_range answers ENOSYS once, later calls go straight to the walk', TRACED, () => {
  const { result, trace } = runCase('repeated', { closeRange: 'ENOSYS', trace: ['close_range', 'write'] }, {
    kernel: { closeRange: -38, cloexec: -38 }, procfs: true, mechanism: 'procfs', cloexecMechanism: 'procfs',
  });
  assert.deepEqual(Object.values(result.fds), ['closed', 'closed', 'closed']);
  assert.equal(count(trace, 'close_range'), 1);
});
