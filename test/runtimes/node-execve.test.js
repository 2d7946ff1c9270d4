// Node 22.15+ has process.execve. Run under each such Node by
// `npm run test:runtimes`: what each execve hands the new program.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFixture } from '../helpers/run-fixture.js';

const SIGPIPE_AND_SIGXFSZ = (1n << 12n) | (1n << 24n);
const ignored = (sigIgn) => BigInt(`0x${sigIgn}`);

test('this Node has process.execve (the matrix lists this file only for Node 22.15 and later)', () => {
  assert.equal(typeof process.execve, 'function');
});

test("process.execve hands the new program Node's non-close-on-exec fds and its ignored SIGPIPE and SIGXFSZ", () => {
  const { result, stdout } = runFixture('runtime-execve-inherited.js', ['node']);
  assert.equal(result.pid, JSON.parse(stdout.split('\n')[0]).pid, 'same process');
  assert.ok(result.fds.includes(result.leaked), `fd ${result.leaked} reached sh: ${result.fds}`);
  assert.equal(ignored(result.sigIgn) & SIGPIPE_AND_SIGXFSZ, SIGPIPE_AND_SIGXFSZ);
});

test("close-range's execve, on the same Node, hands over only 0-2 and restores SIGPIPE and SIGXFSZ", () => {
  const { result, stdout } = runFixture('runtime-execve-inherited.js', ['ours']);
  assert.equal(result.pid, JSON.parse(stdout.split('\n')[0]).pid, 'same process');
  assert.ok(!result.fds.includes(result.leaked), `fd ${result.leaked} reached sh: ${result.fds}`);
  // ls's own directory fd is 3.
  assert.deepEqual(result.fds, [0, 1, 2, 3]);
  assert.equal(ignored(result.sigIgn) & SIGPIPE_AND_SIGXFSZ, 0n);
});
