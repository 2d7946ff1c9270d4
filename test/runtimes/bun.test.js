// Bun: koffi loads, the guard knows Bun's own fds without a fingerprint, and
// a live Bun process keeps working after closeFrom(3).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ensureRuntime } from '../../scripts/runtimes/install.js';
import { fixturePath } from '../helpers/run-fixture.js';
import { runInRuntime } from './run-in-runtime.js';
import { assertChecks, assertRuntimeFdsKept } from './survival-assertions.js';

test('koffi loads under Bun and probe() finds close_range', () => {
  const { result } = runInRuntime('bun', 'runtime-probe.js');
  assert.equal(result.runtime, 'bun');
  assert.equal(result.probe.mechanism, 'close_range');
});

test('closeFrom(3) in a live Bun process closes the user fds and leaves timers, fs, servers, workers, signals and children working', () => {
  const { result } = runInRuntime('bun', 'runtime-survival-bun.js');
  assert.deepEqual(result.userFdsOpenAfter, [], `user fds ${result.userFds} were closed`);
  assertRuntimeFdsKept(result);
  const { newChildFds, ...checks } = result.checks;
  assertChecks(checks, {
    timers: 'fired',
    syncFs: 'sync',
    asyncFs: 'bun-write+bun-write',
    serverStartedBefore: 'served',
    serverStartedAfter: 'fresh',
    workerStartedBefore: 42,
    workerStartedAfter: 100,
    signals: 'SIGUSR2',
    childPipesOpenedBefore: 'piped before',
    bunSpawnAfter: 'piped after',
    nodeChildProcess: 'node:child_process',
  });
  // ls's own directory fd is 3.
  assert.deepEqual(newChildFds.value, [0, 1, 2, 3]);
});

test('Bun marks inherited fds from 4 up close-on-exec at start-up (not fd 3), and closeFrom(3) closes both', () => {
  const file = openSync('/etc/hostname', 'r');
  const { result } = runInRuntime('bun', 'runtime-inherited-fd.js', { stdio: ['ignore', 'pipe', 'pipe', file, file] });
  assert.deepEqual(result, { cloexecAtStart: { 3: false, 4: true }, openAfterCloseFrom: { 3: false, 4: false } });
});

test("close-range/child_process on Bun: spawn, spawnSync, execFileSync and execSync hand the child its passFds (Bun's own spawn passes nothing beyond stdio); exec and fork with passFds throw ERR_RUNTIME_UNSUPPORTED", () => {
  const { result } = runInRuntime('bun', 'runtime-child-process.js');
  const { leaked, passed } = result;
  assert.deepEqual(result.runtimeOwn, [0, 1, 2, 3], "Bun's own spawnSync: stdio and ls's directory fd");
  for (const call of ['oursSync', 'oursExecFileSync', 'oursExecSync', 'oursSpawn']) {
    assert.deepEqual(result[call], [0, 1, 2, 3, passed], `${call}: fd ${passed} passed, fd ${leaked} not`);
  }
  assert.equal(result.oursExecPromisified.code, 'ERR_RUNTIME_UNSUPPORTED');
  assert.match(result.oursExecPromisified.message, /exec\(\) and execFile\(\) with passFds is not supported on Bun/);
  assert.equal(result.forked.code, 'ERR_RUNTIME_UNSUPPORTED');
  assert.match(result.forked.message, /fork\(\) with passFds is not supported on Bun/);
});

test("close-range's execve on Bun replaces the process, hands over only 0-2 and restores SIGPIPE and SIGXFSZ", () => {
  const { result, lines } = runInRuntime('bun', 'runtime-execve-inherited.js', { args: ['ours'] });
  assert.equal(result.pid, JSON.parse(lines[0]).pid, 'same process');
  // ls's own directory fd is 3.
  assert.deepEqual(result.fds, [0, 1, 2, 3]);
  assert.equal(result.sigIgn, '0000000000000000');
});

test("with stdout on a regular file, closeFrom(3) leaves Bun's copy of it open and process.stdout keeps writing", () => {
  const directory = mkdtempSync(join(tmpdir(), 'close-range-bun-stdout-'));
  try {
    const output = openSync(join(directory, 'out'), 'w');
    const bun = spawnSync(ensureRuntime('bun'), [fixturePath('runtime-bun-stdout-file.js')], {
      stdio: ['ignore', output, 'pipe'],
      encoding: 'utf8',
    });
    closeSync(output);
    assert.equal(bun.status, 0, bun.stderr);
    assert.deepEqual(JSON.parse(bun.stderr.trim().split('\n').at(-1)), { writeError: null });
    assert.equal(readFileSync(join(directory, 'out'), 'utf8'), 'before\nafter\n');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

test("assertNoFdLeaks under Bun reports a file left open, and not the fds of a Worker and a server left running", () => {
  const { result } = runInRuntime('bun', 'runtime-bun-leaks.js');
  assert.equal(result.outcome.code, 'ERR_FD_LEAK');
  assert.match(result.outcome.message, /^1 file descriptor was left open[\s\S]*file \/etc\/hostname$/);
  assert.ok(result.opened.length >= 4, `the Worker's loop and the server opened fds too: ${result.opened}`);
});
