// glibc's closefrom test (io/tst-closefrom.c), case by case, through closeFrom in a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fixturePath, runFixture } from './helpers/run-fixture.js';

const FILE_LIMIT = 100;

/** Runs the case in a process started with RLIMIT_NOFILE = FILE_LIMIT, so that it can fill the table. */
function runWithFileLimit(name) {
  const child = spawnSync('/bin/sh', ['-c', `ulimit -n ${FILE_LIMIT} && exec "$0" "$@"`, process.execPath, fixturePath('close-range-glibc-cases.js'), name], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

test('closeFrom closes from the middle, then around holes from a quarter, then from +1, then all, leaving the table as it was', () => {
  const { result } = runFixture('close-range-glibc-cases.js', ['closefrom']);
  assert.equal(result.afterHalf, 50);
  assert.equal(result.afterQuarter, 25);
  assert.deepEqual(result.afterPlusOne, [result.low]);
  assert.equal(result.afterAll, 0);
  assert.equal(result.tableAsBefore, true);
});

test('closeFrom works with RLIMIT_NOFILE reached, koffi already loaded, on a table filled with /dev/null', () => {
  const result = runWithFileLimit('table-full-ffi-loaded');
  assert.equal(result.loadedBefore, true);
  assert.equal(result.full, true);
  assert.equal(result.limit, FILE_LIMIT);
  assert.deepEqual(result.stillOpen, []);
});

test('closeFrom works with RLIMIT_NOFILE reached before koffi was ever loaded', () => {
  const result = runWithFileLimit('table-full-ffi-unloaded');
  assert.deepEqual([result.loadedBefore, result.loadedAfter], [false, true]);
  assert.equal(result.full, true);
  assert.equal(result.limit, FILE_LIMIT);
  assert.deepEqual(result.stillOpen, []);
});
