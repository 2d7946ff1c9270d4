// Importing the library loads no Node module it does not use at once: the
// heavy ones (child_process with its streams and sockets, worker_threads)
// cost milliseconds of every user's start-up. Observed in a fresh process
// through the list of built-in modules Node has loaded.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const HEAVY = ['child_process', 'worker_threads', 'net', 'dgram', 'stream'];

function builtinsLoadedBy(load) {
  const child = spawnSync(process.execPath, ['-e', `
    const before = new Set(process.moduleLoadList);
    Promise.resolve(${load}).then(() => console.log(JSON.stringify(process.moduleLoadList.filter((name) => !before.has(name)))));
  `], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout).filter((name) => name.startsWith('NativeModule ')).map((name) => name.slice('NativeModule '.length));
}

for (const [format, load] of [['ES module', "import('close-range')"], ['CommonJS', "require('close-range')"]]) {
  test(`the library's ${format} entry loads none of ${HEAVY.join(', ')}`, () => {
    const loaded = builtinsLoadedBy(load);
    assert.ok(loaded.length > 0, 'the list of loaded modules is empty: the check sees nothing');
    assert.deepEqual(HEAVY.filter((name) => loaded.includes(name)), [], loaded.join(' '));
  });
}

test('the child_process entry does load node:child_process, which the check above would see', () => {
  assert.ok(builtinsLoadedBy("import('close-range/child_process')").includes('child_process'));
});
