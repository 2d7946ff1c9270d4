// The README's examples, run as written: the JavaScript from a folder that has
// close-range in node_modules as an installed package would, the shell lines
// from bash with close-range on PATH. Each starts with fds 20 and 251 open
// without close-on-exec, as a leaking parent leaves them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { shell } from '../cli/run-cli.js';
import { codeBlocks } from '../helpers/markdown.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const blocks = codeBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
const LEAKS = 'exec 20</dev/null 251</dev/null; ';

const project = mkdtempSync(join(tmpdir(), 'close-range-readme-'));
mkdirSync(join(project, 'node_modules'));
symlinkSync(root, join(project, 'node_modules', 'close-range'));
after(() => rmSync(project, { recursive: true, force: true }));

/** Runs `code` as project/name.mjs from bash with the leaked fds open. */
function runModule(name, code) {
  writeFileSync(join(project, `${name}.mjs`), code);
  const child = spawnSync('bash', ['-c', `${LEAKS}exec "$0" ${name}.mjs`, process.execPath], {
    cwd: project,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(child.status, 0, child.stderr);
  return child.stdout;
}

const numbers = (text) => text.match(/\d+/g).map(Number);

/** `N -> target` lines of `ls -l /proc/self/fd`, as a Map. */
const lsTargets = (text) => new Map([...text.matchAll(/ (\d+) -> (.+)$/gm)].map(([, fd, target]) => [Number(fd), target]));

test('the README\'s first example closes the fds its shell leaked and lists what is left', () => {
  const example = blocks.find((block) => block.lang === 'js').code;
  assert.ok(example.trim().split('\n').length <= 3, example);
  const before = numbers(runModule('control', "import { listFds } from 'close-range';\nconsole.log(listFds());\n"));
  assert.ok(before.includes(20) && before.includes(251), `the shell's fds were not there to close: ${before}`);
  const listed = numbers(runModule('first', example));
  assert.ok([0, 1, 2].every((fd) => listed.includes(fd)), `stdio missing: ${listed}`);
  assert.ok(!listed.includes(20) && !listed.includes(251), `still open: ${listed}`);
});

test('the README\'s spawn example gives ls fds 0-2 and the log, nothing the shell leaked', () => {
  const example = blocks.find((block) => block.lang === 'js' && block.code.includes('passFds')).code;
  const extra = [...lsTargets(runModule('spawn', example))].filter(([fd]) => fd > 2);
  assert.equal(extra.length, 2, JSON.stringify(extra));
  assert.ok(extra.some(([, target]) => target === join(project, 'app.log')), JSON.stringify(extra));
  assert.ok(extra.some(([, target]) => /^\/proc\/\d+\/fd$/.test(target)), JSON.stringify(extra)); // ls reading the directory
});

const cliExamples = blocks.find((block) => block.lang === 'sh' && block.code.includes('close-range audit')).code.trim().split('\n');
const cliExample = (command) => {
  const line = cliExamples.find((example) => example.startsWith(`close-range ${command}`));
  assert.ok(line, `no close-range ${command} line in ${cliExamples}`);
  return line;
};

test('the README\'s `close-range list` shows the fd the shell leaked', () => {
  const { status, stdout, stderr } = shell(LEAKS + cliExample('list'));
  assert.equal(status, 0, stderr);
  assert.match(stdout, /^ *20 +char +r +no +\/dev\/null$/m);
  assert.match(stdout, /^ *251 +char +r +no +\/dev\/null$/m);
});

test('the README\'s `close-range audit || exit 1` fails with leaked fds and passes without', () => {
  const leaking = shell(LEAKS + cliExample('audit'));
  assert.equal(leaking.status, 1);
  assert.match(leaking.stdout, /^ *20 +char/m);
  const clean = shell(`close-range exec -- bash -c '${cliExample('audit')}\necho clean'`);
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  assert.match(clean.stdout, /^clean$/m);
});

test('the README\'s `close-range exec` runs ls with only 0-2 and its own directory fd', () => {
  const { status, stdout, stderr } = shell(LEAKS + cliExample('exec'));
  assert.equal(status, 0, stderr);
  assert.deepEqual([...lsTargets(stdout).keys()].sort((a, b) => a - b), [0, 1, 2, 3]);
});

// An app that opens /dev/null natively without O_CLOEXEC after start-up, then
// starts `ls /proc/self/fd` through node:child_process and prints the child's fds.
const APP = `import { spawnSync } from 'node:child_process';
import { libc, O_RDONLY } from ${JSON.stringify(pathToFileURL(join(root, 'dist/native/libc.js')).href)};
const native = libc().open('/dev/null', O_RDONLY, 0);
const { stdout } = spawnSync('ls', ['/proc/self/fd'], { encoding: 'utf8' });
console.log(JSON.stringify({ native, child: stdout.split('\\n').filter(Boolean).map(Number) }));
`;

/** Runs `command` from bash in the project, with the leaked fds open and this node first on PATH. */
function runApp(command) {
  writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(project, 'app.js'), APP);
  const child = spawnSync('bash', ['-c', LEAKS + command], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}` },
    timeout: 60_000,
  });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout);
}

test("the README's register line gives a child of the app none of its inherited or native fds", () => {
  const line = blocks.find((block) => block.lang === 'sh' && block.code.includes('close-range/register')).code.trim();
  assert.match(line, /^node --import close-range\/register app\.js$/);
  const plain = runApp('node app.js');
  assert.deepEqual([20, 251, plain.native].filter((fd) => !plain.child.includes(fd)), [], `the app had nothing to leak: ${plain.child}`);
  const { child } = runApp(line);
  assert.deepEqual(child, [0, 1, 2, 3]); // 3: ls reading the directory
});
