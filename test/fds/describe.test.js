import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { FD_MAX, describeFd, describeFds } from '../../dist/index.js';
import { fixturePath } from '../helpers/run-fixture.js';

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
  });

  test('keeps to from..to', () => {
    assert.deepEqual(describeFds({ from: 0, to: 2 }).map(({ fd }) => fd), [0, 1, 2]);
  });

  test('of a process that does not exist is an ESRCH error', () => {
    const { pid } = spawnSync('true');
    assert.throws(() => describeFds({ pid }), { code: 'ESRCH', errno: -3 });
  });

  test("of another process matches that process's own view, with nothing marked as our runtime's", async () => {
    const child = spawn(process.execPath, [fixturePath('fds-hold.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      let output = '';
      for await (const chunk of child.stdout) {
        output += chunk;
        if (output.includes('\n')) break;
      }
      const { file, directory, inheritable, own } = JSON.parse(output);
      const seen = describeFds({ pid: child.pid });
      assert.deepEqual(seen.map(({ fd }) => fd), readdirSync(`/proc/${child.pid}/fd`).map(Number).sort((a, b) => a - b));
      assert.deepEqual(seen, own.map((info) => ({ ...info, runtime: false })));
      const byFd = new Map(seen.map((info) => [info.fd, info]));
      assert.deepEqual(
        [byFd.get(file).type, byFd.get(file).target, byFd.get(file).cloexec],
        ['file', '/etc/hostname', true],
      );
      assert.equal(byFd.get(directory).type, 'directory');
      assert.equal(byFd.get(inheritable).cloexec, false);
    } finally {
      child.stdin.end();
    }
  });
});
