// execve replaces the fixture's process (same pid) with sh, which reports
// from /proc what it inherited. Failures must leave the fixture intact.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturePath, runFixture } from '../helpers/run-fixture.js';

const O_NONBLOCK = 0o4000;

/** The fixture's state before execve, sh's report after it, and the fds sh was handed. */
function replaced(mode) {
  const { stdout, stderr, status } = runFixture('execve-replace.js', [mode], { expectJson: false });
  const [beforeLine, afterLine, ...listing] = stdout.trim().split('\n');
  assert.ok(afterLine?.startsWith('{'), `stdout: ${stdout}\nstderr: ${stderr}\nstatus: ${status}`);
  return { before: JSON.parse(beforeLine).before, after: { ...JSON.parse(afterLine), fds: handedFds(listing) } };
}

/** fd numbers from `ls -l /proc/self/fd`, without ls's own directory fd. */
function handedFds(listing) {
  return listing
    .map((line) => / (\d+) -> (.*)$/.exec(line))
    .filter((match) => match && !/^\/proc\/\d+\/fd$/.test(match[2]))
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b);
}

test('execve rejects each bad argument before touching anything', () => {
  const { result } = runFixture('execve-bad-input.js');
  const codes = Object.fromEntries(Object.entries(result.errors).map(([name, { code }]) => [name, code]));
  assert.deepEqual(codes, {
    fileNotString: 'ERR_INVALID_ARG_TYPE',
    fileWithNul: 'ERR_INVALID_ARG_VALUE',
    argsNotArray: 'ERR_INVALID_ARG_TYPE',
    argsEmpty: 'ERR_INVALID_ARG_VALUE',
    argNotString: 'ERR_INVALID_ARG_TYPE',
    argWithNul: 'ERR_INVALID_ARG_VALUE',
    optionsNotObject: 'ERR_INVALID_ARG_TYPE',
    optionsNotPlain: 'ERR_INVALID_ARG_TYPE',
    optionUnknown: 'ERR_INVALID_ARG_VALUE',
    envNotObject: 'ERR_INVALID_ARG_TYPE',
    envValueWithNul: 'ERR_INVALID_ARG_VALUE',
    keepNegative: 'ERR_OUT_OF_RANGE',
    keepNotNumber: 'ERR_INVALID_ARG_TYPE',
    keepNotOpen: 'EBADF',
    closeFdsNotBoolean: 'ERR_INVALID_ARG_TYPE',
    unshareNotBoolean: 'ERR_INVALID_ARG_TYPE',
  });
  assert.match(result.errors.argNotString.message, /"args\[1\]"/);
  assert.match(result.errors.keepNegative.message, /"options\.keep\[1\]"/);
  assert.match(result.errors.optionUnknown.message, /'options\.closefds' is not an option \(known: env, keep, closeFds, unshare\)/);
  assert.match(result.errors.keepNotOpen.message, /options\.keep\[0\] = 987654/);
  assert.equal(result.unchanged, true);
});

test('execve replaces the process in place: same pid, only fds 0-2, no ignored or blocked signal, blocking stdout', () => {
  const { before, after } = replaced('plain');
  assert.equal(after.pid, before.pid);
  assert.ok(['200', '201:cloexec', '1000'].every((fd) => before.fds.includes(fd)), 'the fixture held its markers');
  assert.notEqual(before.signals.SigIgn, '0000000000000000', 'Node ignores SIGPIPE and SIGXFSZ');
  assert.notEqual(before.signals.SigBlk, '0000000000000000', 'the fixture blocked SIGUSR2');
  assert.deepEqual(after.fds, [0, 1, 2]);
  assert.equal(after.sigIgn, '0000000000000000');
  assert.equal(after.sigBlk, '0000000000000000');
  assert.ok(before.nonblocking.includes(1), "the fixture's stdout pipe was non-blocking");
  assert.equal(parseInt(after.stdoutFlags, 8) & O_NONBLOCK, 0);
});

