import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { shell, startShell } from './run-cli.js';

const file = fileURLToPath(import.meta.url);

test('audit --pid of a process that does not exist exits 125, not 0', () => {
  const { status, stderr } = shell('close-range audit --pid 4194304');
  assert.equal(status, 125);
  assert.match(stderr, /^close-range audit: ESRCH: .*\n$/);
});

test('audit exits 1 and names the file when the shell passed fd 7', () => {
  const { status, stdout } = shell(`exec 7<'${file}'; close-range audit`);
  assert.equal(status, 1);
  assert.match(stdout, /^1 descriptor >= 3 without close-on-exec/);
  assert.match(stdout, new RegExp(`^ *7 {2}file +r +no +${file}$`, 'm'));
});

test('audit leaves out 0-2 and reports every passed fd >= 3, Node\'s own ones excluded', () => {
  const { status, stdout } = shell(`exec 7<'${file}' 300</dev/null; close-range audit --json`);
  assert.equal(status, 1);
  const fds = JSON.parse(stdout);
  assert.deepEqual(fds.map(({ fd, type, cloexec }) => [fd, type, cloexec]), [[7, 'file', false], [300, 'char', false]]);
  assert.equal(fds[0].target, file);
});

test('audit exits 0 when the shell passed nothing but 0-2', () => {
  const { status, stdout } = shell('close-range audit');
  assert.equal(status, 0);
  assert.match(stdout, /^No descriptor >= 3 lacks close-on-exec/);
  assert.deepEqual(JSON.parse(shell('close-range audit --json').stdout), []);
});

test('audit exits 0 when run through close-range exec, which closed the shell\'s fd 7', () => {
  const { status, stdout, stderr } = shell(`exec 7<'${file}' 300</dev/null; close-range exec -- close-range audit`);
  assert.equal(status, 0, stderr);
  assert.match(stdout, /^No descriptor >= 3 lacks close-on-exec/);
});

test('audit --pid exits 1 for a process holding an fd without close-on-exec, and names it', async () => {
  const { child, firstLine } = await startShell(`exec 7<'${file}'; echo $$; exec sleep 30`);
  try {
    const { status, stdout } = shell(`close-range audit --pid ${firstLine}`);
    assert.equal(status, 1);
    assert.match(stdout, new RegExp(`every child of process ${firstLine} inherits it`));
    assert.match(stdout, new RegExp(`^ *7 {2}file +r +no +${file}$`, 'm'));
  } finally {
    child.kill();
  }
});

test('audit --pid exits 0 for a process whose fds >= 3 are all close-on-exec', async () => {
  // Node itself holds fds >= 3, every one of them close-on-exec.
  const { child, firstLine } = await startShell('exec node -e "console.log(process.pid); setTimeout(() => {}, 30000)"');
  try {
    const { status, stdout } = shell(`close-range audit --pid ${firstLine}`);
    assert.equal(status, 0, stdout);
    const listed = JSON.parse(shell(`close-range list --pid ${firstLine} --json`).stdout);
    assert.ok(listed.some(({ fd, cloexec }) => fd >= 3 && cloexec), 'the process does hold close-on-exec fds >= 3');
  } finally {
    child.kill();
  }
});
