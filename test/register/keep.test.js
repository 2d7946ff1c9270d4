// CLOSE_RANGE_KEEP=3,7: the listed fds reach every child of a registered
// process, whatever starts it; a list that cannot be honoured stops start-up.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runRegistered } from '../helpers/run-registered.js';

// 3 and 7 are below 16, which Node marks close-on-exec as it starts; 251 is above.
const SHELL = 'exec 3</dev/null 7</dev/null 20</dev/null 251</dev/null; exec "$@"';
const STARTS = ['spawnSync', 'spawn', 'execSync', 'execa'];

test('a bad CLOSE_RANGE_KEEP fails start-up under --import with ERR_INVALID_ENV_VALUE, naming the entry and the whole value', () => {
  const { status, stderr, result } = runRegistered('register-list-children.js', {
    nodeArgs: ['--import', 'close-range/register'],
    env: { CLOSE_RANGE_KEEP: '3,x' },
  });
  assert.notEqual(status, 0);
  assert.equal(result, undefined, 'the app ran although registering failed');
  assert.match(stderr, /code: 'ERR_INVALID_ENV_VALUE'/);
  assert.match(
    stderr,
    /The environment variable CLOSE_RANGE_KEEP must be a comma-separated list of descriptor numbers \(such as 3,7\), but entry 1 \("x"\) is not one\. Received '3,x'; fix or unset it\./,
  );
});

test('a CLOSE_RANGE_KEEP entry past the largest fd fails start-up under --require too', () => {
  const { status, stderr } = runRegistered('register-list-children.js', {
    nodeArgs: ['--require', 'close-range/register'],
    env: { CLOSE_RANGE_KEEP: '3, 99999999999' },
  });
  assert.notEqual(status, 0);
  assert.match(stderr, /code: 'ERR_INVALID_ENV_VALUE'/);
  assert.match(stderr, /but entry 1 \(" 99999999999"\) is not one\. Received '3, 99999999999'/);
});

test('without CLOSE_RANGE_KEEP, a registered process hands its children none of the inherited fds 3, 7, 20 and 251', () => {
  const { result, stderr } = runRegistered('register-list-children.js', { nodeArgs: ['--import', 'close-range/register'], shell: SHELL });
  assert.ok(result, stderr);
  for (const start of STARTS) assert.deepEqual(result.children[start], [0, 1, 2], start);
});

test('CLOSE_RANGE_KEEP=3,7,251: every child, from each way of starting one, inherits exactly 3, 7 and 251 besides 0-2, not 20', () => {
  const { result, stderr } = runRegistered('register-list-children.js', {
    nodeArgs: ['--import', 'close-range/register'],
    env: { CLOSE_RANGE_KEEP: '3,7,251' },
    shell: SHELL,
  });
  assert.ok(result, stderr);
  for (const start of STARTS) assert.deepEqual(result.children[start], [0, 1, 2, 3, 7, 251], start);
});

test('CLOSE_RANGE_KEEP=3,7 under NODE_OPTIONS with --require: the kept fds reach every child, passFds add to them', () => {
  const { result, stderr } = runRegistered('register-list-children.js', {
    env: { CLOSE_RANGE_KEEP: '3,7', NODE_OPTIONS: '--require close-range/register' },
    shell: SHELL,
    args: ['[20]'],
  });
  assert.ok(result, stderr);
  assert.deepEqual(result.children.spawnSync, [0, 1, 2, 3, 7, 20]);
  for (const start of STARTS.slice(1)) assert.deepEqual(result.children[start], [0, 1, 2, 3, 7], start);
});
