// Descriptors that V8, Node's tracing thread and the inspector's io thread
// hold survive closeFrom(3), both when the guard looks and when it answers
// from its cache: nothing they write lands in the user's files, they keep
// working, describeFd names their owner, and the process exits cleanly.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runFixture } from '../helpers/run-fixture.js';
import { USER_BYTES } from '../fixtures/ownership-user-files.js';

// Each fixture takes about a second; the limit only turns a hang (node
// waiting for a debugger that lost its socket) into a failure.
const TIMEOUT_MS = 90_000;

function inTemporaryDirectory(use) {
  const directory = mkdtempSync(join(tmpdir(), 'close-range-owners-'));
  try {
    return use(directory);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function runOwnerFixture(name, args, options = {}) {
  const run = runFixture(name, args, { timeout: TIMEOUT_MS, ...options });
  assert.equal(run.signal, null, `${name} ended by ${run.signal}\n${run.stderr}`);
  assert.equal(run.status, 0, run.stderr);
  return run.result;
}

const assertUserFilesUntouched = (paths) => {
  assert.ok(paths.length > 0);
  for (const path of paths) assert.equal(readFileSync(path, 'utf8'), USER_BYTES, path);
};

const logOf = (directory) => readFileSync(join(directory, readdirSync(directory).find((file) => file.endsWith('v8.log'))), 'utf8');
const perfMapOf = (pid) => readFileSync(`/tmp/perf-${pid}.map`, 'utf8');

// What V8 writes only after the calls: ticks, the last compiled function's
// source, compiledAfterCloseFrom's optimized code. Checked without printing
// the files, which are megabytes.
const LAST_SOURCE = 'return x * 2999 + 1;';
const OPTIMIZED = /[*^+]compiledAfterCloseFrom /;
const V8_CASES = [
  ['--prof', ['--prof'], {}, ({ directory }) => assert.ok(/^tick,/m.test(logOf(directory)), 'no tick in the log')],
  ['--log-code with --no-logfile-per-isolate', ['--log-code', '--no-logfile-per-isolate'], {}, ({ directory }) =>
    assert.ok(logOf(directory).includes(LAST_SOURCE), 'the last function is not in the log')],
  ['--perf-basic-prof', ['--perf-basic-prof'], {}, ({ pid }) => assert.ok(OPTIMIZED.test(perfMapOf(pid)), 'no optimized code in the map')],
  ['--perf-basic-prof from NODE_OPTIONS', [], { NODE_OPTIONS: '--perf-basic-prof' }, ({ pid }) =>
    assert.ok(OPTIMIZED.test(perfMapOf(pid)), 'no optimized code in the map')],
];

for (const [name, flags, env, assertV8Wrote] of V8_CASES) {
  test(`under ${name}, closeFrom(3) leaves V8's files open, owned by v8:log, and V8 writes into them, not into the user's files`, () => {
    inTemporaryDirectory((directory) => {
      const result = runOwnerFixture('ownership-v8-files.js', [directory], {
        nodeArgs: [...flags, `--logfile=${join(directory, 'v8.log')}`],
        env: { ...process.env, ...env },
      });
      try {
        assert.ok(result.before.length > 0, 'V8 opened no file');
        assert.deepEqual(result.after.map(({ fd, target }) => [fd, target]), result.before.map(({ fd, target }) => [fd, target]));
        assert.deepEqual([...new Set(result.after.map(({ owner }) => owner))], ['v8:log']);
        assertUserFilesUntouched(result.userFiles);
        assertV8Wrote({ directory, pid: result.pid });
      } finally {
        rmSync(`/tmp/perf-${result.pid}.map`, { force: true });
      }
    });
  });
}

test('trace_events enabled after a first closeFrom(3) keeps its node_trace.1.log, owned by node:trace, and the user\'s files get no records', () => {
  inTemporaryDirectory((directory) => {
    const result = runOwnerFixture('ownership-trace-events.js', ['api', directory]);
    assert.equal(result.categories, 'node.console');
    assert.deepEqual(result.traceFiles.map(({ target, owner }) => [target, owner]), [[join(directory, 'node_trace.1.log'), 'node:trace']]);
    assertUserFilesUntouched(result.userFiles);
    const trace = JSON.parse(readFileSync(join(directory, 'node_trace.1.log'), 'utf8'));
    assert.ok(trace.traceEvents.some(({ name }) => name === 'count::close-range-2'), 'no count made after the last closeFrom(3)');
  });
});

test('under --trace-event-categories and --trace-event-file-pattern, the trace file survives closeFrom(3) and is finished at exit', () => {
  inTemporaryDirectory((directory) => {
    const result = runOwnerFixture('ownership-trace-events.js', ['startup', directory], {
      nodeArgs: ['--trace-event-categories=node.console', `--trace-event-file-pattern=${directory}/trace-\${pid}-\${rotation}.json`],
    });
    assert.equal(result.traceFiles.length, 1);
    assert.equal(result.traceFiles[0].owner, 'node:trace');
    assertUserFilesUntouched(result.userFiles);
    const trace = JSON.parse(readFileSync(result.traceFiles[0].target, 'utf8'));
    assert.ok(trace.traceEvents.some(({ name }) => name === 'count::close-range-2'), 'no count made after the last closeFrom(3)');
  });
});

test('inspector.open() after a first closeFrom(3) keeps listening and serving a debugger through later calls, and inspector.close() returns', () => {
  inTemporaryDirectory((directory) => {
    const result = runOwnerFixture('ownership-inspector.js', ['open', directory]);
    assert.equal(result.targetsAfterClose, 1);
    assert.deepEqual(result.answers, [42, 'still here']);
    assert.equal(result.targetsAtEnd, 1);
    assert.equal(result.urlAfterClose, null);
    assertUserFilesUntouched(result.userFiles);
  });
});

test('the inspector\'s listening socket and a debugger\'s connection are owned by inspector', () => {
  inTemporaryDirectory((directory) => {
    const { socketsWhileConnected } = runOwnerFixture('ownership-inspector.js', ['open', directory]);
    // The debugger's end is this process's own TCP handle; the other two are the io thread's.
    assert.deepEqual(socketsWhileConnected.map(({ owner }) => owner).sort(), ['inspector', 'inspector', 'node:tcp']);
  });
});

test('under --inspect, a debugger that connects after closeFrom(3) keeps its connection through more calls, and node exits once it leaves', () => {
  inTemporaryDirectory((directory) => {
    const result = runOwnerFixture('ownership-inspector.js', ['flag', directory], { nodeArgs: ['--inspect=127.0.0.1:0'] });
    assert.equal(result.inspectorLoaded, false);
    assert.deepEqual(result.answers, [42, 'still here']);
    assert.deepEqual(result.socketsWhileConnected.map(({ owner }) => owner).sort(), ['inspector', 'inspector', 'node:tcp']);
    assertUserFilesUntouched(result.userFiles);
  });
});
