// What a child started through close-range/child_process inherits, seen by
// the child itself (`ls -l /proc/self/fd`), from a parent (a fixture)
// holding fds 200, 201 and 1000 without close-on-exec.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { runFixture } from '../helpers/run-fixture.js';

const FUNCTIONS = ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork'];
const { result: { paths, report } } = runFixture('child-inheritance.js');
// fork's child also holds the IPC channel, which fork puts at fd 3.
const stdioOf = (name) => (name === 'fork' ? [0, 1, 2, 3] : [0, 1, 2]);

for (const name of FUNCTIONS) {
  test(`${name} starts a child that holds only fds 0-2${name === 'fork' ? ' and its IPC channel' : ''} by default`, () => {
    assert.deepEqual(report[name].defaults, stdioOf(name));
  });

  test(`${name} with passFds hands over exactly those fds, close-on-exec ones included, as the same files`, () => {
    assert.deepEqual(report[name].passed, [...stdioOf(name), 200, 1000].sort((a, b) => a - b));
    assert.deepEqual(report[name].passedTargets, [paths[200], paths[1000]]);
  });

  test(`${name} leaves the parent's fds open and close-on-exec, passFds included`, () => {
    assert.deepEqual(report[name].markedAfter, [200, 201, 1000]);
    assert.deepEqual(report[name].passedCloexecAfter, [true, true]);
  });

  test(`${name} with closeFds: false hands the child the same fds as node:child_process's ${name}`, () => {
    assert.deepEqual(report[name].oursLeak, report[name].nodeLeak);
    for (const fd of [200, 201, 1000]) assert.ok(report[name].nodeLeak.includes(fd), `node's child holds ${fd}`);
  });
}

test('a passed fd is the same open file: the child writes at the offset the parent left, and moves it', () => {
  const { result } = runFixture('child-same-file.js');
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.content, 'abchi');
  assert.equal(result.offset, 5);
});

const python = spawnSync('python3', ['--version']).status === 0;

test("the child's fds match Python's subprocess with close_fds and pass_fds on the same parent", { skip: !python && 'python3 is not installed' }, () => {
  const { result } = runFixture('child-python-parity.js');
  assert.deepEqual(result.ours, result.python);
  assert.deepEqual(result.ours.passed, [0, 1, 2, 200, 1000]);
});

test("fork's child talks over its IPC channel and holds only the passed marker", () => {
  const { result } = runFixture('child-fork-ipc.js');
  assert.deepEqual(result, { channelIsSocket: true, markersInChild: [201], target201: true });
});

test('stdio entries beyond 2 survive closeFds; an ignored slot leaves a passed fd of its number alone', () => {
  const { result } = runFixture('child-stdio-extras.js');
  assert.deepEqual(result.pipeAt3, [0, 1, 2, 3]);
  assert.deepEqual(result.fdAt3, [0, 1, 2, 3]);
  assert.equal(result.fdAt3IsMarker200, true);
  assert.deepEqual(result.passedBehindIgnored, [0, 1, 2, 200]);
});
