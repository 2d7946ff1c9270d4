// The recipes that need nothing beyond close-range and Node, run as written
// from a folder that has close-range in node_modules.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { codeBlocks } from '../helpers/markdown.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const recipes = readFileSync(join(root, 'docs', 'recipes.md'), 'utf8');
const recipe = (heading) => codeBlocks(recipes.slice(recipes.indexOf(`\n## ${heading}\n`))).find((block) => block.lang === 'js').code;

const project = mkdtempSync(join(tmpdir(), 'close-range-recipes-'));
mkdirSync(join(project, 'node_modules'));
symlinkSync(root, join(project, 'node_modules', 'close-range'));
after(() => rmSync(project, { recursive: true, force: true }));

// Without it, a `node --test` inside this test reports to the runner, not to its stdout.
const { NODE_TEST_CONTEXT, ...testEnv } = process.env;

/** Runs `node ...args` in the project from bash, with fds 20 and 251 leaked to it. */
function node(file, code, args = []) {
  writeFileSync(join(project, file), code);
  return spawnSync('bash', ['-c', 'exec 20</dev/null 251</dev/null; exec "$@"', 'bash', process.execPath, ...args, file], {
    cwd: project,
    env: testEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('the cross-spawn recipe starts ls with nothing the shell leaked', () => {
  const { status, stdout, stderr } = node('cross-spawn.mjs', recipe('cross-spawn'));
  assert.equal(status, 0, stderr);
  assert.deepEqual(stdout.split('\n').filter(Boolean).map(Number), [0, 1, 2, 3]);
});

test('the node:test recipe passes under node --test', () => {
  const { status, stdout, stderr } = node('host-name.test.mjs', recipe('node:test'), ['--test', '--test-reporter=tap']);
  assert.equal(status, 0, stdout + stderr);
  assert.match(stdout, /^# pass 1$/m);
});
