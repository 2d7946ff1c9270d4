// exec, list and audit where close_range(2) or procfs is really missing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { skipWhereRefused } from '../helpers/sandbox.js';
import { fdNumbers, shell } from './run-cli.js';

const file = fileURLToPath(import.meta.url);
const SHELL_FDS = `exec 7<'${file}' 300</dev/null; `;
// Without procfs the new program tests each number by duplicating it.
const PROBE_FDS = 'bash -c \'for fd in {3..400}; do ( : <&$fd ) 2>/dev/null && echo $fd; done; true\'';

test('exec closes the same fds where close_range(2) answers ENOSYS (the procfs walk)', () => {
  const { status, stdout, stderr } = shell(`${SHELL_FDS}close-range exec --keep 300 -- ls /proc/self/fd`, { sandbox: { closeRange: 'ENOSYS' } });
  assert.equal(status, 0, stderr);
  assert.deepEqual(fdNumbers(stdout), [0, 1, 2, 3, 300]);
});

test('exec closes every fd >= 3 with neither close_range(2) nor procfs', skipWhereRefused({ procfs: false }), () => {
  const sandbox = { closeRange: 'EPERM', procfs: false };
  const before = shell(`${SHELL_FDS}${PROBE_FDS}`, { sandbox });
  assert.deepEqual(fdNumbers(before.stdout), [7, 300], 'the probe sees the shell\'s fds');
  const { status, stdout, stderr } = shell(`${SHELL_FDS}close-range exec -- ${PROBE_FDS}`, { sandbox });
  assert.equal(status, 0, stderr);
  assert.deepEqual(fdNumbers(stdout), []);
});

test('exec --keep without procfs exits 125: the caller\'s fds cannot be told from Node\'s own', skipWhereRefused({ procfs: false }), () => {
  const { status, stdout, stderr } = shell(`${SHELL_FDS}close-range exec --keep 7 -- echo ran`, { sandbox: { procfs: false } });
  assert.equal(status, 125);
  assert.equal(stdout, '');
  assert.match(stderr, /^close-range exec: without procfs at \/proc .*mount \/proc.*\n$/);
});

test('list and audit without procfs exit 125 and say that /proc is needed', skipWhereRefused({ procfs: false }), () => {
  for (const command of ['list', 'audit']) {
    const { status, stderr } = shell(`close-range ${command}`, { sandbox: { procfs: false } });
    assert.equal(status, 125);
    assert.match(stderr, new RegExp(`^close-range ${command}: .*procfs mounted at /proc\\n$`));
  }
});
