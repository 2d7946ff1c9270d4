// File names may hold newlines and escape sequences: list and audit print
// them escaped, so that they can neither forge a row nor reach the terminal.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { shell } from './run-cli.js';

const directory = mkdtempSync(join(tmpdir(), 'close-range-escape-'));
after(() => rmSync(directory, { recursive: true, force: true }));

function fileNamed(name) {
  const path = join(directory, name);
  writeFileSync(path, '');
  return path;
}

// A name that, printed raw, adds a row claiming fd 9 is inherited.
const forging = fileNamed('report\n  9  file  rw      no       secret-key');
const hostile = fileNamed('a\x1b[2J\x1b]0;owned\x07b\tc\rd\\e\x7ff\u009bg\u202eh\u2028i');
const ESCAPED_HOSTILE = 'a\\x1b[2J\\x1b]0;owned\\x07b\\tc\\rd\\\\e\\x7ff\\x9bg\\u202eh\\u2028i';

const opened = `exec 7<"$FORGING" 8<"$HOSTILE"; `;
const env = { FORGING: forging, HOSTILE: hostile };

function tableRows(command) {
  const { status, stdout, stderr } = shell(`${opened}${command}`, { env });
  assert.ok(status === 0 || status === 1, stderr);
  assert.doesNotMatch(stdout, /[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u2028\u202e]/u, 'no control character reaches the terminal');
  return stdout.trimEnd().split('\n');
}

test('list prints a newline in a target as \\n, so it forges no row', () => {
  const rows = tableRows('close-range list');
  assert.deepEqual(rows.slice(1).map((row) => Number(row.trim().split(/\s+/)[0])), [0, 1, 2, 7, 8], rows.join('\n'));
  assert.ok(rows.some((row) => row.endsWith(`${directory}/report\\n  9  file  rw      no       secret-key`)), rows.join('\n'));
});

test('list prints escape sequences, tabs, C1 controls, bidi overrides and line separators as \\x and \\u escapes, and \\ as \\\\', () => {
  const row = tableRows('close-range list').find((line) => /^ *8 /.test(line));
  assert.ok(row.endsWith(`${directory}/${ESCAPED_HOSTILE}`), row);
});

test('audit escapes its targets the same way', () => {
  const rows = tableRows('close-range audit');
  assert.match(rows[0], /^2 descriptors >= 3/);
  assert.deepEqual(rows.slice(2).map((row) => Number(row.trim().split(/\s+/)[0])), [7, 8]);
  assert.ok(rows.at(-1).endsWith(ESCAPED_HOSTILE), rows.at(-1));
});

test('list --json and audit --json keep each target exact, every control and invisible character \\u-escaped', () => {
  for (const command of ['list', 'audit']) {
    const { stdout } = shell(`${opened}close-range ${command} --json`, { env });
    assert.doesNotMatch(stdout, /[\x00-\x09\x0b-\x1f\x7f\u0080-\u009f\u2028\u202e]/u, 'nothing raw for the terminal');
    assert.ok(stdout.includes('\\u007ff\\u009bg\\u202eh\\u2028i'), stdout);
    const targets = Object.fromEntries(JSON.parse(stdout).map(({ fd, target }) => [fd, target]));
    assert.equal(targets[7], forging);
    assert.equal(targets[8], hostile);
  }
});

test('a plain file name is printed as it is, spaces and non-ASCII letters included', () => {
  const plain = fileNamed('Grüße aus Köln — 東京.txt');
  const { stdout } = shell('exec 7<"$PLAIN"; close-range list', { env: { PLAIN: plain } });
  assert.ok(stdout.split('\n').some((row) => /^ *7 /.test(row) && row.endsWith(plain)), stdout);
});
