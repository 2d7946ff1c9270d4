// make's jobserver through a registered node: a `+` recipe gets the
// jobserver's pipe at the fds MAKEFLAGS names, and a sub-process of that node
// must still reach it (libuv's own start-up marking of fds 0-15 once broke
// exactly this, libuv#997). MAKEFLAGS that name no such pipe keep nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturePath } from '../helpers/run-fixture.js';
import { ROOT, runRegistered } from '../helpers/run-registered.js';

function runMake(nodeArgs) {
  const directory = mkdtempSync(join(tmpdir(), 'close-range-make-'));
  try {
    const makefile = join(directory, 'Makefile');
    writeFileSync(makefile, `job:\n\t+@"$(NODE)" ${nodeArgs} "$(FIXTURE)"\n`);
    const make = spawnSync('make', ['-s', '-j2', '--no-print-directory', '-f', makefile, `NODE=${process.execPath}`, `FIXTURE=${fixturePath('register-jobserver.js')}`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(make.status, 0, `make failed:\n${make.stdout}\n${make.stderr}`);
    // make checks on exit that every token came back.
    assert.doesNotMatch(make.stderr, /jobserver|INTERNAL/, make.stderr);
    return JSON.parse(make.stdout.trim().split('\n').at(-1));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

test('without registering, a sub-process of node run by make does not get the jobserver fds: Node marked them close-on-exec at start-up', () => {
  const { jobserver, spawnSync: child } = runMake('');
  assert.ok(jobserver.every((fd) => fd < 16), `make put its jobserver at ${jobserver}`);
  for (const fd of jobserver) assert.ok(!child.fds.includes(fd), `the child got ${fd}: ${child.fds}`);
});

test("under --import close-range/register, spawn and spawnSync children of make's `+` recipe get exactly the jobserver's two fds, take a token and give it back", () => {
  const result = runMake('--import close-range/register');
  for (const start of ['spawnSync', 'spawn']) {
    assert.deepEqual(result[start].fds, [0, 1, 2, ...result.jobserver], start);
    assert.equal(result[start].token?.length, 1, `${start}'s child took no token`);
  }
});

test('under --require close-range/register the jobserver reaches the children the same way', () => {
  const result = runMake('--require close-range/register');
  assert.deepEqual(result.spawnSync.fds, [0, 1, 2, ...result.jobserver]);
  assert.equal(result.spawnSync.token?.length, 1);
});

test("MAKEFLAGS naming one pipe's read and write ends, outside make, keeps both for every child", () => {
  const { result, stderr } = runRegistered('register-list-children.js', {
    nodeArgs: ['--import', 'close-range/register'],
    env: { MAKEFLAGS: ' -j2 --jobserver-auth=20,21' },
    shell: 'exec 7</dev/null 251</dev/null; exec 20< <(:); exec 21>/proc/self/fd/20; exec "$@"',
  });
  assert.ok(result, stderr);
  for (const [start, fds] of Object.entries(result.children)) assert.deepEqual(fds, [0, 1, 2, 20, 21], start);
});

test('MAKEFLAGS naming two fds that are not the ends of one pipe keeps neither: the children get 0-2 only', () => {
  const cases = {
    'two files': 'exec 7</dev/null 20</dev/null 251</dev/null; exec "$@"',
    // The write end opened again through /proc: one pipe, read end at 21, write end at 20.
    'one pipe, ends swapped': 'exec 7</dev/null 251</dev/null; exec 21< <(:); exec 20>/proc/self/fd/21; exec "$@"',
  };
  for (const [name, shell] of Object.entries(cases)) {
    const { result, stderr } = runRegistered('register-list-children.js', {
      nodeArgs: ['--import', 'close-range/register'],
      env: { MAKEFLAGS: ' -j2 --jobserver-auth=20,21' },
      shell,
    });
    assert.ok(result, `${name}: ${stderr}`);
    for (const [start, fds] of Object.entries(result.children)) assert.deepEqual(fds, [0, 1, 2], `${name}, ${start}`);
  }
});
