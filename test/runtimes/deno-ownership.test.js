// Deno: the guard spares what Deno holds, names it 'deno', and closes the
// user's own fds that Deno cannot hold. Files opened through node:fs may be
// what Deno holds (its node:fs keeps a table of them) and Deno maps no fd to
// its owner, so they are kept, named 'deno:resource' (docs/runtimes.md).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertChecks } from './survival-assertions.js';
import { assertSparedExactlyTheNamed, inheritedFromRunner, ownersOf } from './ownership-assertions.js';
import { runInRuntime } from './run-in-runtime.js';

const NATIVE_FDS = ['pipeCloexecRead', 'pipeCloexecWrite', 'pipeRead', 'pipeWrite', 'eventfdCloexec', 'eventfd'];

for (const [mode, call] of [['own-range', 'closeRange over their own range'], ['closeFrom', 'closeFrom(3)']]) {
  test(`under Deno, ${call} closes the user's native pipes and eventfds (close-on-exec or not), keeps its node:fs /dev/null and file named 'deno:resource', and spares exactly the fds named 'deno' or 'deno:resource'; Deno keeps working`, () => {
    const { result } = runInRuntime('deno', 'runtime-ownership-deno.js', { args: [mode], stdio: ['ignore', 'pipe', 'pipe'] });
    const { userFds, owners } = result;
    for (const name of NATIVE_FDS) assert.equal(owners[userFds[name]], null, `${name} has no owner`);
    assert.equal(owners[userFds.devNull], 'deno:resource');
    assert.equal(owners[userFds.file], 'deno:resource');
    assert.deepEqual(result.userFdsOpenAfter, { devNull: userFds.devNull, file: userFds.file });
    assertSparedExactlyTheNamed(result, ['deno', 'deno:resource']);
    assertChecks(result.checks, {
      timers: 'fired',
      denoFileOpenedBefore: 'befo',
      nodeFsFdOpenedBefore: 'befo',
      fs: 'sync+deno-write',
      serverStartedBefore: 'served',
      serverStartedAfter: 'fresh',
      workerStartedBefore: 42,
      signals: 'SIGUSR2 1',
      spawnedBefore: 'piped before',
      spawnAfter: 'spawned after',
      stdoutAfter: 'written',
    });
  });
}

test("describeFds under Deno names 'deno' the owner of its loops (its own, the Worker's), the server's sockets, its signal sockets, Deno.Command's pipes and pidfd and its stdio copies, and 'deno:resource' its module cache and a Deno.open file", () => {
  const { result } = runInRuntime('deno', 'runtime-ownership-deno.js', { args: ['own-range'], stdio: ['ignore', 'pipe', 'pipe'] });
  const native = new Set([...NATIVE_FDS.map((name) => String(result.userFds[name])), ...inheritedFromRunner()]);
  const notNamed = Object.keys(result.before).filter((fd) => Number(fd) > 2 && !native.has(fd) && result.owners[fd] === null);
  assert.deepEqual(notNamed, [], 'every fd but the native and inherited ones has an owner');
  assert.ok(ownersOf(result, /eventpoll/).length >= 2, ownersOf(result, /eventpoll/).join(', '));
  assert.deepEqual([...new Set(ownersOf(result, /eventpoll|pidfd|^socket:/).map((line) => line.split(' ')[1]))], ['deno']);
  // Deno.Command's pipes to cat; the user's native pipes are the other four.
  assert.deepEqual(ownersOf(result, /^pipe:/).filter((line) => line.endsWith(' deno')).length, 2);
  const copiesOfStdio = ownersOf(result, new RegExp(`^(${escape(result.before[1])}|${escape(result.before[2])})$`));
  assert.ok(copiesOfStdio.length >= 2 && copiesOfStdio.every((line) => line.endsWith(' deno')), copiesOfStdio.join(', '));
  const cache = ownersOf(result, /_cache_v2$/);
  assert.ok(cache.length > 0 && cache.every((line) => line.endsWith(' deno:resource')), cache.join(', '));
  assert.deepEqual(ownersOf(result, /close-range-deno-ownership-/), Array(2).fill(`${result.scratch} deno:resource`));
});

const escape = (text) => text.replace(/[[\]]/g, '\\$&');
