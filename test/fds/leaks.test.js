import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoFdLeaks, snapshotFds } from '../../dist/index.js';
import { runFixture } from '../helpers/run-fixture.js';

const scenario = (name) => runFixture('fds-leaks.js', [name]).result;

describe('assertNoFdLeaks', () => {
  test('rejects what is not a function', async () => {
    for (const fn of [undefined, 42, Promise.resolve()]) {
      await assert.rejects(assertNoFdLeaks(fn), { code: 'ERR_INVALID_ARG_TYPE', message: /"fn"/ });
    }
  });

  test('reports a file left open, with its fd, type and path', () => {
    const { outcome, opened } = scenario('leaked open');
    assert.equal(opened.length, 1);
    assert.equal(outcome.code, 'ERR_FD_LEAK');
    assert.match(outcome.message, new RegExp(`fd ${opened[0]}: file /etc/hostname`));
    assert.deepEqual(outcome.leaked.map(({ fd, target }) => [fd, target]), [[opened[0], '/etc/hostname']]);
  });

  test('lists every fd left open, one a line', () => {
    const { outcome, opened } = scenario('two leaks');
    assert.equal(outcome.code, 'ERR_FD_LEAK');
    assert.match(outcome.message, /^2 file descriptors were left open/);
    assert.match(outcome.message, new RegExp(`\\n  fd ${opened[0]}: file /etc/hostname\\n  fd ${opened[1]}: directory /etc$`));
  });

  test('resolves when the file is closed again inside fn', () => {
    const { outcome, opened } = scenario('opened and closed');
    assert.deepEqual(outcome, { resolved: null });
    assert.deepEqual(opened, []);
  });

  test('waits for an async fn and resolves with its result', () => {
    assert.deepEqual(scenario('async result').outcome, { resolved: 42 });
  });

  test('reports what an async fn left open after its first await', () => {
    const { outcome, opened } = scenario('async leak');
    assert.equal(outcome.code, 'ERR_FD_LEAK');
    assert.deepEqual(outcome.leaked.map(({ fd }) => fd), opened);
  });

  test("does not report a worker thread's event loop, left running", () => {
    const { outcome, opened } = scenario('worker left running');
    assert.ok(opened.length >= 2, `the worker opened ${opened.length} fds`);
    assert.equal(outcome.code, undefined, outcome.message);
  });

  test('reports a file left open next to a worker thread that is still starting', () => {
    const { outcome, opened } = scenario('worker and a file left open');
    assert.equal(outcome.code, 'ERR_FD_LEAK');
    assert.deepEqual(outcome.leaked.map(({ target }) => target), ['/etc/hostname']);
    assert.ok(opened.length > 1, 'the worker opened fds of its own too');
  });

  test('reports a file left open while an asynchronous stat is still in flight', () => {
    const { outcome } = scenario('file left open while async fs is in flight');
    assert.equal(outcome.code, 'ERR_FD_LEAK');
    assert.deepEqual(outcome.leaked.map(({ target }) => target), ['/etc/hostname']);
  });

  test('reports an fd number closed and reopened to another file', () => {
    const { outcome, opened } = scenario('number reused for another file');
    assert.deepEqual(opened, []);
    assert.equal(outcome.code, 'ERR_FD_LEAK');
    assert.deepEqual(outcome.leaked.map(({ target }) => target), ['/etc/passwd']);
  });

  test('does not report the inotify fd libuv keeps after a watcher opened and closed inside fn', () => {
    const { outcome, opened } = scenario('watcher opened and closed');
    assert.equal(opened.length, 1, 'fs.watch opened no fd: nothing was tested');
    assert.deepEqual(outcome, { resolved: null });
  });

  test("passes fn's own error through", () => {
    assert.deepEqual(scenario('throws').outcome, { message: 'boom' });
  });

  test('does not report the stream Node creates lazily for stdout', () => {
    // Node 22+ creates process.stderr while koffi loads: with stderr a file, that opens nothing.
    const { outcome, opened } = runFixture('fds-leaks-stdout.js', [], { stderrToFile: true }).result;
    assert.ok(opened.length >= 1, 'creating process.stdout opened no fd: nothing was tested');
    assert.equal(outcome, 'resolved');
  });
});

describe('snapshotFds', () => {
  test('leaked() lists fds opened since the snapshot, and nothing when none was', () => {
    assert.deepEqual(snapshotFds().leaked(), []);
    const { leakedSinceSnapshot, opened } = scenario('leaked open');
    assert.deepEqual(leakedSinceSnapshot.map(({ fd, type, target }) => [fd, type, target]), [[opened[0], 'file', '/etc/hostname']]);
  });
});
