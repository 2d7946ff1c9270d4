// A process whose /proc/PID/fd can be read but /proc/PID/fdinfo cannot: list
// shows what ls and lsof show, with the columns only fdinfo knows as `?`.
// Made for real: a mode-000 tmpfs over its fdinfo in a private mount
// namespace, looked at by a close-range without capabilities (so that
// root's CAP_DAC_OVERRIDE cannot open it anyway). The holder runs without
// them too: else reading its fd links would need CAP_SYS_PTRACE.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { WITHOUT_CAPABILITIES } from '../helpers/foreign-process.js';
import { shell, startShell } from './run-cli.js';

const file = fileURLToPath(import.meta.url);
let holder;
let pid;
before(async () => {
  const { child, firstLine } = await startShell(`exec 7<'${file}' 9>/dev/null; echo $$; exec ${WITHOUT_CAPABILITIES.join(' ')} sleep 60`);
  [holder, pid] = [child, Number(firstLine)];
});
after(() => holder.kill());

const withFdinfoHidden = (command) =>
  shell(
    `unshare --mount --propagation private -- sh -c 'mount -t tmpfs -o mode=000 none /proc/${pid}/fdinfo && ` +
      `exec ${WITHOUT_CAPABILITIES.join(' ')} ${command}'`,
  );

test('list still lists every fd, ACCESS and CLOEXEC as ?, exits 0 and notes why on stderr', () => {
  const { status, stdout, stderr } = withFdinfoHidden(`close-range list --pid ${pid}`);
  assert.equal(status, 0, stderr);
  assert.equal(stderr, `close-range list: note: EACCES: permission denied, open '/proc/${pid}/fdinfo': ACCESS and CLOEXEC are shown as ?\n`);
  const [header, ...rows] = stdout.trimEnd().split('\n');
  assert.match(header, /^ *FD {2}TYPE +ACCESS +CLOEXEC +TARGET$/);
  assert.deepEqual(rows.map((row) => Number(row.trim().split(/\s+/)[0])), [0, 1, 2, 7, 9]);
  assert.ok(rows.every((row) => /^ *\d+ {2}\w+ +\? +\? +\S/.test(row)), rows.join('\n'));
  assert.ok(rows.some((row) => /^ *7 {2}file +\? +\? +/.test(row) && row.endsWith(file)), rows.join('\n'));
  assert.ok(rows.some((row) => /^ *9 {2}char +\? +\? +\/dev\/null$/.test(row)), rows.join('\n'));
});

test('list --json gives null for what fdinfo alone knows, and the rest as usual', () => {
  const { status, stdout, stderr } = withFdinfoHidden(`close-range list --pid ${pid} --json`);
  assert.equal(status, 0, stderr);
  assert.match(stderr, /^close-range list: note: EACCES: .*access, cloexec, flags and position are null\n$/);
  const seven = JSON.parse(stdout).find(({ fd }) => fd === 7);
  assert.deepEqual(
    { type: seven.type, target: seven.target, cloexec: seven.cloexec, access: seven.access, flags: seven.flags, position: seven.position },
    { type: 'file', target: file, cloexec: null, access: null, flags: null, position: null },
  );
  assert.equal(typeof seven.inode, 'number');
});

test('audit exits 125 rather than guess which fds a child inherits', () => {
  const { status, stdout, stderr } = withFdinfoHidden(`close-range audit --pid ${pid}`);
  assert.equal(status, 125);
  assert.equal(stdout, '');
  assert.equal(stderr, `close-range audit: EACCES: permission denied, open '/proc/${pid}/fdinfo': without it, which fds a child inherits cannot be told\n`);
});

test('with fdinfo readable, the same process is listed with its flags (the mount above is what hides them)', () => {
  const { status, stdout } = shell(`${WITHOUT_CAPABILITIES.join(' ')} close-range list --pid ${pid}`);
  assert.equal(status, 0);
  assert.match(stdout, /^ *7 {2}file +r +no +/m);
});

test('list of a process whose fd links cannot be followed exits 125 naming EACCES, not an empty table', async () => {
  // This holder keeps root's capabilities: looking into it needs CAP_SYS_PTRACE, which the lister lacks.
  const { child, firstLine } = await startShell(`exec 7<'${file}'; echo $$; exec sleep 60`);
  try {
    const { status, stdout, stderr } = shell(`${WITHOUT_CAPABILITIES.join(' ')} close-range list --pid ${firstLine}`);
    assert.equal(status, 125, stdout);
    assert.equal(stdout, '');
    assert.match(stderr, new RegExp(`^close-range list: (note: .*\\n)?EACCES: permission denied, readlink '/proc/${firstLine}/fd/0'\\n$`));
  } finally {
    child.kill();
  }
});
