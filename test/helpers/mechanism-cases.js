// The core closing cases, registered as tests for one sandbox: every
// mechanism must give the same results. Each test first checks that the
// sandbox really is in place (what close_range answers, whether procfs is
// there), so a missing filter or namespace fails loudly instead of passing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSandboxed, skipWhereRefused } from './sandbox.js';

const HIGH_FD = 19999;

/**
 * sandbox: see sandboxed() in sandbox.js. expected: { kernel: { closeRange, cloexec } (raw
 * answers, 0 or -errno), procfs, mechanism, cloexecMechanism }. env: extra environment.
 */
export function runCase(name, sandbox, expected, env) {
  const { result, stderr, trace } = runSandboxed('mechanism-case.js', [name], sandbox, { env });
  assert.deepEqual(result.kernel, expected.kernel, `the sandbox is not in place: close_range answers ${JSON.stringify(result.kernel)}`);
  assert.equal(result.procfs, expected.procfs, 'the sandbox is not in place: procfs');
  assert.equal(result.mechanism, expected.mechanism);
  assert.equal(result.cloexecMechanism, expected.cloexecMechanism);
  return { result, stderr, trace: trace && syscallsOfTheCase(trace) };
}

/** The syscall names strace saw between the fixture's begin and end markers, in order. */
function syscallsOfTheCase(trace) {
  const lines = trace.split('\n');
  const begin = lines.findIndex((line) => line.includes('mechanism-case:begin'));
  const end = lines.findIndex((line) => line.includes('mechanism-case:end'));
  assert.ok(begin >= 0 && end > begin, `strace saw no case markers:\n${trace.slice(0, 2000)}`);
  return lines.slice(begin + 1, end).map((line) => /^\d+\s+(\w+)\(/.exec(line)?.[1]).filter(Boolean);
}

const onlyStates = (states, wanted) => Object.values(states).every((state) => state === wanted);

export function testCoreCases(label, sandbox, expected, env) {
  const run = (name) => runCase(name, sandbox, expected, env).result;
  const options = skipWhereRefused(sandbox);

  test(`${label}: closeRange closes every open fd in the range and skips holes`, options, () => {
    const result = run('holes');
    assert.deepEqual(result.open, result.fds.slice(6));
  });

  test(`${label}: closeRange rejects first > last and unknown flags with EINVAL and touches nothing`, options, () => {
    const result = run('einval');
    for (const error of [result.reversed, result.unknownFlag]) {
      assert.deepEqual([error.code, error.errno, error.syscall], ['EINVAL', -22, 'close_range']);
    }
    assert.ok(onlyStates(result.fds, 'open'), JSON.stringify(result.fds));
  });

  test(`${label}: closeFrom(3) closes every user fd, 19999 too, spares only close-on-exec runtime fds, and the runtime keeps working`, options, () => {
    const result = run('sparse');
    assert.equal(result.error, null);
    assert.ok(onlyStates(result.fds, 'closed'), JSON.stringify(result.fds));
    assert.ok(onlyStates(result.left, 'cloexec'), `left open without close-on-exec: ${JSON.stringify(result.left)}`);
    assert.equal(result.runtimeWorks, true);
  });

  test(`${label}: closeFrom(3, { beforeExec }) leaves nothing open from fd 3 up, 19999 included`, options, () => {
    const result = run('beforeExec');
    assert.equal(result.error, null);
    assert.deepEqual(result.left, []);
    assert.equal(result.fds[HIGH_FD], 'closed');
  });

  test(`${label}: cloexecFrom(3) marks every fd from 3 up close-on-exec, 19999 included, and closes none`, options, () => {
    const result = run('cloexec');
    assert.equal(result.error, null);
    assert.ok(onlyStates(result.fds, 'cloexec'), JSON.stringify(result.fds));
    assert.ok(onlyStates(result.left, 'cloexec'), JSON.stringify(result.left));
  });

  test(`${label}: keep leaves the kept fds untouched, for cloexec and for close`, options, () => {
    const result = run('keep');
    assert.equal(result.cloexecError, null);
    assert.equal(result.closeError, null);
    assert.deepEqual(result.marked, { [result.a]: 'cloexec', [result.b]: 'open', [result.c]: 'cloexec', [result.c + 1]: 'cloexec', [HIGH_FD]: 'cloexec' });
    assert.deepEqual(result.left, [result.c, HIGH_FD]);
  });

  test(`${label}: unshare closes in a private table: another thread still sees the fd open`, options, () => {
    const result = run('unshare');
    assert.equal(result.error, null);
    assert.deepEqual(result.shared, { here: false, worker: false }, 'without unshare both threads share one table');
    assert.deepEqual(result.split, { here: false, worker: true });
  });
}
