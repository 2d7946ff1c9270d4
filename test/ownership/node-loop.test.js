// On Node, the runtime's fds are known by asking libuv: each is named, the
// caller's are closed whatever their kind, and the runtime keeps working.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fixturePath } from '../helpers/run-fixture.js';

// Through a shell, as a user would: a pipe inherited at fd 4 (below 16, which
// Node marks close-on-exec at start-up, like its own) and /dev/null at 40.
function run(env = {}) {
  const script = `exec "$0" "$1" 4 4< <(sleep 30) 40</dev/null`;
  const child = spawnSync('bash', ['-c', script, process.execPath, fixturePath('ownership-node-loop.js')], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  assert.equal(child.status, 0, child.stderr);
  return { ...JSON.parse(child.stdout.trim().split('\n').at(-1)), stderr: child.stderr };
}

const owned = (result) => new Map(result.described.filter(({ owner }) => owner !== null).map(({ fd, owner }) => [fd, owner]));

test('the loop, its handles and the start-up fds are named, each checked against what /proc says it is', () => {
  const result = run();
  assert.equal(result.ownership, 'libuv');
  const byFd = new Map(result.described.map((info) => [info.fd, info]));
  const withOwner = (name) => result.described.filter(({ owner }) => owner === name);
  const [epoll] = withOwner('node:epoll');
  assert.equal(epoll.target, 'anon_inode:[eventpoll]');
  assert.deepEqual(withOwner('node:async').map(({ target }) => target), ['anon_inode:[eventfd]']);
  const signal = withOwner('node:signal');
  assert.equal(signal.length, 2);
  assert.equal(signal[0].target, signal[1].target);
  assert.deepEqual(withOwner('node:emfile-reserve').map(({ target }) => target), ['/dev/null']);
  assert.deepEqual(withOwner('node:inotify').map(({ target }) => target), ['anon_inode:inotify']);
  assert.equal(byFd.get(result.serverFd).owner, 'node:tcp');
  for (const fd of result.childPipes) assert.equal(byFd.get(fd).owner, 'node:pipe');
  for (const { fd, target } of withOwner('node:startup')) {
    assert.ok(fd < epoll.fd, `start-up fd ${fd} is below the default loop's epoll fd ${epoll.fd}`);
    assert.match(target, /^(anon_inode:\[(eventpoll|eventfd|io_uring)\]|pipe:)/);
  }
  assert.ok(result.described.every(({ cloexec, owner }) => owner === null || cloexec));
});

test("closeFrom(3) closes every fd of the caller's, of any kind, and none of the runtime's, which keeps working", () => {
  const result = run();
  const owners = owned(result);
  const mine = [...Object.values(result.user), result.inherited, 40];
  for (const fd of mine) {
    assert.equal(owners.has(fd), false, `fd ${fd} is the caller's`);
    assert.ok(result.before.includes(fd), `fd ${fd} was open before`);
    assert.ok(!result.after.includes(fd), `fd ${fd} was closed`);
  }
  // What stayed open is exactly what was named (the listing's own fd aside, which is free again by then).
  assert.deepEqual(result.after.filter((fd) => fd >= 3), [...owners.keys()].filter((fd) => result.after.includes(fd)));
  for (const fd of owners.keys()) assert.ok(result.after.includes(fd), `fd ${fd} (${owners.get(fd)}) stayed open`);
  assert.deepEqual(result.works, { reply: 'hi', watched: true, signalled: true, echoed: 'spawned' });
});

test('NODE_DEBUG=close-range prints each spared fd with its owner', () => {
  const result = run({ NODE_DEBUG: 'close-range' });
  const printed = new Map([...result.stderr.matchAll(/^CLOSE-RANGE \d+: spared fd (\d+) \((\S+)\)$/gm)].map(([, fd, owner]) => [Number(fd), owner]));
  assert.deepEqual(printed, owned(result));
});
