// Keep-lists cost one syscall per gap between kept fds, never one per fd:
// counted with strace, in the calling thread, between two marker calls.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturePath } from './helpers/run-fixture.js';

const MARKER = 'close_range(4294967294, 4294967294, 0)';

/** The close and close_range calls the fixture's main thread made between each pair of markers. */
function traceKeepLists() {
  const directory = mkdtempSync(join(tmpdir(), 'close-range-strace-'));
  try {
    const log = join(directory, 'trace');
    const child = spawnSync('strace', ['-f', '-qq', '-e', 'trace=close_range,close', '-o', log, process.execPath, fixturePath('close-range-keep-strace.js')], { encoding: 'utf8' });
    assert.equal(child.status, 0, `strace failed (is it installed?): ${child.error ?? child.stderr}`);
    const { pid, low } = JSON.parse(child.stdout.trim().split('\n').at(-1));
    const calls = readFileSync(log, 'utf8').split('\n')
      .filter((line) => line.startsWith(`${pid} `))
      .map((line) => line.slice(String(pid).length).trim().replace(/\s+= .*$/, ''));
    const sections = [];
    let section;
    for (const call of calls) {
      if (call === MARKER) section = section ? (sections.push(section), undefined) : [];
      else section?.push(call);
    }
    return { low, sections };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const { low, sections } = traceKeepLists();

test('closeRange with a keep-list closes each gap between kept fds with one close_range call, and no close()', () => {
  assert.deepEqual(sections[0], [
    `close_range(${low}, ${low + 2}, 0)`,
    `close_range(${low + 5}, ${low + 9}, 0)`,
    `close_range(${low + 11}, ${low + 19}, 0)`,
    `close_range(${low + 21}, ${low + 29}, 0)`,
  ]);
});

test('cloexecFrom with a keep-list marks each gap with one CLOSE_RANGE_CLOEXEC call up to ~0U', () => {
  assert.deepEqual(sections[1], [
    `close_range(${low + 30}, ${low + 30}, CLOSE_RANGE_CLOEXEC)`,
    `close_range(${low + 33}, ${low + 34}, CLOSE_RANGE_CLOEXEC)`,
    `close_range(${low + 36}, 4294967295, CLOSE_RANGE_CLOEXEC)`,
  ]);
});
