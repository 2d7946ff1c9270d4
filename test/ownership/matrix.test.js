// Ownership is exact on Node: after closeFrom(3) or closeRange(fd, fd)
// without beforeExec, every fd the user's code opened or inherited is closed
// (describeFd called it nobody's), every fd the runtime holds, or an object
// that closes it later (a FileHandle, an fs stream), is left open under its
// owner's name, and the runtime and those objects keep working. Each scenario runs
// in one fixture process (fixtures/ownership-matrix.js) started by a shell.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  closedFdsWithOwner, debugLinesWrong, expectedChecks, openFdsWithoutOwner, runtimeFdsNotSpared, userFdsNotClosed,
} from '../helpers/ownership-expectations.js';
import { INHERITED, runInShell } from '../helpers/run-ownership.js';

const SCENARIOS = {
  idle: 'in an idle runtime',
  'just-awaited': 'in an idle runtime, in the turn an awaited fs.promises.open resolved in',
  busy: 'in a busy runtime (a server listening with a client connected, a child\'s pipes, a signal handler, fs.watch)',
  'busy+worker': 'in a busy runtime with a worker started after the fds were opened',
  'busy+fs-in-flight': 'in a busy runtime with fs.promises reads in flight',
};
const CLOSES = { closeFrom: 'closeFrom(3)', closeRange: 'closeRange(fd, fd) on each fd' };
const CACHES = { cold: 'as the first library call', warm: 'after an earlier library call' };

const env = { ...process.env, NODE_DEBUG: 'close-range' };
const noFailures = (failures) => assert.deepEqual(failures, [], `\n${failures.join('\n')}`);

for (const [scenario, inRuntime] of Object.entries(SCENARIOS)) {
  for (const [close, closing] of Object.entries(CLOSES)) {
    for (const [cache, when] of Object.entries(CACHES)) {
      const run = runInShell('ownership-matrix.js', [scenario, close, cache, Object.keys(INHERITED).join(',')], env).then((outcome) => {
        if (outcome.result === undefined) throw new Error(`the fixture printed no JSON (status ${outcome.status}, signal ${outcome.signal})\n${outcome.stderr}`);
        return outcome;
      });
      run.catch(() => {}); // reported by each test that awaits it
      const where = `${closing} ${when}, ${inRuntime}`;

      test(`${where}: every fd inherited from the shell is closed, below 16, above 15 and after a gap`, async () => {
        const { result } = await run;
        noFailures(userFdsNotClosed(result, 'inherited:', scenario));
        assert.deepEqual(Object.keys(INHERITED).map(Number).filter((fd) => !result.fds.some((entry) => entry.fd === fd)), [], 'the shell passed all of them');
      });

      test(`${where}: every fd JavaScript opened (fs.openSync of a file, /dev/null, /, a FIFO and an append file) is closed`, async () => {
        noFailures(userFdsNotClosed((await run).result, 'js:', scenario));
      });

      test(`${where}: every fd native code opened (pipe2, socketpair, eventfd, epoll_create1, timerfd_create), with CLOEXEC or without, is closed`, async () => {
        const { result } = await run;
        assert.equal(result.fds.filter(({ label }) => label?.startsWith('ffi:')).length, 14);
        noFailures(userFdsNotClosed(result, 'ffi:', scenario));
      });

      test(`${where}: the fds of a FileHandle and of a read and a write stream stay open, owner node:filehandle and node:fs-stream`, async () => {
        noFailures(runtimeFdsNotSpared((await run).result, (label) => label.startsWith('held:')));
      });

      const notHeld = (label) => !label.startsWith('held:');
      if (scenario === 'idle' || scenario === 'just-awaited') {
        test(`${where}: the main event loop's epoll fd stays open, owner node:epoll`, async () => {
          noFailures(runtimeFdsNotSpared((await run).result, notHeld));
        });
      } else {
        const also = { busy: '', 'busy+worker': ', the worker\'s loop', 'busy+fs-in-flight': ', the files the reads hold' }[scenario];
        test(`${where}: the fds of the event loop's epoll, the server, its client and accepted socket, the child's pipes${also} and fs.watch stay open, each under its owner`, async () => {
          noFailures(runtimeFdsNotSpared((await run).result, notHeld));
        });
      }

      test(`${where}: every fd left open from 3 up has an owner`, async () => {
        noFailures(openFdsWithoutOwner((await run).result));
      });

      if (cache === 'warm') {
        test(`${where}: describeFd named no owner for any fd the close closed`, async () => {
          noFailures(closedFdsWithOwner((await run).result));
        });
      }

      test(`${where}: NODE_DEBUG=close-range prints each spared fd with its owner, and no fd it closed`, async () => {
        const { result, stderr } = await run;
        noFailures(debugLinesWrong(result, stderr));
      });

      test(`${where}: the close throws nothing, every runtime feature still works, and the FileHandle and the streams still read and write their own files`, async () => {
        const { result } = await run;
        assert.equal(result.closeError, undefined);
        assert.deepEqual(result.checks, expectedChecks(scenario));
      });
    }
  }
}
