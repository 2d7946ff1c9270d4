// list --sockets and audit --sockets show addresses and state as lsof does.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { startFdHolder } from '../helpers/run-fixture.js';
import { shell } from './run-cli.js';

let holder;
let held;
before(async () => {
  holder = await startFdHolder();
  held = holder.held;
});
after(() => holder.stop());

/** fd -> the TARGET cell of the table. */
function targets(stdout) {
  const [header, ...rows] = stdout.trimEnd().split('\n');
  const column = header.indexOf('TARGET');
  return new Map(rows.map((row) => [Number(row.slice(0, column).trim().split(/\s+/)[0]), row.slice(column)]));
}

/** fd -> lsof's NODE and NAME of each socket it can name, as `TCP 127.0.0.1:80 (LISTEN)`, `/x.sock type=STREAM (LISTEN)`. */
function lsofSockets(pid) {
  const { stdout } = spawnSync('lsof', ['-nP', '-a', '-p', String(pid), '-F', 'ftPnT', '-T', 's'], { encoding: 'utf8' });
  const sockets = new Map();
  let fd;
  let entry;
  for (const line of stdout.split('\n')) {
    const [field, value] = [line[0], line.slice(1)];
    if (field === 'f') sockets.set((fd = Number(value)), (entry = {}));
    else if (field === 'T' && value.startsWith('ST=')) entry.state = value.slice(3); // one T line per TCP/TPI field
    else if (fd !== undefined && field) entry[field] = value;
  }
  const named = new Map();
  for (const [number, { t, P, n, state }] of sockets) {
    if (t === 'IPv4' || t === 'IPv6') named.set(number, `${P} ${n}${state ? ` (${state})` : ''}`);
  }
  return named;
}

test('list --pid --sockets shows TCP and UDP sockets exactly as lsof names them, state included', () => {
  const { status, stdout, stderr } = shell(`close-range list --pid ${holder.pid} --sockets`);
  assert.equal(status, 0, stderr);
  const shown = targets(stdout);
  const expected = lsofSockets(holder.pid);
  assert.ok(expected.size >= 4, `lsof named the listeners and the connection: ${[...expected.values()]}`);
  for (const [fd, name] of expected) assert.equal(shown.get(fd), name, `fd ${fd}`);
  assert.ok([...shown.values()].includes(`TCP 127.0.0.1:${held.port} (LISTEN)`));
  assert.ok([...shown.values()].includes(`TCP [::1]:${held.port6} (LISTEN)`));
});

test('list --pid --sockets shows unix sockets as lsof does: path or @name, type=STREAM and (LISTEN)', () => {
  const shown = [...targets(shell(`close-range list --pid ${holder.pid} --sockets`).stdout).values()];
  assert.ok(shown.includes(`${held.unixPath} type=STREAM (LISTEN)`), shown.join('\n'));
  assert.ok(shown.includes(`@fds-hold-${holder.pid} type=STREAM (LISTEN)`), shown.join('\n'));
});

test('without --sockets a socket is shown as socket:[inode]', () => {
  const shown = [...targets(shell(`close-range list --pid ${holder.pid}`).stdout).values()];
  assert.ok(shown.some((target) => /^socket:\[\d+\]$/.test(target)));
  assert.ok(!shown.some((target) => target.startsWith('TCP ')));
});

test('list --sockets and audit --sockets show a TCP connection the shell passed, with both ends and its state', () => {
  const script = `exec 5<>/dev/tcp/127.0.0.1/${held.port}; close-range list --sockets; close-range audit --sockets; echo "audit $?"`;
  const { stdout, stderr } = shell(script);
  const connection = new RegExp(`^ *5 {2}socket +rw +no +TCP 127\\.0\\.0\\.1:\\d+->127\\.0\\.0\\.1:${held.port} \\(ESTABLISHED\\)$`, 'gm');
  assert.equal(stdout.match(connection)?.length, 2, stdout + stderr);
  assert.match(stdout, /^audit 1$/m);
});

test('list --sockets --json adds each socket\'s family, addresses and state to its FdInfo', () => {
  const { stdout } = shell(`exec 5<>/dev/tcp/127.0.0.1/${held.port}; close-range list --sockets --json`);
  const { socket } = JSON.parse(stdout).find(({ fd }) => fd === 5);
  assert.deepEqual({ ...socket, local: socket.local.replace(/:\d+$/, ':PORT') }, {
    family: 'inet', kind: 'stream', local: '127.0.0.1:PORT', peer: `127.0.0.1:${held.port}`, listening: false, state: 'ESTABLISHED',
  });
});
