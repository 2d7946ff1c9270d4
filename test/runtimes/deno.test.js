// Deno (deno run -A): koffi loads with --allow-ffi, every fd behind a Deno
// resource is runtime-owned, missing permissions are named, and a live Deno
// process keeps working after closeFrom(3).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { ensureRuntime } from '../../scripts/runtimes/install.js';
import { fixturePath } from '../helpers/run-fixture.js';
import { runInRuntime } from './run-in-runtime.js';
import { assertChecks, assertRuntimeFdsKept } from './survival-assertions.js';

test('without --allow-read the first call throws ERR_DENO_PERMISSION naming --allow-read', () => {
  const { result } = runInRuntime('deno', 'runtime-deno-permissions.js', { flags: ['run'], args: ['closeFrom'] });
  assert.equal(result.code, 'ERR_DENO_PERMISSION');
  assert.match(result.message, /--allow-read/);
  assert.equal(result.cause, 'NotCapable');
});

test('without --allow-ffi loading koffi throws ERR_DENO_PERMISSION naming --allow-ffi', () => {
  const { result } = runInRuntime('deno', 'runtime-deno-permissions.js', { flags: ['run', '--allow-read'], args: ['probe'] });
  assert.equal(result.code, 'ERR_DENO_PERMISSION');
  assert.match(result.message, /--allow-ffi/);
});

test('with --allow-read and --allow-ffi but not -A, reading /proc/self/fd throws ERR_DENO_PERMISSION naming --allow-all', () => {
  const { result } = runInRuntime('deno', 'runtime-deno-permissions.js', {
    flags: ['run', '--allow-read', '--allow-ffi'],
    args: ['closeFrom'],
  });
  assert.equal(result.code, 'ERR_DENO_PERMISSION');
  assert.match(result.message, /--allow-all/);
});

test('koffi loads under deno run -A and probe() finds close_range', () => {
  const { result } = runInRuntime('deno', 'runtime-probe.js');
  assert.equal(result.runtime, 'deno');
  assert.equal(result.probe.mechanism, 'close_range');
});

test('closing the fd behind a Deno resource natively makes the resource read, then close, the file that reuses the number', () => {
  const { result } = runInRuntime('deno', 'runtime-deno-resource-reuse.js');
  assert.equal(result.reused, result.fd);
  assert.equal(result.read, 'second');
  assert.equal(result.reusedOpenAfterResourceClose, false);
});

test('closeFrom(3) in a live Deno process closes fds Deno does not own and leaves Deno resources, node:fs fds, servers, workers, signals and children working', () => {
  const { result } = runInRuntime('deno', 'runtime-survival-deno.js');
  assert.equal(result.foreignFdOpenAfter, false, `fd ${result.foreignFd}, opened without O_CLOEXEC, was closed`);
  assertRuntimeFdsKept(result);
  const { newChildFds, ...checks } = result.checks;
  assertChecks(checks, {
    timers: 'fired',
    denoFileOpenedBefore: 'before',
    nodeFsFdOpenedBefore: 'before',
    syncFs: 'sync',
    asyncFs: 'deno-write+deno-write',
    serverStartedBefore: 'served',
    serverStartedAfter: 'fresh',
    workerStartedBefore: 42,
    workerStartedAfter: 100,
    signals: 'SIGUSR2',
    childPipesOpenedBefore: 'piped before',
    denoCommandAfter: 'piped after',
    nodeChildProcess: 'node:child_process',
  });
  // ls's own directory fd is 3.
  assert.deepEqual(newChildFds.value, [0, 1, 2, 3]);
});

test('cloexecFrom(3) under Deno marks an fd opened without O_CLOEXEC, which then reaches no child, and which closeFrom(3) then spares', () => {
  const { result } = runInRuntime('deno', 'runtime-deno-cloexec.js');
  assert.deepEqual(result, {
    fd: result.fd,
    cloexecBefore: false,
    cloexecAfter: true,
    open: true,
    childFds: [0, 1, 2, 3],
    openAfterCloseFrom: true,
  });
});

