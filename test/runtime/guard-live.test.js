// The runtime guard keeps a live Node process working after closeFrom(3):
// each runtime feature is used after the call, in a fixture process.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFixture } from '../helpers/run-fixture.js';

const results = new Map();
const run = (scenario, call = 'closeFrom') => {
  const key = `${scenario} ${call}`;
  if (!results.has(key)) results.set(key, runFixture('runtime-live-node.js', [scenario, call]).result);
  return results.get(key);
};

const FEATURES = [
  ['timers fire', 'timer', 'fired'],
  ['fs.promises reads a file', 'fsPromises', true],
  ['a loopback TCP server accepts and echoes', 'tcpEcho', 'ping'],
  ['a worker thread answers a message', 'worker', 42],
  ['a signal handler runs on process.kill(process.pid, "SIGUSR2")', 'signal', 'handled'],
  ['the pipes of a child started before still carry data', 'runningChildPipes', 'through cat'],
  ['new child processes start and report (spawn and execFileSync)', 'newChild', 'spawned, sync'],
  ['a child started afterwards inherits no fd above 2', 'childInherits', []],
];

const SCENARIOS = [
  ['once', 'after closeFrom(3) with everything set up'],
  ['grown', 'when a worker, a signal handler, a child\'s pipes and a server were created between two closeFrom(3) calls'],
  ['grown-unseen', 'when an unref()ed server, an unref()ed child and a signal handler were created between two calls, with no worker'],
  ['cached', 'when the second closeFrom(3) reuses the guard\'s cached answer'],
  ['worker-starting', 'when closeFrom(3) runs while a new worker is still starting'],
];

for (const [scenario, when] of SCENARIOS) {
  test(`${when}, the user's fds are closed and every fd left open is close-on-exec`, () => {
    const result = run(scenario);
    assert.deepEqual(result.userFdsLeftOpen, []);
    assert.deepEqual(result.leftWithoutCloexec, []);
    if (result.first) assert.deepEqual(result.first, { userFdsLeftOpen: [], leftWithoutCloexec: [] });
  });
  for (const [feature, key, expected] of FEATURES) {
    test(`${when}, ${feature}`, () => {
      assert.deepEqual(run(scenario).checks[key], expected);
    });
  }
}

// closeRange(3) over the caller's own fds takes a direct path when the guard's
// cached answer holds: it must keep every promise closeFrom(3) keeps.
for (const [scenario, when] of SCENARIOS.filter(([name]) => ['grown', 'grown-unseen', 'cached'].includes(name))) {
  test(`closeRange(3) too: ${when}, the user's fds are closed, the rest is close-on-exec, and every runtime feature works`, () => {
    const result = run(scenario, 'closeRange');
    assert.deepEqual(result.userFdsLeftOpen, []);
    assert.deepEqual(result.leftWithoutCloexec, []);
    for (const [, key, expected] of FEATURES) assert.deepEqual(result.checks[key], expected, key);
  });
}

test('the worker-starting scenario really called closeFrom before the worker was online', () => {
  assert.equal(run('worker-starting').onlineWhenClosed, false);
});

test('closeFrom(3, { beforeExec: true }) closes every fd from 3 up, the runtime\'s too, and the exec\'d program holds only 0-2', () => {
  const { status, stdout, stderr } = runFixture('runtime-before-exec.js', [], { expectJson: false });
  assert.equal(status, 0, stderr);
  const [report, listing] = stdout.trim().split('\n');
  const { before, stillOpen } = JSON.parse(report);
  assert.ok(before.length > 10, `the runtime held only ${before}`);
  assert.deepEqual(stillOpen, []);
  // The shell's glob holds one directory fd, the lowest free number: 3.
  assert.deepEqual(listing.split(' ').map((path) => Number(path.split('/').at(-1))), [0, 1, 2, 3]);
});

test('closeFrom(3) while fs.promises reads hold files open in the threadpool leaves those files open, and every read completes', () => {
  const result = run('fs-in-flight');
  assert.equal(result.heldOpenWhenClosed, 8, 'the reads had not all opened their file when closeFrom(3) ran');
  assert.deepEqual(result.userFdsLeftOpen, []);
  assert.deepEqual(result.reads, Array(8).fill(true));
});

test('workers that load their code from files start and answer when closeFrom(3) ran while each was starting', () => {
  assert.deepEqual(run('worker-starting').startingWorkers, [42, 42, 42, 42, 42]);
});

test('closeFrom(3) called again and again while each of 120 workers starts, five at a time, leaves every worker working and the user\'s fds closed', () => {
  // About 5 s alone; the limit only turns a hang into a failure.
  const result = runFixture('runtime-live-node.js', ['many-workers', 'closeFrom'], { timeout: 180_000 }).result;
  assert.ok(result.calls >= 120, `only ${result.calls} calls while the workers started`);
  assert.deepEqual(result.answers, Array(120).fill(42));
  assert.deepEqual(result.userFdsLeftOpen, []);
  assert.deepEqual(result.leftWithoutCloexec, []);
});
