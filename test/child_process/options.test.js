// Bad closeFds / passFds for each of the seven functions: thrown before any
// child starts. A synchronous function's child would have created its file
// before returning; an asynchronous one's would be listed among this
// process's children (uv_spawn forks before spawn() returns, and nothing can
// reap it before the event loop runs again).
import assert from 'node:assert/strict';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { test } from 'node:test';
import * as ours from '../../dist/child_process/index.js';
import { fixturePath } from '../helpers/run-fixture.js';

const NOT_OPEN = 987654;
const directory = mkdtempSync(join(tmpdir(), 'close-range-options-'));
const OPEN = openSync(join(directory, 'open'), 'w');
let count = 0;

// Each starts a child that creates a new file; returns that file's path.
const starters = {
  spawn: (options, file) => ours.spawn('sh', ['-c', `: > ${file}`], options),
  spawnSync: (options, file) => ours.spawnSync('sh', ['-c', `: > ${file}`], options),
  execFile: (options, file) => ours.execFile('sh', ['-c', `: > ${file}`], options, () => {}),
  execFileSync: (options, file) => ours.execFileSync('sh', ['-c', `: > ${file}`], options),
  exec: (options, file) => ours.exec(`: > ${file}`, options, () => {}),
  execSync: (options, file) => ours.execSync(`: > ${file}`, options),
  fork: (options, file) => ours.fork(fixturePath('child-touch.js'), [file], options),
};

function childrenOfThisProcess() {
  return readdirSync('/proc/self/task').flatMap((task) =>
    readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean));
}

/** Starts `name` with `options`; returns the error it threw and the file its child would have created. */
function thrownBy(name, options) {
  const file = join(directory, `${name}-${count++}`);
  try {
    starters[name](options, file);
  } catch (error) {
    return { error, file };
  }
  assert.fail(`${name} did not throw`);
}

const cases = [
  ['closeFds that is not a boolean', { closeFds: 'yes' }, { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE', message: /"options\.closeFds"/ }],
  ['passFds that is not an array', { passFds: 3 }, { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE', message: /"options\.passFds"/ }],
  ['a negative passFds entry, naming its index', { passFds: [0, -1] }, { name: 'RangeError', code: 'ERR_OUT_OF_RANGE', message: /"options\.passFds\[1\]"/ }],
  ['a fractional passFds entry', { passFds: [1.5] }, { name: 'RangeError', code: 'ERR_OUT_OF_RANGE', message: /"options\.passFds\[0\]"/ }],
  ['a passFds entry that is not a number', { passFds: [0, '2'] }, { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE', message: /"options\.passFds\[1\]"/ }],
  ['a passFds entry that is not open (EBADF)', { passFds: [OPEN, NOT_OPEN] }, { code: 'EBADF', errno: -9, message: /options\.passFds\[1\] = 987654/ }],
];

for (const [name] of Object.entries(starters)) {
  for (const [what, options, expected] of cases) {
    test(`${name} rejects ${what} and starts nothing`, () => {
      const childrenBefore = childrenOfThisProcess();
      const { error, file } = thrownBy(name, options);
      assert.deepEqual(childrenOfThisProcess(), childrenBefore);
      assert.equal(existsSync(file), false);
      for (const [key, value] of Object.entries(expected)) {
        if (value instanceof RegExp) assert.match(error[key], value);
        else if (key === 'name') assert.equal(error.constructor.name, value);
        else assert.equal(error[key], value);
      }
    });
  }
}

test('passFds naming a number that a stdio entry fills in the child is refused, naming the entry', () => {
  const extra = thrownBy('spawn', { passFds: [3], stdio: ['pipe', 'pipe', 'pipe', 'pipe'] }).error;
  assert.equal(extra.code, 'ERR_INVALID_ARG_VALUE');
  assert.match(extra.message, /options\.passFds\[0\].*stdio\[3\] \('pipe'\)/);
  const stdout = thrownBy('spawnSync', { passFds: [1] }).error;
  assert.match(stdout.message, /options\.passFds\[0\].*stdio\[1\] \('pipe'\)/);
});

test("fork's IPC channel at fd 3 cannot be displaced by passFds", () => {
  const { error } = thrownBy('fork', { passFds: [3] });
  assert.equal(error.code, 'ERR_INVALID_ARG_VALUE');
  assert.match(error.message, /stdio\[3\] \('ipc'\)/);
});

test('exec and execFile ignore options.stdio as node does, so it cannot collide with passFds', async () => {
  const fd = openSync(join(directory, 'passed'), 'w');
  try {
    const stdio = Array(fd + 1).fill('pipe');
    for (const run of [
      () => promisify(ours.execFile)('ls', ['/proc/self/fd'], { stdio, passFds: [fd] }),
      () => promisify(ours.exec)('ls /proc/self/fd', { stdio, passFds: [fd] }),
    ]) {
      const listed = (await run()).stdout.split('\n').map(Number);
      assert.ok(listed.includes(fd), `the child holds fd ${fd}`);
    }
  } finally {
    closeSync(fd);
  }
});
