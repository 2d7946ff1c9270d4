import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { FD_MAX, describeFd, describeFds } from '../../dist/index.js';
import { fixturePath, startFdHolder } from '../helpers/run-fixture.js';

const O_APPEND = 0o2000;
const O_CLOEXEC = 0o2000000;

// stdin a real pipe (from the shell), and fd 30 inherited: past libuv's
// start-up loop that marks 0..15 close-on-exec.
function runDescribeFixture() {
  const stdio = ['pipe', 'pipe', 'inherit', ...Array(27).fill('ignore'), 'pipe'];
  const child = spawnSync('sh', ['-c', 'echo hello | exec "$0" "$1"', process.execPath, fixturePath('fds-describe.js')], {
    stdio,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

describe('describeFd', () => {
  test('rejects what is not a descriptor number', () => {
    assert.throws(() => describeFd(), { code: 'ERR_INVALID_ARG_TYPE', message: /"fd"/ });
    assert.throws(() => describeFd('0'), { code: 'ERR_INVALID_ARG_TYPE', message: /"fd"/ });
    assert.throws(() => describeFd(-1), { code: 'ERR_OUT_OF_RANGE', message: /"fd"/ });
    assert.throws(() => describeFd(0.5), { code: 'ERR_OUT_OF_RANGE', message: /"fd"/ });
  });

  test('rejects a sockets option that is not a boolean', () => {
    assert.throws(() => describeFd(0, { sockets: 1 }), { code: 'ERR_INVALID_ARG_TYPE', message: /"options.sockets"/ });
  });

  test('rejects options it does not take, and options that are not a plain object', () => {
    assert.throws(() => describeFd(0, { socket: true }), { code: 'ERR_INVALID_ARG_VALUE', message: /'options\.socket' is not an option \(known: sockets\)/ });
    assert.throws(() => describeFd(0, new Map()), { code: 'ERR_INVALID_ARG_TYPE', message: /"options"/ });
  });

  test('of a number no table reaches is EBADF', () => {
    assert.throws(() => describeFd(FD_MAX), { code: 'EBADF', errno: -9 });
  });

  describe('in a process holding one descriptor of each kind', () => {
    let result;
    let cases;
    before(() => {
      result = runDescribeFixture();
      cases = result.cases;
    });

    test('of a closed fd is an EBADF error naming the fd', () => {
      assert.deepEqual(result.closedError, {
        code: 'EBADF',
        errno: -9,
        syscall: 'fcntl',
        message: `EBADF: bad file descriptor, fcntl (fd ${result.closed})`,
      });
    });

    test('reports a regular file opened through a symlink by its real path, read-only, with its offset', () => {
      const { info, facts } = cases.file;
      assert.equal(info.type, 'file');
      assert.equal(info.target, result.realpath);
      assert.equal(info.access, 'r');
      assert.equal(info.cloexec, true);
      assert.equal(info.runtime, false);
      assert.equal(info.position, 3);
      assert.equal(info.position, facts.pos);
      assert.equal(info.size, facts.size);
      assert.equal(info.inode, facts.inode);
      assert.equal(info.mountId, facts.mountId);
      assert.deepEqual(info.flags, []);
    });

    test('reports /dev/null opened for writing as a write-only character device', () => {
      const { info, facts } = cases.nullWrite;
      assert.deepEqual([info.type, info.target, info.access, info.runtime], ['char', '/dev/null', 'w', false]);
      assert.equal(info.inode, facts.inode);
      assert.equal(info.size, null);
    });

    test("reports /dev/null opened 'r+' as read-write", () => {
      const { info } = cases.nullReadWrite;
      assert.deepEqual([info.type, info.target, info.access], ['char', '/dev/null', 'rw']);
    });

    test('reports the append flag of a file opened for appending', () => {
      const { info, facts } = cases.append;
      assert.ok(facts.flags & O_APPEND);
      assert.deepEqual(info.flags, ['append']);
      assert.equal(info.access, 'w');
    });

    test('reports a directory by its real path', () => {
      const { info, facts } = cases.directory;
      assert.deepEqual([info.type, info.target, info.access], ['directory', result.directoryPath, 'r']);
      assert.equal(info.inode, facts.inode);
    });

    test('reports a pipe as pipe:[inode], without an offset', () => {
      const { info, facts } = cases.pipe;
      assert.equal(info.type, 'pipe');
      assert.match(facts.link, /^pipe:\[\d+\]$/);
      assert.equal(info.target, facts.link);
      assert.equal(info.target, `pipe:[${facts.inode}]`);
      assert.equal(info.inode, facts.inode);
      assert.equal(info.access, 'r');
      assert.equal(info.position, null);
    });

    test('reports a listening socket, and its address when asked', () => {
      const { info, facts } = cases.socket;
      assert.equal(info.type, 'socket');
      assert.equal(info.target, `socket:[${facts.inode}]`);
      assert.equal(info.access, 'rw');
      assert.ok(info.flags.includes('nonblock'));
      assert.equal(info.socket, undefined);
      assert.deepEqual(result.withSockets.socket, {
        family: 'inet',
        kind: 'stream',
        local: `127.0.0.1:${result.port}`,
        peer: '',
        listening: true,
        state: 'LISTEN',
      });
    });

    test("reports the runtime's epoll fd as the runtime's", () => {
      const { info } = cases.epoll;
      assert.deepEqual([info.type, info.target, info.cloexec, info.runtime], ['eventpoll', 'anon_inode:[eventpoll]', true, true]);
    });

    test('reports an fd inherited from the parent as not close-on-exec', () => {
      const { info, facts } = cases.inherited;
      assert.equal(facts.cloexec, false);
      assert.equal(info.cloexec, false);
      assert.equal(info.runtime, false);
      assert.equal(info.target, facts.link);
    });

    test('reports an fd opened without O_CLOEXEC as not close-on-exec', () => {
      const { info, facts } = cases.openedWithoutCloexec;
      assert.equal(facts.flags & O_CLOEXEC, 0);
      assert.deepEqual([info.cloexec, info.runtime, info.type], [false, false, 'char']);
    });

    test('reports close-on-exec and the access mode as fdinfo shows them, for every kind', () => {
      const ACCESS = ['r', 'w', 'rw'];
      for (const [name, { info, facts }] of Object.entries(cases)) {
        assert.equal(info.cloexec, (facts.flags & O_CLOEXEC) !== 0, name);
        assert.equal(info.access, ACCESS[facts.flags & 3], name);
        assert.equal(info.target, facts.link, name);
      }
    });

    test('describeFds lists every open fd, each as describeFd sees it', () => {
      assert.deepEqual(result.all.map(({ fd }) => fd), result.observed);
      assert.deepEqual(result.all, result.allIndividually);
    });
  });
});

describe('describeFds', () => {
  test('rejects options like listFds does', () => {
    assert.throws(() => describeFds(null), { code: 'ERR_INVALID_ARG_TYPE', message: /"options"/ });
    assert.throws(() => describeFds({ from: 5, to: 4 }), { code: 'ERR_OUT_OF_RANGE', message: /"options.to"/ });
    assert.throws(() => describeFds({ pid: 0 }), { code: 'ERR_OUT_OF_RANGE', message: /"options.pid"/ });
    assert.throws(() => describeFds({ sockets: 'yes' }), { code: 'ERR_INVALID_ARG_TYPE', message: /"options.sockets"/ });
    assert.throws(() => describeFds({ pids: 1 }), { code: 'ERR_INVALID_ARG_VALUE', message: /'options\.pids' is not an option \(known: from, to, pid, sockets\)/ });
  });

  test('keeps to from..to', () => {
    assert.deepEqual(describeFds({ from: 0, to: 2 }).map(({ fd }) => fd), [0, 1, 2]);
  });

  test('of a process that does not exist is an ESRCH error', () => {
    const { pid } = spawnSync('true');
    assert.throws(() => describeFds({ pid }), { code: 'ESRCH', errno: -3 });
  });

  describe('of another process', () => {
    let child;
    let held;
    before(async () => {
      child = await startFdHolder();
      held = child.held;
    });
    after(() => child.stop());

    test("matches that process's own view, with nothing marked as our runtime's", () => {
      const seen = describeFds({ pid: child.pid });
      assert.deepEqual(seen.map(({ fd }) => fd), readdirSync(`/proc/${child.pid}/fd`).map(Number).sort((a, b) => a - b));
      assert.deepEqual(seen, held.own.map(({ socket, ...info }) => ({ ...info, runtime: false, owner: null })));
      const byFd = new Map(seen.map((info) => [info.fd, info]));
      assert.deepEqual(
        [byFd.get(held.file).type, byFd.get(held.file).target, byFd.get(held.file).cloexec],
        ['file', '/etc/hostname', true],
      );
      assert.equal(byFd.get(held.directory).type, 'directory');
      assert.equal(byFd.get(held.inheritable).cloexec, false);
    });

    test('reads socket families and addresses from its network tables when asked', () => {
      const sockets = describeFds({ pid: child.pid, sockets: true }).filter((info) => info.socket);
      const own = held.own.filter((info) => info.type === 'socket');
      assert.deepEqual(sockets.map(({ fd }) => fd), own.map(({ fd }) => fd));
      const local = own.map(({ socket }) => socket.local);
      assert.ok(local.includes(`127.0.0.1:${held.port}`));
      assert.ok(local.includes(`[::1]:${held.port6}`));
      assert.ok(local.includes(held.unixPath));
      assert.ok(local.includes(`@fds-hold-${child.pid}`));
      for (const [index, { socket }] of sockets.entries()) {
        // /proc/net/unix has no peers; every other field must agree.
        const expected = own[index].socket;
        assert.deepEqual(socket, { ...expected, peer: expected.family === 'unix' ? '' : expected.peer }, `fd ${own[index].fd}`);
      }
      assert.ok(sockets.some(({ socket }) => socket.peer === `127.0.0.1:${held.port}`), 'the connected client shows its peer');
      const states = own.map(({ socket }) => `${socket.family} ${socket.state}`);
      for (const state of ['inet LISTEN', 'inet ESTABLISHED', 'inet6 LISTEN', 'unix LISTEN']) assert.ok(states.includes(state), `${state} in ${states}`);
    });
  });
});
