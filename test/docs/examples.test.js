// Examples in docs/ whose output the page shows, run as written: the leak
// check's report on the leak-checks page, and the errors of strict option
// objects in the API reference.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { codeBlocks } from '../helpers/markdown.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const page = (name) => readFileSync(join(root, 'docs', name), 'utf8');

const project = mkdtempSync(join(tmpdir(), 'close-range-examples-'));
mkdirSync(join(project, 'node_modules'));
symlinkSync(root, join(project, 'node_modules', 'close-range'));
after(() => rmSync(project, { recursive: true, force: true }));

const { NODE_TEST_CONTEXT, CLOSE_RANGE_TRACE, ...baseEnv } = process.env;

function node(args, env = {}) {
  return spawnSync(process.execPath, args, { cwd: project, env: { ...baseEnv, ...env }, encoding: 'utf8', timeout: 60_000 });
}

test("the leak-checks page's first example fails with the report it shows, and traced names its line", () => {
  const example = codeBlocks(page('leak-checks.md')).find((block) => block.lang === 'js').code;
  const shown = example.split('\n').filter((line) => line.startsWith('//')).map((line) => line.replace(/^\/\/ ?/, ''));
  const [, headline] = /^ERR_FD_LEAK: (.+)$/.exec(shown[0]) ?? [];
  assert.ok(headline, shown.join('\n'));
  const entry = new RegExp(`^${shown[1].trim().replace(/\d+/, '\\d+').replaceAll('/', '\\/')}$`, 'm');
  writeFileSync(join(project, 'leak.test.mjs'), example);
  const plain = node(['--test', '--test-reporter=spec', 'leak.test.mjs']);
  assert.equal(plain.status, 1, plain.stdout + plain.stderr);
  assert.ok(plain.stdout.includes(headline), plain.stdout);
  assert.match(plain.stdout.replace(/^ +/gm, ''), entry);
  const line = example.split('\n').findIndex((text) => text.includes('openSync(')) + 1;
  const traced = node(['--test', '--test-reporter=spec', 'leak.test.mjs'], { CLOSE_RANGE_TRACE: '1' });
  assert.ok(traced.stdout.includes(`(from fs.openSync at ${join(project, 'leak.test.mjs')}:${line}:`), traced.stdout);
});

test('the API reference shows the errors strict option objects really throw', () => {
  const lines = page('api.md').split('\n');
  const cases = lines.flatMap((text, index) => {
    const shown = /^\/\/ (\w+), code '(\w+)': (.+)$/.exec(lines[index + 1] ?? '');
    return /^closeRange\(/.test(text) && shown ? [{ call: text, name: shown[1], code: shown[2], message: shown[3] }] : [];
  });
  assert.ok(cases.length >= 2, 'the page shows no such error');
  for (const { call, name, code, message } of cases) {
    // In a child: were the check broken, the call would close fds 300-400.
    const script = `import { closeRange, CLOSE_RANGE_CLOEXEC } from 'close-range';
try { ${call}; console.log('{}'); } catch (error) { console.log(JSON.stringify({ name: error.name, code: error.code, message: error.message })); }`;
    const child = node(['--input-type=module', '-e', script]);
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), { name, code, message }, call);
  }
});
