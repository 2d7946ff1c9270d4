import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { FD_MAX, highestFd, listFds, nextFd } from '../../dist/index.js';
import { openFds } from '../helpers/fds.js';
import { WITHOUT_CAPABILITIES, startForeignProcess } from '../helpers/foreign-process.js';
import { fixturePath, runFixture } from '../helpers/run-fixture.js';
import { runSandboxed, skipWhereRefused } from '../helpers/sandbox.js';

const lowestAtOrAbove = (fds, fd) => fds.find((open) => open >= fd) ?? -1;

// One run of the fixture serves every test of a sparse table.
let sparse;
before(() => {
  sparse = runFixture('fds-sparse.js').result;
});

describe('listFds', () => {
  test('rejects options that are not an object', () => {
    for (const options of [null, 3, 'all', [1, 2]]) {
      assert.throws(() => listFds(options), { code: 'ERR_INVALID_ARG_TYPE', message: /"options"/ });
    }
  });

  test('rejects options that are not plain objects, and keys it does not take (sockets is describeFds\')', () => {
    for (const options of [new Map(), new (class Query {})(), new Number(3)]) {
      assert.throws(() => listFds(options), { code: 'ERR_INVALID_ARG_TYPE', message: /"options" argument must be a plain object/ });
    }
    assert.throws(() => listFds({ form: 3 }), { code: 'ERR_INVALID_ARG_VALUE', message: /'options\.form' is not an option \(known: from, to, pid\)/ });
    assert.throws(() => listFds({ sockets: true }), { code: 'ERR_INVALID_ARG_VALUE', message: /'options\.sockets'/ });
    assert.deepEqual(listFds(Object.assign(Object.create(null), { from: 0, to: 2 })), [0, 1, 2]);
  });

  test('rejects from and to that are not descriptor numbers, naming the option', () => {
    assert.throws(() => listFds({ from: '3' }), { code: 'ERR_INVALID_ARG_TYPE', message: /"options.from"/ });
    assert.throws(() => listFds({ from: -1 }), { code: 'ERR_OUT_OF_RANGE', message: /"options.from"/ });
    assert.throws(() => listFds({ to: 1.5 }), { code: 'ERR_OUT_OF_RANGE', message: /"options.to"/ });
    assert.throws(() => listFds({ to: FD_MAX + 1 }), { code: 'ERR_OUT_OF_RANGE', message: /"options.to"/ });
  });

  test('rejects to below from', () => {
    assert.throws(() => listFds({ from: 10, to: 9 }), { code: 'ERR_OUT_OF_RANGE', message: /"options.to".*>= options.from \(10\)/ });
  });

  test('rejects a pid that is not a positive integer', () => {
    assert.throws(() => listFds({ pid: '1' }), { code: 'ERR_INVALID_ARG_TYPE', message: /"options.pid"/ });
    for (const pid of [0, -1, 1.5, 2 ** 31, NaN]) {
      assert.throws(() => listFds({ pid }), { code: 'ERR_OUT_OF_RANGE', message: /"options.pid"/ }, `pid ${pid}`);
    }
  });

  describe('on a sparse table (fds at 200..202 and 1000)', () => {
    test('lists exactly what /proc/self/fd shows, ascending', () => {
      assert.deepEqual(sparse.listed, sparse.observed);
      for (const fd of [200, 201, 202, 1000]) assert.ok(sparse.listed.includes(fd), `fd ${fd}`);
    });

    test('leaves out the descriptor the listing itself read the directory with', () => {
      assert.ok(!sparse.listed.includes(sparse.lowestFree), `fd ${sparse.lowestFree} was the listing's own`);
    });

    test('keeps to from..to, inclusive', () => {
      assert.deepEqual(sparse.bounded, [200, 201, 202]);
      assert.deepEqual(sparse.from201, sparse.observed.filter((fd) => fd >= 201));
      assert.deepEqual(sparse.to2, [0, 1, 2]);
      assert.deepEqual(sparse.single, [1000]);
      assert.deepEqual(sparse.empty, []);
    });

    test('cuts the range at free and open numbers alike', () => {
      const within = (from, to) => sparse.observed.filter((fd) => fd >= from && fd <= to);
      assert.deepEqual(sparse.freeToOpen, [200, 201]);
      assert.deepEqual(sparse.openToFree, within(201, 999));
      assert.deepEqual(sparse.freeToFree, within(203, 999));
      assert.deepEqual(sparse.top, []);
      assert.ok(sparse.openToFree.includes(202));
    });

    test('lists a table longer than one directory read (1500 more fds at 1500..2999) whole, and cut', () => {
      const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
      assert.deepEqual(sparse.long.listed, sparse.long.observed);
      assert.deepEqual(sparse.long.listed.filter((fd) => fd >= 1500 && fd <= 2999), range(1500, 2999));
      assert.deepEqual(sparse.long.middle, range(1700, 2799));
      assert.deepEqual(sparse.long.fromHole, sparse.long.observed.filter((fd) => fd >= 1001));
      assert.ok(sparse.long.fromHole.length >= 1500);
    });
  });

  describe('where /proc/thread-self/fd cannot be opened', () => {
    const check = ({ listed, bounded, next, highest, observed }) => {
      assert.deepEqual(listed, observed);
      assert.deepEqual(bounded, [200, 201, 202]);
      assert.equal(next, lowestAtOrAbove(observed, 203));
      assert.equal(highest, observed.at(-1));
    };

    test('still lists every open fd without procfs, where describeFd says it needs /proc', skipWhereRefused({ procfs: false }), () => {
      const result = runSandboxed('fds-list-fallback.js', [], { procfs: false, shell: 'ulimit -n 256' }).result;
      check(result);
      assert.equal(result.describeError.code, 'ENOENT');
      assert.match(result.describeError.message, /needs \/proc mounted/);
    });

    test('does not take a tmpfs over /proc with a thread-self/fd directory for procfs: it still lists every open fd', skipWhereRefused({ procfs: false }), () => {
      const fakeProc = 'mkdir -p /proc/thread-self/fd && touch /proc/thread-self/fd/3';
      const result = runSandboxed('fds-list-fallback.js', [], { procfs: false, shell: `${fakeProc}; ulimit -n 256` }).result;
      check(result);
      assert.equal(result.describeError.code, 'ENOENT');
    });

    test('still lists every open fd when the table is full, and describeFd(s) still work', () => {
      const result = runSandboxed('fds-list-fallback.js', ['full'], { shell: 'ulimit -n 256' }).result;
      assert.ok(result.filled > 0);
      assert.equal(result.observed.filter((fd) => fd < result.limit).length, result.limit, 'every number below the limit is open');
      check(result);
      assert.equal(result.describeError, undefined);
      assert.deepEqual(result.described, [200, 201, 202].map((fd) => [fd, '/etc/hostname']));
    });
  });

  describe('of another process', () => {
    test('lists what /proc/<pid>/fd shows for a live child', async () => {
      const child = spawn(process.execPath, [fixturePath('fds-hold.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
      try {
        await new Promise((resolve) => child.stdout.once('data', resolve));
        const observed = readdirSync(`/proc/${child.pid}/fd`).map(Number).sort((a, b) => a - b);
        assert.deepEqual(listFds({ pid: child.pid }), observed);
        assert.deepEqual(listFds({ pid: child.pid, from: 3, to: 3 }), observed.filter((fd) => fd === 3));
      } finally {
        child.stdin.end();
      }
    });

    test('of a process that does not exist is an ESRCH error, not an empty list', () => {
      const { pid } = spawnSync('true');
      assert.throws(() => listFds({ pid }), { code: 'ESRCH', errno: -3, syscall: 'open', message: new RegExp(`/proc/${pid}/fd`) });
    });

    test('that this user may not read is an EACCES error', () => {
      const foreign = startForeignProcess();
      try {
        const [command, ...args] = [...WITHOUT_CAPABILITIES, process.execPath, fixturePath('fds-list-pid.js'), String(foreign.pid)];
        const child = spawnSync(command, args, { encoding: 'utf8' });
        assert.deepEqual(JSON.parse(child.stdout), { code: 'EACCES', errno: -13, syscall: 'open' });
      } finally {
        foreign.stop();
      }
    });
  });
});

describe('nextFd', () => {
  test('rejects what is not a descriptor number', () => {
    assert.throws(() => nextFd(), { code: 'ERR_INVALID_ARG_TYPE', message: /"fd"/ });
    assert.throws(() => nextFd('3'), { code: 'ERR_INVALID_ARG_TYPE', message: /"fd"/ });
    assert.throws(() => nextFd(-1), { code: 'ERR_OUT_OF_RANGE', message: /"fd"/ });
    assert.throws(() => nextFd(FD_MAX + 1), { code: 'ERR_OUT_OF_RANGE', message: /"fd"/ });
  });

  test('answers the lowest open fd at or above the given one on a sparse table, -1 past the last', () => {
    const { nextFd: answers, observed } = sparse;
    assert.equal(answers[0], 0);
    assert.equal(answers[200], 200);
    assert.equal(answers[203], lowestAtOrAbove(observed, 203));
    assert.equal(answers[1000], 1000);
    assert.equal(answers[1001], lowestAtOrAbove(observed, 1001));
    assert.equal(answers[FD_MAX], -1);
  });
});

describe('highestFd', () => {
  test('answers the highest open fd, and the next one down once it is closed', () => {
    const { highestFd: highest, highestAfterClose, observed, observedAfterClose } = sparse;
    assert.equal(highest, observed.at(-1));
    assert.ok(highest >= 1000);
    assert.equal(highestAfterClose, observedAfterClose.at(-1));
    assert.ok(!observedAfterClose.includes(1000));
  });

  test('answers a number this process really has open', () => {
    assert.equal(highestFd(), openFds().at(-1));
  });
});
