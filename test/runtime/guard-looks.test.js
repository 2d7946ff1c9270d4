// When the guard reads /proc/thread-self/fd again, counted with strace over
// three closeFrom(3) calls that follow a first one; and what its change probe
// leaves behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFixture } from '../helpers/run-fixture.js';
import { skipWhereRefused } from '../helpers/sandbox.js';
import { traceFixture } from '../helpers/strace.js';

const TRACED = skipWhereRefused({ trace: ['openat'] });

function looks(scenario) {
  const { result, sections } = traceFixture('runtime-guard-looks.js', [scenario], ['openat']);
  const opens = (section) => section.filter((call) => call.includes('/proc/thread-self/fd')).length;
  const perLook = opens(sections[0]);
  assert.ok(perLook > 0, 'the first call did not read /proc/thread-self/fd');
  return { result, looks: opens(sections[1]) / perLook };
}

test('the guard reuses its first look while only synchronous work happens between calls', TRACED, () => {
  assert.equal(looks('quiet').looks, 0);
});

test('the guard looks again after a new async resource (a timer) was created', TRACED, () => {
  assert.equal(looks('timer').looks, 3);
});

test('the guard looks on every call while a worker thread is alive', TRACED, () => {
  assert.equal(looks('worker').looks, 3);
});

test('a cached runtime fd whose number now holds a file of the caller is noticed by its device and inode, and the file is closed', TRACED, () => {
  const { result, looks: count } = looks('reused-number');
  assert.equal(count, 1);
  assert.equal(result.reusedFdOpen, false);
});

test('with async_hooks destroy hooks installed, every probe the guard creates is reported destroyed', () => {
  const { result } = runFixture('runtime-async-hooks.js', [], { nodeArgs: ['--expose-gc'] });
  // One a call at least; one more whenever a call's direct path hands over to the general one.
  assert.ok(result.created >= 1000, `${result.created} probes for 1000 calls`);
  assert.equal(result.alive, 0);
});
