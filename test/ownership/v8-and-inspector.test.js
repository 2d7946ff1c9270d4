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

const V8_CASES = [
  ['--prof', ['--prof'], {}],
  ['--perf-basic-prof from NODE_OPTIONS', [], { NODE_OPTIONS: '--perf-basic-prof' }],
  ['--log-code with --no-logfile-per-isolate', ['--log-code', '--no-logfile-per-isolate'], {}],
];

for (const [name, flags, env] of V8_CASES) {
  test(`under ${name}, closeFrom(3) leaves V8's files open, owned by v8:log, and V8 writes nothing into the user's files`, () => {
    inTemporaryDirectory((directory) => {
      const logfile = join(directory, 'v8.log');
      const result = runOwnerFixture('ownership-v8-files.js', [directory], {
        nodeArgs: [...flags, `--logfile=${logfile}`],
        env: { ...process.env, ...env },
      });
      try {
        assert.ok(result.before.length > 0, 'V8 opened no file');
        assert.deepEqual(result.after.map(({ fd, target }) => [fd, target]), result.before.map(({ fd, target }) => [fd, target]));
        assert.deepEqual([...new Set(result.after.map(({ owner }) => owner))], ['v8:log']);
        assertUserFilesUntouched(result.userFiles);
        const [log] = readdirSync(directory).filter((file) => file.endsWith('v8.log'));
        assert.match(readFileSync(join(directory, log), 'utf8'), /^code-creation,/m);
      } finally {
        rmSync(`/tmp/perf-${result.pid}.map`, { force: true });
      }
    });
  });
}

test('under --perf-basic-prof, perf\'s map keeps the records of code compiled after closeFrom(3)', () => {
  inTemporaryDirectory((directory) => {
    const result = runOwnerFixture('ownership-v8-files.js', [directory], {
      nodeArgs: ['--perf-basic-prof', `--logfile=${join(directory, 'v8.log')}`],
    });
    const map = `/tmp/perf-${result.pid}.map`;
    try {
      assert.ok(result.after.some(({ target, owner }) => target === map && owner === 'v8:log'));
      assertUserFilesUntouched(result.userFiles);
      // One compiled function's source, made after every closeFrom(3) call but the last.
      assert.match(readFileSync(map, 'utf8'), /\banonymous\b/);
    } finally {
      rmSync(map, { force: true });
    }
  });
});

test('trace_events enabled after a first closeFrom(3) keeps its node_trace.1.log, owned by node:trace, and the user\'s files get no records', () => {
  inTemporaryDirectory((directory) => {
    const result = runOwnerFixture('ownership-trace-events.js', ['api', directory]);
    assert.equal(result.categories, 'node.perf.usertiming');
    assert.deepEqual(result.traceFiles.map(({ target, owner }) => [target, owner]), [[join(directory, 'node_trace.1.log'), 'node:trace']]);
    assertUserFilesUntouched(result.userFiles);
    const trace = JSON.parse(readFileSync(join(directory, 'node_trace.1.log'), 'utf8'));
    const marks = trace.traceEvents.filter(({ name }) => name.startsWith('close-range-'));
    assert.ok(marks.some(({ name }) => name.startsWith('close-range-2-')), 'no mark made after the last closeFrom(3)');
  });
});

test('under --trace-event-categories and --trace-event-file-pattern, the trace file survives closeFrom(3) and is finished at exit', () => {
  inTemporaryDirectory((directory) => {
    const result = runOwnerFixture('ownership-trace-events.js', ['startup', directory], {
      nodeArgs: ['--trace-event-categories=node.perf.usertiming', `--trace-event-file-pattern=${directory}/trace-\${pid}-\${rotation}.json`],
    });
    assert.equal(result.traceFiles.length, 1);
    assert.equal(result.traceFiles[0].owner, 'node:trace');
    assertUserFilesUntouched(result.userFiles);
    const trace = JSON.parse(readFileSync(result.traceFiles[0].target, 'utf8'));
    assert.ok(trace.traceEvents.some(({ name }) => name.startsWith('close-range-2-')), 'no mark made after the last closeFrom(3)');
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
