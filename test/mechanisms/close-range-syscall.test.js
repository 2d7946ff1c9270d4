// close_range(2) itself: on this kernel, where Linux 5.9/5.10 refuse only
// CLOSE_RANGE_CLOEXEC (a real seccomp filter answers EINVAL for that flag),
// where procfs is missing (a tmpfs over /proc), and where the kernel answers
// an error that is no refusal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCase, testCoreCases } from '../helpers/mechanism-cases.js';

const WORKS = { closeRange: 0, cloexec: 0 };

testCoreCases('close_range', {}, { kernel: WORKS, procfs: true, mechanism: 'close_range', cloexecMechanism: 'close_range' });

testCoreCases(
  'close_range without CLOEXEC (Linux 5.9/5.10)',
  { closeRange: 'EINVAL-CLOEXEC' },
  { kernel: { closeRange: 0, cloexec: -22 }, procfs: true, mechanism: 'close_range', cloexecMechanism: 'procfs' },
);

testCoreCases(
  'close_range without procfs (guard by fstat)',
  { procfs: false },
  { kernel: WORKS, procfs: false, mechanism: 'close_range', cloexecMechanism: 'close_range' },
);

test('an error close_range answers that is no refusal (EBUSY) is thrown as is, with nothing touched', () => {
  const { result } = runCase('unexpectedError', { closeRange: 'ERRNO=16' }, {
    kernel: { closeRange: -16, cloexec: -16 }, procfs: true, mechanism: 'close_range', cloexecMechanism: 'close_range',
  });
  for (const error of [result.closeError, result.cloexecError]) {
    assert.deepEqual([error.code, error.errno, error.syscall], ['EBUSY', -16, 'close_range']);
  }
  assert.deepEqual(Object.values(result.fds), ['open', 'open']);
});
