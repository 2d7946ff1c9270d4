// Bun's musl build (Alpine's): the library loads musl's libc and koffi's musl
// binary, and the calls that differ between libcs work there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runInRuntime } from './run-in-runtime.js';

test('under musl Bun the library binds musl libc through koffi\'s musl binary, and describes, lists and closes', () => {
  const { result } = runInRuntime('bun-musl', 'runtime-libc.js');
  assert.ok(result.libc.length > 0 && result.libc.every((path) => /musl/.test(path)), `libc mapped: ${result.libc}`);
  assert.equal(result.koffi.length, 1);
  assert.match(result.koffi[0], /\/musl_\w+\/koffi\.node$/);
  assert.equal(result.mechanism, 'close_range');
  const self = fileURLToPath(new URL('../fixtures/runtime-libc.js', import.meta.url));
  assert.deepEqual(result.described, { type: 'file', target: self, cloexec: true });
  assert.equal(result.listedBefore.length, 1);
  assert.deepEqual(result.listedAfter, []);
});
