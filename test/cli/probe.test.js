import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { skipWhereRefused } from '../helpers/sandbox.js';
import { shell } from './run-cli.js';

const kernel = execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim();

function probeJson(sandbox) {
  const { status, stdout, stderr } = shell('close-range probe --json', { sandbox });
  assert.equal(status, 0, stderr);
  return JSON.parse(stdout);
}

test('probe --json names the running kernel and the mechanism close_range gives here', () => {
  const result = probeJson();
  assert.equal(result.kernel, kernel);
  assert.deepEqual(
    [result.mechanism, result.closeRange, result.closeRangeError, result.procfs],
    ['close_range', true, null, true],
  );
});

test('probe --json says procfs, and ENOSYS, where close_range(2) answers ENOSYS', () => {
  const result = probeJson({ closeRange: 'ENOSYS' });
  assert.deepEqual(
    [result.mechanism, result.closeRange, result.closeRangeError, result.cloexec, result.procfs],
    ['procfs', false, 'ENOSYS', false, true],
  );
});

test('probe --json says close_range closes but procfs marks close-on-exec on Linux 5.9 and 5.10 (EINVAL)', () => {
  const result = probeJson({ closeRange: 'EINVAL-CLOEXEC' });
  assert.deepEqual(
    [result.mechanism, result.cloexecMechanism, result.closeRange, result.cloexec, result.cloexecError],
    ['close_range', 'procfs', true, false, 'EINVAL'],
  );
});

test('probe --json says brute-force where neither close_range(2) nor procfs is there', skipWhereRefused({ procfs: false }), () => {
  const result = probeJson({ closeRange: 'EPERM', procfs: false });
  assert.deepEqual(
    [result.mechanism, result.closeRangeError, result.procfs],
    ['brute-force', 'EPERM', false],
  );
});

test('probe prints the kernel, each answer with what it means, and the reason for the choice', () => {
  const { status, stdout } = shell('close-range probe', { sandbox: { closeRange: 'EPERM' } });
  assert.equal(status, 0);
  assert.match(stdout, new RegExp(`^kernel +Linux ${kernel.replace(/[.+]/g, '\\$&')}$`, 'm'));
  assert.match(stdout, /^close_range\(2\) +no: EPERM, refused, typically by a container's seccomp profile$/m);
  assert.match(stdout, /^procfs +works/m);
  assert.match(stdout, /^closing uses +procfs$/m);
  assert.match(stdout, /^why: procfs /m);
  assert.doesNotMatch(stdout, /\x1b\[/);
});