test("close-range/child_process on Deno: Deno's own spawnSync hands the child every fd without close-on-exec, ours only passFds, fork included", () => {
  const { result } = runInRuntime('deno', 'runtime-child-process.js');
  const { leaked, passed } = result;
  assert.ok(result.runtimeOwn.includes(leaked) && result.runtimeOwn.includes(passed), `Deno's own: ${result.runtimeOwn}`);
  for (const call of ['oursSync', 'oursExecFileSync', 'oursExecSync', 'oursExecPromisified', 'oursSpawn']) {
    assert.deepEqual(result[call], [0, 1, 2, 3, passed], `${call}: fd ${passed} passed, fd ${leaked} not`);
  }
  // fd 3 of a forked Deno child is its IPC channel.
  assert.deepEqual(result.forked.inherited.sort((a, b) => a - b), [3, passed]);
});

test("close-range's execve on Deno replaces the process, hands over only 0-2 and restores SIGPIPE and SIGXFSZ", () => {
  const { result, lines } = runInRuntime('deno', 'runtime-execve-inherited.js', { args: ['ours'] });
  assert.equal(result.pid, JSON.parse(lines[0]).pid, 'same process');
  // ls's own directory fd is 3.
  assert.deepEqual(result.fds, [0, 1, 2, 3]);
  assert.equal(result.sigIgn, '0000000000000000');
});

test("Deno's node:fs refuses an fd it did not open (EBADF), and after one of its own is closed natively its next open returns a number that is not open", () => {
  const { result } = runInRuntime('deno', 'runtime-deno-node-fs.js');
  assert.deepEqual(result, {
    foreignOpen: true,
    foreignRead: 'EBADF',
    first: result.first,
    second: result.first,
    secondOpen: false,
    secondRead: 'EBADF',
  });
});

test('assertNoFdLeaks under Deno reports a Deno.open file and a node:fs fd left open, though closeFrom spares both', () => {
  const { result } = runInRuntime('deno', 'runtime-deno-leaks.js');
  assert.equal(result.code, 'ERR_FD_LEAK');
  assert.match(result.message, /file \/etc\/hostname/);
  assert.match(result.message, /file \/etc\/passwd/);
});

test('a Deno project imports close-range and close-range/child_process by name from its node_modules', () => {
  const project = mkdtempSync(join(tmpdir(), 'close-range-deno-project-'));
  try {
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(fileURLToPath(new URL('../..', import.meta.url)), join(project, 'node_modules', 'close-range'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module', dependencies: { 'close-range': '*' } }));
    writeFileSync(
      join(project, 'main.js'),
      "import { closeFrom, probe } from 'close-range';\n" +
        "import { spawnSync } from 'close-range/child_process';\n" +
        'closeFrom(3);\n' +
        "console.log(JSON.stringify({ mechanism: probe().mechanism, child: spawnSync('echo', ['ok'], { encoding: 'utf8' }).stdout }));\n",
    );
    const deno = spawnSync(ensureRuntime('deno'), ['run', '-A', 'main.js'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(deno.status, 0, deno.stderr);
    assert.deepEqual(JSON.parse(deno.stdout), { mechanism: 'close_range', child: 'ok\n' });
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});

test('closeFrom(3, { beforeExec: true }) under Deno throws ERR_RUNTIME_UNSUPPORTED and closes nothing', () => {
  const { result } = runInRuntime('deno', 'runtime-deno-before-exec.js');
  assert.equal(result.error.code, 'ERR_RUNTIME_UNSUPPORTED');
  assert.match(result.error.message, /Closing with beforeExec is not supported on Deno.*cloexecFrom\(3\).*unshare: true/);
  assert.equal(result.unchanged, true);
});

test("why: close_range(3, ~0U) straight through the FFI makes Deno's signal thread abort the process (EBADF)", () => {
  const deno = spawnSync(ensureRuntime('deno'), ['run', '-A', fixturePath('runtime-deno-before-exec.js'), 'raw'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  assert.notEqual(deno.status, 0);
  assert.equal(deno.stdout, '', 'the timer after the close never ran');
  assert.match(deno.stderr, /signal-hook[\s\S]*Bad file descriptor/);
});

test('closeFrom under Deno with RLIMIT_NOFILE reached frees an fd opened without close-on-exec through libc, then closes the rest', () => {
  const deno = ensureRuntime('deno');
  const fixture = fixturePath('close-range-glibc-cases.js');
  const child = spawnSync('bash', ['-c', `ulimit -n 64 && exec "${deno}" run -A "${fixture}" table-full-ffi-loaded`], { encoding: 'utf8', timeout: 60_000 });
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1) || 'null');
  assert.ok(result, `no result (status ${child.status}): ${child.stderr}`);
  assert.deepEqual([result.full, result.limit, result.stillOpen], [true, 64, []]);
});
