import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { shell } from './run-cli.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

function assertUsageError(script, reason) {
  const { status, stdout, stderr } = shell(script);
  assert.equal(status, 125, stderr);
  assert.equal(stdout, '');
  assert.equal(stderr.split('\n').filter(Boolean).length, 1, `one line of reason, got: ${stderr}`);
  assert.match(stderr, reason);
}

test('close-range without a command exits 125 and names the commands', () => {
  assertUsageError('close-range', /missing command: one of exec, list, audit, probe/);
  assertUsageError('close-range --', /missing command/);
});

test('an unknown command exits 125 and names it', () => {
  assertUsageError('close-range frob', /unknown command 'frob'/);
});

test('an unknown option exits 125 and names it', () => {
  assertUsageError('close-range list --bogus', /^close-range list: .*'--bogus'/);
  assertUsageError('close-range exec --bogus -- true', /^close-range exec: .*'--bogus'/);
});

test('exec without -- before COMMAND exits 125 without running anything', () => {
  assertUsageError('close-range exec echo ran', /put -- before COMMAND/);
  assertUsageError('close-range exec --keep 3 ls -- -l', /put -- before COMMAND/);
});

test('exec with nothing after -- exits 125', () => {
  assertUsageError('close-range exec --', /missing COMMAND after --/);
});

test('exec rejects descriptor numbers that are not unsigned 32-bit integers with 125', () => {
  for (const bad of ['x', '3.5', '4294967296', '3,', ' 3', '0x3', '3,,4']) {
    assertUsageError(`close-range exec --keep '${bad}' -- true`, /--keep takes an integer from 0 to 4294967295/);
  }
  assertUsageError('close-range exec --from seven -- true', /--from takes an integer from 0 to 4294967295, not 'seven'/);
  assertUsageError('close-range exec --from -- true', /--from/);
});

test('a negative number is refused in close-range\'s own words, spaced or joined, with 125', () => {
  for (const form of ['--keep -1', '--keep=-1', '--keep -1,3', '--keep 3,-1']) {
    assertUsageError(`close-range exec ${form} -- true`, /^close-range exec: --keep takes an integer from 0 to 4294967295, not '-1' \(see/);
  }
  for (const form of ['--from -5', '--from=-5']) {
    assertUsageError(`close-range exec ${form} -- true`, /^close-range exec: --from takes an integer from 0 to 4294967295, not '-5' \(see/);
  }
  for (const command of ['list', 'audit']) {
    for (const form of ['--pid -3', '--pid=-3']) {
      assertUsageError(`close-range ${command} ${form}`, new RegExp(`^close-range ${command}: --pid takes an integer from 1 to 2147483647, not '-3' \\(see`));
    }
  }
});

test('exec leaves negative numbers after -- to COMMAND', () => {
  const { status, stdout, stderr } = shell('close-range exec -- sh -c \'echo "$@"\' sh --from -5 --keep=-1');
  assert.equal(status, 0, stderr);
  assert.equal(stdout, '--from -5 --keep=-1\n');
});

test('an option that takes one value, given twice, is refused with 125 (which one was meant is a guess)', () => {
  assertUsageError('close-range exec --from 10 --from 20 -- true', /^close-range exec: --from is given more than once: give it once/);
  assertUsageError('close-range exec --from=3 --from 3 -- true', /--from is given more than once/);
  assertUsageError('close-range list --pid 1 --pid 1', /^close-range list: --pid is given more than once/);
  assertUsageError('close-range audit --pid=1 --pid 2', /^close-range audit: --pid is given more than once/);
});

test('list and audit reject a --pid that is not a process id with 125', () => {
  for (const bad of ['0', 'self', '1e3', '2147483648', '99999999999']) {
    assertUsageError(`close-range list --pid '${bad}'`, /--pid takes an integer from 1 to 2147483647/);
    assertUsageError(`close-range audit --pid '${bad}'`, /--pid takes an integer from 1 to 2147483647/);
  }
});

test('--pid takes the API\'s whole range: 2147483647 is looked up, and is no process (ESRCH, 125)', () => {
  for (const command of ['list', 'audit']) {
    const { status, stdout, stderr } = shell(`close-range ${command} --pid 2147483647`);
    assert.equal(status, 125);
    assert.equal(stdout, '');
    assert.match(stderr, new RegExp(`^close-range ${command}: ESRCH: .*'/proc/2147483647/fd'.*\n$`));
  }
});

test('probe takes no positional arguments', () => {
  assertUsageError('close-range probe now', /^close-range probe: .*'now'/);
});

test('--version prints the version in package.json', () => {
  for (const flag of ['--version', '-V']) {
    const { status, stdout } = shell(`close-range ${flag}`);
    assert.equal(status, 0);
    assert.equal(stdout, `${version}\n`);
  }
});

test('--help shows the usage of every command, each with an example', () => {
  const { status, stdout } = shell('close-range --help');
  assert.equal(status, 0);
  for (const command of ['exec', 'list', 'audit', 'probe']) {
    const section = stdout.split(`close-range ${command} [`)[1]?.split(/\n\n/)[0];
    assert.ok(section, `a section for ${command}`);
    assert.match(section, new RegExp(`Example: close-range ${command} `));
  }
  assert.match(stdout, /close-range --help \| --version/);
});

test('COMMAND --help shows the usage of that command only', () => {
  for (const command of ['exec', 'list', 'audit', 'probe']) {
    const { status, stdout } = shell(`close-range ${command} --help`);
    assert.equal(status, 0);
    assert.match(stdout, new RegExp(`^Usage: close-range ${command} \\[`));
    assert.equal(stdout.match(/Example:/g)?.length, 1);
  }
});

test('exec hands --help after -- to COMMAND', () => {
  const { status, stdout } = shell('close-range exec -- sh -c \'echo "$1"\' sh --help');
  assert.equal(status, 0);
  assert.equal(stdout, '--help\n');
});
