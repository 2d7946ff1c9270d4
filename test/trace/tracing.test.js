import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fixturePath, runFixture } from '../helpers/run-fixture.js';

const FIXTURE = 'trace-leaks.js';
const traced = (name) => runFixture(FIXTURE, [name], { env: { ...process.env, CLOSE_RANGE_TRACE: '1' } }).result;
const untraced = (name, fixture = FIXTURE) => {
  const { CLOSE_RANGE_TRACE, ...env } = process.env;
  return runFixture(fixture, [name], { env }).result;
};

/** `path:line:` of the fixture line marked `// opens: <marker>`. */
function markedLine(marker, fixture = FIXTURE) {
  const path = fixturePath(fixture);
  const index = readFileSync(path, 'utf8').split('\n').findIndex((line) => line.endsWith(`// opens: ${marker}`));
  assert.ok(index >= 0, `no line is marked "${marker}"`);
  return `${path}:${index + 1}:`;
}

function assertOneLeakFrom(outcome, call, marker) {
  assert.equal(outcome.code, 'ERR_FD_LEAK', outcome.message);
  assert.equal(outcome.leaked.length, 1, outcome.message);
  const [{ fd, origin }] = outcome.leaked;
  assert.equal(origin.call, call);
  assert.ok(origin.at.startsWith(markedLine(marker)), `${origin.at} is not the line marked ${marker}`);
  assert.ok(outcome.message.includes(`fd ${fd}: `) && outcome.message.includes(`(from ${call} at ${origin.at})`), outcome.message);
}

describe('fd tracing (CLOSE_RANGE_TRACE=1)', () => {
  // The makers of FileHandles and streams are wrapped whenever the library loads, for the
  // guard to know their objects (docs/runtime-guard.md#filehandles-and-fs-streams).
  const FS_OBJECT_MAKERS = ['fs.createReadStream', 'fs.createWriteStream', 'fs.promises.open'];

  test('leaves every other function it would wrap as Node made it when it is off', () => {
    const { unchanged, acceptedConnectionsWatched } = untraced('', 'trace-off.js');
    for (const [name, same] of Object.entries(unchanged)) assert.equal(same, !FS_OBJECT_MAKERS.includes(name), `${name} was replaced, or not`);
    assert.equal(acceptedConnectionsWatched, false);
  });

  test('wraps them all, named ESM imports included, when it is on', () => {
    const { unchanged, acceptedConnectionsWatched } = runFixture('trace-off.js', [], { env: { ...process.env, CLOSE_RANGE_TRACE: '1' } }).result;
    for (const [name, same] of Object.entries(unchanged)) assert.equal(same, false, `${name} was not wrapped`);
    assert.equal(acceptedConnectionsWatched, true);
  });

  test('says nothing of origins when it is off', () => {
    const outcome = untraced('openSync');
    assert.equal(outcome.code, 'ERR_FD_LEAK');
    assert.equal(outcome.leaked[0].origin, undefined);
    assert.doesNotMatch(outcome.message, /\(from /);
  });

  test("names the caller's line of fs.openSync", () => {
    assertOneLeakFrom(traced('openSync'), 'fs.openSync', 'openSync');
  });

  test("names the caller's line of fs.open, whose fd arrives in a callback", () => {
    assertOneLeakFrom(traced('fs.open'), 'fs.open', 'fs.open');
  });

  test("names the caller's line of fs/promises open, imported by name", () => {
    assertOneLeakFrom(traced('promises.open'), 'fs.promises.open', 'promises.open');
  });

  test('names the line that created a read stream, which opens its file from a later tick', () => {
    assertOneLeakFrom(traced('createReadStream'), 'fs.createReadStream', 'createReadStream');
  });

  test('reports a server left listening, at its listen call', () => {
    assertOneLeakFrom(traced('server left listening'), 'net.Server.listen', 'server left listening');
  });

  test("reports a client socket at its connect call and an accepted one at its server's listen", () => {
    const { code, leaked, message } = traced('client and accepted sockets');
    assert.equal(code, 'ERR_FD_LEAK', message);
    const origins = leaked.map(({ type, origin }) => [type, origin.call, origin.at.slice(0, origin.at.lastIndexOf(':') + 1)]);
    assert.deepEqual(origins.sort(), [
      ['socket', 'a connection accepted by net.Server.listen', markedLine('accepted')],
      ['socket', 'net.Socket.connect', markedLine('client')],
    ]);
  });

  test("reports the stdio pipes of a child left running, at the user's spawn call", () => {
    for (const marker of ['child left running', 'child of the drop-in left running']) {
      const { code, leaked, message } = traced(marker);
      assert.equal(code, 'ERR_FD_LEAK', message);
      assert.equal(leaked.length, 3, message);
      for (const { origin } of leaked) {
        assert.equal(origin.call, 'child_process.spawn');
        assert.ok(origin.at.startsWith(markedLine(marker)), `${origin.at} is not the line marked ${marker}`);
        assert.doesNotMatch(origin.stack, /dist\//, 'a frame of the library is in the stack');
      }
    }
  });

  test('resolves for code that closes every file, stream, socket and child it opened', () => {
    assert.deepEqual(traced('clean code'), { resolved: null });
  });

  test('gives no origin to a traced number closed natively and reused for another file', () => {
    const { code, leaked } = traced('number reused natively');
    assert.equal(code, 'ERR_FD_LEAK');
    assert.deepEqual(leaked.map(({ target, origin }) => [target, origin]), [['/etc/passwd', undefined]]);
  });

  test('gives no origin to a number closed through fs, even when the same file is reopened natively there', () => {
    const { code, leaked } = traced('number closed by fs and reopened natively');
    assert.equal(code, 'ERR_FD_LEAK');
    assert.deepEqual(leaked.map(({ target, origin }) => [target, origin]), [['/etc/hostname', undefined]]);
  });

  test('enableFdTracing() turns it on without the variable, and once only', () => {
    const marker = 'enableFdTracing() twice, then openSync';
    assertOneLeakFrom(untraced(marker), 'fs.openSync', marker);
  });
});

test('two copies of the library in one thread (a runner loading it per test file) share one trace: fs is wrapped once', () => {
  const fixture = 'trace-two-copies.cjs';
  const { wrappers, outcomes } = runFixture(fixture, [], { env: { ...process.env, CLOSE_RANGE_TRACE: '1' } }).result;
  assert.equal(wrappers, 1, 'fs.openSync passes through more than one wrapper');
  assert.equal(outcomes.length, 2);
  // The first copy's check leaks one fd; the second sees its own leak (the first is older than its snapshot).
  for (const leaked of outcomes) {
    assert.equal(leaked.length, 1);
    assert.ok(leaked[0]?.startsWith(markedLine('leak', fixture)), `${leaked[0]} is not the marked line`);
  }
});
