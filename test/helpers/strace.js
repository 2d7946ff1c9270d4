// Runs a fixture under strace and returns the calls its main thread made
// between pairs of markers: close_range(4294967294, 4294967294, 0), a call
// that can close nothing, made by the fixture itself.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath } from './run-fixture.js';

const MARKER = 'close_range(4294967294, 4294967294, 0)';

/** { result, sections }: the fixture's last JSON line (with its `pid`), and each marked section's calls, as strace prints them. */
export function traceFixture(name, args, syscalls) {
  const directory = mkdtempSync(join(tmpdir(), 'close-range-strace-'));
  try {
    const log = join(directory, 'trace');
    const child = spawnSync('strace', ['-f', '-qq', '-e', `trace=${['close_range', ...syscalls].join(',')}`, '-o', log, process.execPath, fixturePath(name), ...args], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(child.status, 0, `strace failed (is it installed?): ${child.error ?? child.stderr}`);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1));
    const calls = readFileSync(log, 'utf8').split('\n')
      .filter((line) => line.startsWith(`${result.pid} `))
      .map((line) => line.slice(String(result.pid).length).trim().replace(/\s+= .*$/, ''));
    const sections = [];
    let section;
    for (const call of calls) {
      if (call === MARKER) section = section ? (sections.push(section), undefined) : [];
      else section?.push(call);
    }
    return { result, sections };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
