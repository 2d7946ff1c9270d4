// Bun: the guard spares what Bun holds, names it 'bun', and closes the
// user's own fds, whether JavaScript or native code opened them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertChecks } from './survival-assertions.js';
import { assertSparedExactlyTheNamed, inheritedFromRunner, ownersOf } from './ownership-assertions.js';
import { runInRuntime } from './run-in-runtime.js';

// bun or bun-musl, as `npm run test:runtimes` says.
const RUNTIME = process.env.CLOSE_RANGE_RUNTIME_ID ?? 'bun';
const USER_FDS = ['devNull', 'file', 'pipeCloexecRead', 'pipeCloexecWrite', 'pipeRead', 'pipeWrite', 'eventfdCloexec', 'eventfd'];

for (const [mode, call] of [['own-range', 'closeRange over their own range'], ['closeFrom', 'closeFrom(3)']]) {
  test(`under Bun, ${call} closes the user's /dev/null, file, native pipes and eventfds (close-on-exec or not), and spares exactly the fds named 'bun', a FileHandle's (node:filehandle) and a write stream's (node:fs-stream); Bun, the FileHandle and the stream keep working`, () => {
    const { result } = runInRuntime(RUNTIME, 'runtime-ownership-bun.js', { args: [mode], stdio: ['ignore', 'pipe', 'pipe'] });
    assert.deepEqual(Object.keys(result.userFds), USER_FDS);
    for (const name of USER_FDS) assert.equal(result.owners[result.userFds[name]], null, `${name} has no owner`);
    assert.deepEqual(result.userFdsOpenAfter, {});
    assert.equal(result.owners[result.holderFds.fileHandle], 'node:filehandle');
    assert.equal(result.owners[result.holderFds.writeStream], 'node:fs-stream');
    assertSparedExactlyTheNamed(result, ['bun', 'node:filehandle', 'node:fs-stream']);
    assertChecks(result.checks, {
      timers: 'fired',
      fs: 'sync+bun-write',
      serverStartedBefore: 'served',
      serverStartedAfter: 'fresh',
      workerStartedBefore: 42,
      spawnedBefore: 'piped before',
      spawnAfter: 'spawned after',
      fileHandleAfter: 'held',
      writeStreamAfter: 'streamed',
      stdoutAfter: 'written',
    });
  });
}

test("describeFds under Bun names 'bun' the owner of its loops (its own, the Worker's, fetch's), the server's and fetch's sockets, Bun.spawn's pipes and pidfd, and its copy of fd 1", () => {
  const { result } = runInRuntime(RUNTIME, 'runtime-ownership-bun.js', { args: ['own-range'], stdio: ['ignore', 'pipe', 'pipe'] });
  const userFds = new Set([...[...Object.values(result.userFds), ...Object.values(result.holderFds)].map(String), ...inheritedFromRunner()]);
  const runtimeOwned = Object.keys(result.before).filter((fd) => Number(fd) > 2 && !userFds.has(fd));
  assert.deepEqual(runtimeOwned.filter((fd) => result.owners[fd] !== 'bun'), [], 'every fd but the user\'s is named bun');
  // Main thread, Worker, fetch's HTTP thread: a loop each.
  assert.deepEqual(ownersOf(result, /eventpoll/), Array(3).fill('anon_inode:[eventpoll] bun'));
  assert.deepEqual(ownersOf(result, /eventfd/), [...Array(3).fill('anon_inode:[eventfd] bun'), ...Array(2).fill('anon_inode:[eventfd] null')]);
  assert.deepEqual(ownersOf(result, /pidfd/), ['anon_inode:[pidfd] bun']);
  // The listening socket, the accepted one, fetch's connection, cat's stdin and stdout.
  assert.ok(ownersOf(result, /^socket:/).length >= 5, ownersOf(result, /^socket:/).join(', '));
  // Its copy of fd 1 (a pipe to the test) for process.stdout.
  assert.deepEqual(ownersOf(result, new RegExp(`^${escape(result.before[1])}$`)), [`${result.before[1]} bun`]);
});

test("where kcmp(2) is refused (Docker's default seccomp profile), Bun's copy of fd 1 is kept by its sameness with fd 1, and so is a user's /dev/null while stdin is /dev/null, named 'bun'; the user's other fds are closed", () => {
  const { result } = runInRuntime(RUNTIME, 'runtime-ownership-bun.js', {
    args: ['closeFrom'],
    stdio: ['ignore', 'pipe', 'pipe'],
    sandbox: { kcmp: 'EPERM' },
  });
  assert.equal(result.owners[result.userFds.devNull], 'bun');
  assert.deepEqual(result.userFdsOpenAfter, { devNull: result.userFds.devNull });
  assertSparedExactlyTheNamed(result, ['bun', 'node:filehandle', 'node:fs-stream']);
  assert.deepEqual(ownersOf(result, new RegExp(`^${escape(result.before[1])}$`)), [`${result.before[1]} bun`]);
  assert.equal(result.checks.stdoutAfter.value, 'written');
});

const escape = (text) => text.replace(/[[\]]/g, '\\$&');
