import assert from 'node:assert/strict';
import { readlinkSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { WITHOUT_CAPABILITIES, startForeignProcess } from '../helpers/foreign-process.js';
import { shell, startShell } from './run-cli.js';

const file = fileURLToPath(import.meta.url);

function listJson(script) {
  const { status, stdout, stderr } = shell(script);
  assert.equal(status, 0, stderr);
  return JSON.parse(stdout);
}

test('list --pid of a process that does not exist exits 125 with one line naming ESRCH', () => {
  const { status, stdout, stderr } = shell('close-range list --pid 4194304');
  assert.equal(status, 125);
  assert.equal(stdout, '');
  assert.match(stderr, /^close-range list: ESRCH: .*\n$/);
});

test('list --pid of a process this user may not inspect exits 125 with one line naming EACCES', () => {
  const foreign = startForeignProcess();
  try {
    const { status, stdout, stderr } = shell(`${WITHOUT_CAPABILITIES.join(' ')} close-range list --pid ${foreign.pid}`);
    assert.equal(status, 125);
    assert.equal(stdout, '');
    assert.match(stderr, new RegExp(`^close-range list: EACCES: .*/proc/${foreign.pid}/fd.*\n$`));
  } finally {
    foreign.stop();
  }
});

test('list --json reports the fd 7 the shell passed as a file with its path and cloexec false', () => {
  const fds = listJson(`exec 7<'${file}' 300</dev/null; close-range list --json`);
  const seven = fds.find((info) => info.fd === 7);
  assert.deepEqual(
    { type: seven.type, target: seven.target, cloexec: seven.cloexec, access: seven.access },
    { type: 'file', target: file, cloexec: false, access: 'r' },
  );
  const dev300 = fds.find((info) => info.fd === 300);
  assert.deepEqual({ type: dev300.type, target: dev300.target, cloexec: dev300.cloexec }, { type: 'char', target: '/dev/null', cloexec: false });
});

test('list shows exactly what the shell passed, none of the fds Node opened in the gaps', () => {
  const fds = listJson(`exec 7<'${file}' 300</dev/null; close-range list --json`);
  assert.deepEqual(fds.map((info) => info.fd), [0, 1, 2, 7, 300]);
  assert.ok(fds.every((info) => !info.runtime && !info.cloexec));
});

test('list tells passed fds from Node\'s own inside the range libuv marks close-on-exec, and just above it', () => {
  // libuv marks 0..15 close-on-exec, then on up to the first closed fd: 16, 17
  // here; Node's epoll fds, eventfds and pipes fill 4, 6, 8.. and 18...
  const fds = listJson(
    `exec 3<'${file}' 5<>/dev/null 9< <(echo) 15>/dev/null 16<'${file}' 17<'${file}' 40<'${file}'; close-range list --json`,
  );
  assert.deepEqual(fds.map((info) => [info.fd, info.type]).slice(3), [
    [3, 'file'], [5, 'char'], [9, 'pipe'], [15, 'char'], [16, 'file'], [17, 'file'], [40, 'file'],
  ]);
});

test('list with nothing passed but stdio shows 0-2 only', () => {
  assert.deepEqual(listJson('close-range list --json').map((info) => info.fd), [0, 1, 2]);
});

test('list prints an aligned FD TYPE ACCESS CLOEXEC TARGET table without colour when not on a terminal', () => {
  const { status, stdout } = shell(`exec 7<'${file}' 300</dev/null; close-range list`);
  assert.equal(status, 0);
  const [header, ...rows] = stdout.trimEnd().split('\n');
  assert.match(header, /^ *FD {2}TYPE +ACCESS +CLOEXEC +TARGET$/);
  assert.equal(rows.length, 5);
  const targetColumn = header.indexOf('TARGET');
  for (const row of rows) assert.match(row.slice(targetColumn - 2), /^ {2}\S/, `TARGET aligned in: ${row}`);
  assert.ok(rows.some((row) => /^ *7 {2}file +r +no +/.test(row) && row.endsWith(file)));
  assert.ok(rows.some((row) => /^300 {2}char +r +no +\/dev\/null$/.test(row)));
  assert.doesNotMatch(stdout, /\x1b\[/);
});

// script(1) gives the command a pseudo-terminal as stdout.
const onTerminal = (command, env) => shell(`script -qec '${command}' /dev/null`, { env });

test('list colours its table on a terminal, the CLOEXEC cell of an inherited fd >= 3 in yellow', () => {
  const { status, stdout } = shell(`exec 7<'${file}'; script -qec 'close-range list' /dev/null`);
  assert.equal(status, 0);
  assert.match(stdout, /^\x1b\[1m *FD {2}TYPE/);
  assert.match(stdout, /^ *7 {2}file +r +\x1b\[33mno\x1b\[39m +\//m);
  assert.match(stdout, /^ *2 {2}\w+ +\w+ +no +\//m, 'fds 0-2 are not highlighted');
  const plain = stdout.replace(/\x1b\[\d+m/g, '').split('\r\n');
  assert.equal(plain[0].indexOf('TARGET'), plain.find((line) => /^ *7 /.test(line)).indexOf('/'), 'colour does not shift TARGET');
});

test('list never colours with NO_COLOR set, even on a terminal', () => {
  const { status, stdout } = onTerminal('close-range list', { NO_COLOR: '1' });
  assert.equal(status, 0);
  assert.match(stdout, /FD {2}TYPE/);
  assert.doesNotMatch(stdout, /\x1b\[/);
});

test('list --pid shows another process\'s table as it is, fd 7 included', async () => {
  const { child, firstLine } = await startShell(`exec 7<'${file}'; echo $$; exec sleep 30`);
  try {
    const pid = Number(firstLine);
    const fds = listJson(`close-range list --pid ${pid} --json`);
    assert.deepEqual(fds.map((info) => info.fd), [0, 1, 2, 7]);
    const seven = fds.find((info) => info.fd === 7);
    assert.deepEqual({ type: seven.type, target: seven.target, cloexec: seven.cloexec }, { type: 'file', target: file, cloexec: false });
    assert.equal(readlinkSync(`/proc/${pid}/fd/7`), file);
  } finally {
    child.kill();
  }
});