test('execve called from a worker thread replaces the whole process the same way', () => {
  const { before, after } = replaced('worker');
  assert.equal(after.pid, before.pid);
  assert.deepEqual(after.fds, [0, 1, 2]);
  assert.equal(after.sigIgn, '0000000000000000');
  assert.equal(after.sigBlk, '0000000000000000');
});

test('execve hands over kept fds, even close-on-exec ones, and nothing else', () => {
  assert.deepEqual(replaced('keep').after.fds, [0, 1, 2, 201]);
  assert.deepEqual(replaced('unshare').after.fds, [0, 1, 2, 1000]);
});

test('execve with closeFds: false hands over every fd that is not close-on-exec, like a plain execve', () => {
  const { before, after } = replaced('closeFds-false');
  const inheritable = before.fds.filter((entry) => !entry.endsWith(':cloexec')).map(Number);
  assert.deepEqual(after.fds, [0, 1, 2, ...inheritable]);
  assert.ok(inheritable.includes(200) && inheritable.includes(1000) && !inheritable.includes(201));
});

test('output written with console.log before execve reaches a file stdout too', () => {
  const directory = mkdtempSync(join(tmpdir(), 'close-range-stdout-'));
  const fd = openSync(join(directory, 'out'), 'w');
  spawnSync(process.execPath, [fixturePath('execve-replace.js'), 'plain'], { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
  const lines = readFileSync(join(directory, 'out'), 'utf8').trim().split('\n');
  assert.equal(JSON.parse(lines[1]).pid, JSON.parse(lines[0]).before.pid);
});

test('execve refuses while stdout still has output queued for a full pipe, and works from the write callback', () => {
  const { stdout, stderr } = spawnSync(process.execPath, [fixturePath('execve-pending-output.js')], {
    encoding: 'utf8',
    maxBuffer: 4 << 20,
  });
  const { queuedBefore, refused } = JSON.parse(stderr.trim().split('\n').at(-1));
  assert.ok(queuedBefore > 0, 'the pipe was full');
  assert.equal(refused.code, 'ERR_EXECVE_OUTPUT_PENDING');
  // Compared by length and ending: a failed comparison of 1 MiB would flood the report.
  assert.equal(stdout.length, (1 << 20) + '\nran-after-drain\n'.length);
  assert.ok(/^x+\nran-after-drain\n$/.test(stdout), 'all the x, then the new program');
});

test("execve searches the new environment's PATH like execvp: skips what cannot run, reports EACCES over ENOENT", () => {
  const { stdout } = runFixture('execve-path-search.js', [], { expectJson: false });
  const [searched, ran] = stdout.trim().split('\n').map((line) => JSON.parse(line));
  const directory = (name) => join(searched.executable, '..', '..', name, 'close-range-program');
  assert.deepEqual(searched.failures, {
    onlyNotExecutable: { code: 'EACCES', path: directory('not-executable') },
    onlyDirectory: { code: 'EACCES', path: directory('directory') },
    nowhere: { code: 'ENOENT', path: 'close-range-program' },
    emptyName: { code: 'ENOENT', path: '' },
  });
  assert.deepEqual(ran, { ran: searched.executable, argv1: 'first', mark: 'from-env', home: '' });
});

test('a failing execve throws a Node-style error and leaves fds, flags, stdio and signals as they were', () => {
  const { result } = runFixture('execve-failure.js');
  const codes = Object.fromEntries(Object.entries(result.errors).map(([name, error]) => [name, error.code]));
  assert.deepEqual(codes, {
    missingPath: 'ENOENT',
    missingInPath: 'ENOENT',
    notExecutable: 'EACCES',
    directory: 'EACCES',
    garbage: 'ENOEXEC',
    tooLong: 'E2BIG',
    withKeep: 'ENOENT',
  });
  assert.deepEqual(result.errors.missingPath, {
    code: 'ENOENT',
    errno: -2,
    syscall: 'execve',
    path: '/nonexistent/program',
    message: "ENOENT: no such file or directory, execve '/nonexistent/program'",
  });
  assert.ok(result.before.fds.includes('200') && result.before.fds.includes('201:cloexec'));
  assert.deepEqual(result.changed, {});
  assert.equal(result.timerFired, true);
  assert.equal(result.asyncRead, true);
});
