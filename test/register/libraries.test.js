// close-range/register with the libraries people use: every child, started
// through node:child_process (ESM, CommonJS) or execa, cross-spawn,
// nano-spawn, zx, lists /proc/self/fd and must hold exactly 0-2, from a parent
// holding inherited fds, a FileHandle, a listening socket and fds native code
// opened without O_CLOEXEC before and after registering.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INHERITED, runRegistered } from '../helpers/run-registered.js';

const NATIVE_BEFORE = ['--require', './test/fixtures/register-native-before.js'];

function assertCleanChildren({ result, stderr }, expectedStarts) {
  assert.ok(result, `the fixture printed no result:\n${stderr}`);
  assert.equal(Object.keys(result.children).length, expectedStarts);
  for (const [name, fds] of Object.entries(result.children)) assert.deepEqual(fds, [0, 1, 2], `${name}'s child`);
  assert.equal(result.parentStillWorks, true, 'the parent could not read its FileHandle or accept on its socket');
}

test('without registering, every library hands its child the inherited fds above 15 and the native fds', () => {
  const { result } = runRegistered('register-libraries.js', { nodeArgs: NATIVE_BEFORE });
  const leaked = [20, 251, result.held.nativeBefore, result.held.nativeAfter].sort((a, b) => a - b);
  for (const [name, fds] of Object.entries(result.children)) {
    for (const fd of leaked) assert.ok(fds.includes(fd), `${name}'s child should hold ${fd} without register: ${fds}`);
  }
});

test('under --import close-range/register, no child of any library holds more than fds 0-2, and the parent keeps every fd working', () => {
  assertCleanChildren(runRegistered('register-libraries.js', { nodeArgs: [...NATIVE_BEFORE, '--import', 'close-range/register'] }), 11);
});

test('under NODE_OPTIONS=--import=close-range/register, no child of any library holds more than fds 0-2', () => {
  const env = { NODE_OPTIONS: `${NATIVE_BEFORE.join('=')} --import=close-range/register` };
  assertCleanChildren(runRegistered('register-libraries.js', { env }), 11);
});

test('a CommonJS app under --require close-range/register starts only clean children, through child_process and cross-spawn', () => {
  assertCleanChildren(runRegistered('register-libraries.cjs', { nodeArgs: [...NATIVE_BEFORE, '--require', 'close-range/register'] }), 5);
});

test('the inherited fds stay open in the registered parent', () => {
  const { result } = runRegistered('register-parent-fds.js', { nodeArgs: ['--import', 'close-range/register'] });
  assert.deepEqual(result.open, INHERITED);
});
