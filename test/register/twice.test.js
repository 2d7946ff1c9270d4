// Registering more than once (--import twice, --import with --require, the
// app importing it again) installs the hooks once: a child start goes through
// one layer of them, counted by the reads of its options.passFds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runRegistered } from '../helpers/run-registered.js';

const IMPORT = ['--import', 'close-range/register'];
const REQUIRE = ['--require', 'close-range/register'];

function layersOfHooks(options) {
  const { result, stderr } = runRegistered('register-twice.js', options);
  assert.ok(result, stderr);
  assert.equal(result.esmIsCommonJs, true, "the ESM named export is not the CommonJS module's function");
  return result;
}

test('without registering, nothing reads options.passFds and the child inherits fds 20 and 251', () => {
  const result = layersOfHooks({});
  assert.equal(result.passFdsReads, 0);
  assert.ok(result.fds.includes(20) && result.fds.includes(251), `${result.fds}`);
});

const TWICE = {
  'once with --import': { nodeArgs: IMPORT },
  'once with --require': { nodeArgs: REQUIRE },
  '--import twice': { nodeArgs: [...IMPORT, ...IMPORT] },
  '--require twice': { nodeArgs: [...REQUIRE, ...REQUIRE] },
  '--import and --require (the ESM and the CommonJS build)': { nodeArgs: [...IMPORT, ...REQUIRE] },
  '--require, then NODE_OPTIONS --import': { nodeArgs: REQUIRE, env: { NODE_OPTIONS: '--import=close-range/register' } },
  '--import, then the app imports and requires it again': { nodeArgs: IMPORT, args: ['again'] },
};
for (const [name, options] of Object.entries(TWICE)) {
  test(`${name}: one layer of hooks, and the child holds only 0-2`, () => {
    const result = layersOfHooks(options);
    assert.equal(result.passFdsReads, 1);
    assert.deepEqual(result.fds, [0, 1, 2]);
  });
}
