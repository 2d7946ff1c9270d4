import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fdNumbers, shell } from './run-cli.js';

const file = fileURLToPath(import.meta.url);
const notExecutable = fileURLToPath(new URL('../fixtures/cli-not-executable.sh', import.meta.url));
const SHELL_FDS = `exec 7<'${file}' 300</dev/null; `;

function fdsSeenBy(options) {
  const { status, stdout, stderr } = shell(`${SHELL_FDS}close-range exec ${options} -- ls /proc/self/fd`);
  assert.equal(status, 0, stderr);
  return fdNumbers(stdout);
}

test('exec of a command that is not in PATH exits 127 with one line naming it', () => {
  const { status, stdout, stderr } = shell('close-range exec -- close-range-no-such-command arg');
  assert.equal(status, 127);
  assert.equal(stdout, '');
  assert.equal(stderr, 'close-range exec: close-range-no-such-command: command not found in PATH\n');
});

test('exec of a path that does not exist exits 127', () => {
  const { status, stderr } = shell('close-range exec -- /nonexistent/program');
  assert.equal(status, 127);
  assert.match(stderr, /^close-range exec: ENOENT: .*\/nonexistent\/program.*\n$/);
});

test('exec of a file without execute permission exits 126', () => {
  const { status, stderr } = shell(`close-range exec -- '${notExecutable}'`);
  assert.equal(status, 126);
  assert.match(stderr, /^close-range exec: EACCES: .*\n$/);
});

test('exec of a directory exits 126', () => {
  const { status, stderr } = shell('close-range exec -- /tmp');
  assert.equal(status, 126);
  assert.match(stderr, /^close-range exec: EACCES: .*\n$/);
});

test('exec exits with the status of COMMAND itself', () => {
  assert.equal(shell('close-range exec -- sh -c "exit 42"').status, 42);
  assert.equal(shell('close-range exec -- false').status, 1);
});

test('exec runs COMMAND in place, under the same pid', () => {
  const { status, stdout } = shell('echo $$; exec close-range exec -- sh -c \'echo $$\'');
  assert.equal(status, 0);
  const [shellPid, commandPid] = stdout.trim().split('\n');
  assert.match(shellPid, /^\d+$/);
  assert.equal(commandPid, shellPid);
});

test('exec leaves COMMAND only 0, 1 and 2 open (3 is ls reading /proc/self/fd)', () => {
  assert.deepEqual(fdsSeenBy(''), [0, 1, 2, 3]);
});

test('exec --keep passes the listed fds on, each still the same open file', () => {
  assert.deepEqual(fdsSeenBy('--keep 7,300'), [0, 1, 2, 3, 7, 300]);
  assert.deepEqual(fdsSeenBy('--keep 7 --keep 300'), [0, 1, 2, 3, 7, 300]);
  const { stdout } = shell(`${SHELL_FDS}close-range exec --keep 7 -- sh -c 'readlink /proc/self/fd/7; head -c 6 <&7'`);
  assert.equal(stdout, `${file}\nimport`);
});

test('exec --keep of an fd the caller did not pass exits 125 with EBADF naming it, and runs nothing', () => {
  // 77: closed; 4, 5, 6: Node's own epoll fd, eventfds and pipes in a clean shell.
  for (const [keep, named] of [['77', 77], ['7,77', 77], ['4', 4], ['300 --keep 5,6', 5]]) {
    const { status, stdout, stderr } = shell(`${SHELL_FDS}close-range exec --keep ${keep} -- echo ran`);
    assert.equal(status, 125, `--keep ${keep}: ${stderr}`);
    assert.equal(stdout, '');
    assert.equal(stderr, `close-range exec: EBADF: bad file descriptor, exec (--keep ${named}: the caller of close-range did not pass fd ${named} open)\n`);
  }
});

test('exec --keep 0,1,2 is no error: they are passed on as the caller left them', () => {
  assert.deepEqual(fdsSeenBy('--keep 0,1,2'), [0, 1, 2, 3]);
});

test('exec --from 100 keeps the shell\'s fd 7 and closes its fd 300', () => {
  assert.deepEqual(fdsSeenBy('--from 100'), [0, 1, 2, 3, 7]);
  assert.deepEqual(fdsSeenBy('--from 301'), [0, 1, 2, 3, 7, 300]);
});

test('exec passes on fds below --from that Node had marked close-on-exec, and none of Node\'s own', () => {
  const { status, stdout } = shell(`exec 3<'${file}' 5</dev/null 9< <(echo) 15</dev/null; close-range exec --from 16 -- ls /proc/self/fd`);
  assert.equal(status, 0);
  // ls opens its directory at the lowest free fd: 4.
  assert.deepEqual(fdNumbers(stdout), [0, 1, 2, 3, 4, 5, 9, 15]);
});

test('exec --unshare closes in a private descriptor table and leaves the same fds', () => {
  assert.deepEqual(fdsSeenBy('--unshare --keep 300'), [0, 1, 2, 3, 300]);
  const traced = (options) => shell(`${SHELL_FDS}strace -f -qq -e trace=unshare,close_range close-range exec ${options} -- true`).stderr;
  const unshared = /(unshare\(CLONE_FILES\)|close_range\(.*CLOSE_RANGE_UNSHARE.*\)) = 0/;
  assert.match(traced('--unshare'), unshared);
  assert.doesNotMatch(traced(''), unshared);
});

test('exec gives COMMAND working stdio and the signal dispositions the shell had', () => {
  const { status, stdout } = shell('close-range exec -- sh -c \'cat; grep ^SigIgn /proc/self/status\'', { input: 'through stdin\n' });
  assert.equal(status, 0);
  assert.equal(stdout, 'through stdin\nSigIgn:\t0000000000000000\n');
});
