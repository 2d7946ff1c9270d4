// Node's IPC channel under close-range/register: a registered parent's
// fork() child gets its channel and none of the parent's fds; a registered
// process that was forked keeps its channel working, and its own children
// never get it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fixturePath } from '../helpers/run-fixture.js';
import { ROOT, runRegistered } from '../helpers/run-registered.js';

// Inherited fds with targets of their own, so that the child's copies can be told from its own /dev/null.
const UNIQUE_INHERITED =
  'd=$(mktemp -d); for n in 7 20 251; do : > "$d/inherited-$n"; done; ' +
  'exec 7<"$d/inherited-7" 20<"$d/inherited-20" 251<"$d/inherited-251"; rm -r "$d"; exec "$@"';

/** The child's fds >= 3 that point where one of the parent's fds >= 3 does (Node's own anonymous inodes and /dev/null aside). */
function parentFdsInChild({ parentTargets, childTargets }) {
  const shared = (target) => !target.startsWith('anon_inode:') && target !== '/dev/null';
  const parents = new Set(Object.entries(parentTargets).filter(([fd, target]) => Number(fd) >= 3 && shared(target)).map(([, target]) => target));
  return Object.entries(childTargets).filter(([fd, target]) => Number(fd) >= 3 && parents.has(target)).map(([fd]) => Number(fd));
}

function runForked(channelFd, nodeArgs) {
  const child = spawnSync(process.execPath, [fixturePath('register-forked-parent.js'), String(channelFd), ...nodeArgs], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

test("without registering, fork() hands the Node child the parent's inherited fds above 15 and its native fds", () => {
  const { result, stderr } = runRegistered('register-fork.js', { shell: UNIQUE_INHERITED });
  assert.ok(result, stderr);
  const leaked = parentFdsInChild(result);
  for (const fd of [20, 251, 200, 201, 1000]) assert.ok(leaked.includes(fd), `fd ${fd} did not reach the child: ${leaked}`);
});

test("a registered parent's fork() child holds its IPC channel at 3 and none of the parent's fds, and the parent keeps them working", () => {
  const { result, stderr } = runRegistered('register-fork.js', { nodeArgs: ['--import', 'close-range/register'], shell: UNIQUE_INHERITED });
  assert.ok(result, stderr);
  assert.match(result.childTargets[3], /^socket:/, 'the channel is not at fd 3');
  assert.deepEqual(parentFdsInChild(result), []);
  assert.equal(result.parentStillWorks, true);
});

for (const channelFd of [3, 20]) {
  test(`a forked process under --import close-range/register, its channel at fd ${channelFd}, starts children without the channel, and the channel still answers`, () => {
    const result = runForked(channelFd, ['--import', 'close-range/register']);
    assert.equal(result.channelFd, channelFd);
    assert.match(result.channelTarget, /^socket:/);
    assert.deepEqual(result.grandchildren, { spawnSync: [0, 1, 2], spawn: [0, 1, 2] });
    assert.equal(result.reply, 'ping: pong');
  });
}

test('without registering, a forked process whose channel is above 15 hands the channel to its children', () => {
  const result = runForked(20, []);
  assert.ok(result.grandchildren.spawnSync.includes(20), `${result.grandchildren.spawnSync}`);
  assert.equal(result.reply, 'ping: pong');
});
