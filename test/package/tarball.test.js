import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CACHE_DIR, ensureRuntime, installRuntime } from '../../scripts/runtimes/install.js';
import { nodeRuntime } from '../../scripts/runtimes/matrix.js';
import { installPacked, repoRoot } from '../helpers/packed-consumer.js';

let packed;
before(() => { packed = installPacked(); });
after(() => packed?.remove());

const run = (command, args, cwd = packed.consumer) =>
  spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
const node = (file, source, binary = process.execPath) => {
  writeFileSync(join(packed.consumer, file), source);
  return run(binary, [file]);
};
const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);

// What a consumer sees of the library: the public names, a call that loads
// koffi, and which library files were loaded for the two entry points (each file once).
const REPORT = `
  const names = Object.keys(library).sort();
  const highest = library.highestFd();
  const childNames = Object.keys(childProcess).sort();
`;

test('import of the installed package gives the public API and the drop-ins, from ES modules', () => {
  const child = node('esm.mjs', `
    import * as library from 'close-range';
    import * as childProcess from 'close-range/child_process';
    ${REPORT}
    const { stdout } = childProcess.spawnSync('true');
    console.log(JSON.stringify({ names, highest, childNames, spawned: stdout !== undefined }));
  `);
  assert.equal(child.status, 0, child.stderr);
  const report = JSON.parse(child.stdout);
  assert.ok(report.names.includes('closeFrom') && report.names.includes('describeFds'));
  assert.ok(Number.isInteger(report.highest) && report.highest >= 2);
  assert.deepEqual(report.childNames, ['exec', 'execFile', 'execFileSync', 'execSync', 'fork', 'spawn', 'spawnSync']);
});

// Node before 20.19 and 22.12 cannot require() an ES module: 20.0.0 is the
// oldest version the package supports. Installed from the npm registry once,
// into .runtimes/ like the runtime matrix.
const REQUIRE_NODES = [
  { version: process.version, binary: () => process.execPath },
  { version: 'v20.0.0', binary: () => installRuntime(nodeRuntime('20.0.0'), CACHE_DIR) },
  { version: 'v22', binary: () => ensureRuntime('node22') },
];

for (const { version, binary } of REQUIRE_NODES) {
  test(`require() of the installed package works on Node ${version}, and both entries share one copy of the library`, () => {
    const child = node('cjs.cjs', `
      const library = require('close-range');
      const childProcess = require('close-range/child_process');
      ${REPORT}
      const loaded = Object.keys(require.cache).filter((path) => path.includes('/node_modules/close-range/'));
      console.log(JSON.stringify({ version: process.version, names, highest, childNames, loaded }));
    `, binary());
    assert.equal(child.status, 0, child.stderr);
    const report = JSON.parse(child.stdout);
    assert.ok(report.version.startsWith(version), report.version);
    assert.ok(report.names.includes('closeRange') && report.names.includes('execve'));
    assert.ok(Number.isInteger(report.highest) && report.highest >= 2);
    assert.equal(report.childNames.length, 7);
    assert.deepEqual(report.loaded.map((path) => path.slice(path.indexOf('/dist/') + 1)).sort(),
      ['dist/child_process/index.cjs', 'dist/chunks/library.cjs', 'dist/chunks/spawning.cjs', 'dist/chunks/startup.cjs', 'dist/index.cjs']);
  });
}

// A consumer file that type-checks only when the package's types resolve: an
// untyped module is an error under strict, and the @ts-expect-error lines fail
// the compile if the types were any.
const consumerSource = (importLine) => `${importLine}
export const highest: number = highestFd();
export const info: FdInfo[] = describeFds({ from: 3 });
export const child = spawn('true', [], { passFds: [3] });
// @ts-expect-error a descriptor is a number
closeRange('3');
// @ts-expect-error passFds lists numbers
spawn('true', [], { passFds: ['3'] });
`;
const ESM_IMPORTS = `import { closeRange, describeFds, highestFd, type FdInfo } from 'close-range';
import { spawn } from 'close-range/child_process';`;
const CJS_IMPORTS = `import closeRangeModule = require('close-range');
import childProcess = require('close-range/child_process');
type FdInfo = closeRangeModule.FdInfo;
const { closeRange, describeFds, highestFd } = closeRangeModule;
const { spawn } = childProcess;`;

const RESOLUTIONS = [
  { name: 'node10', options: { module: 'commonjs', moduleResolution: 'node10' }, file: 'index.ts', source: CJS_IMPORTS },
  { name: 'node16 from CommonJS', options: { module: 'node16', moduleResolution: 'node16' }, file: 'index.cts', source: CJS_IMPORTS },
  { name: 'node16 from ESM', options: { module: 'node16', moduleResolution: 'node16' }, file: 'index.mts', source: ESM_IMPORTS },
  // The one mode that also checks the declaration files themselves (the others skip them: parsing @types/node five times took most of a minute).
  { name: 'nodenext', options: { module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: false }, file: 'index.mts', source: ESM_IMPORTS },
  { name: 'bundler', options: { module: 'preserve', moduleResolution: 'bundler' }, file: 'index.ts', source: ESM_IMPORTS },
];

for (const { name, options, file, source } of RESOLUTIONS) {
  test(`TypeScript resolves the types under moduleResolution ${name}`, () => {
    const dir = join(packed.consumer, `ts-${name.replaceAll(' ', '-')}`);
    mkdirSync(dir);
    writeFileSync(join(dir, file), consumerSource(source));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'es2022', strict: true, skipLibCheck: true, noEmit: true, types: ['node'], ignoreDeprecations: '5.0', ...options },
      files: [file],
    }));
    const tsc = run(bin('tsc'), ['-p', dir]);
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });
}

test('npx close-range --help runs the installed command', () => {
  const child = run('npx', ['--no-install', 'close-range', '--help']);
  assert.equal(child.status, 0, child.stderr);
  assert.match(child.stdout, /close-range exec/);
});

test('arethetypeswrong finds no problem in the tarball', () => {
  const attw = run(bin('attw'), [packed.tarball, '--format', 'ascii']);
  assert.equal(attw.status, 0, attw.stdout + attw.stderr);
  assert.match(attw.stdout, /No problems found/);
});

test('publint finds nothing to report in the tarball, suggestions included', () => {
  const publint = run(bin('publint'), [packed.tarball, '--strict', '--level', 'suggestion']);
  assert.equal(publint.status, 0, publint.stdout + publint.stderr);
  assert.match(publint.stdout, /All good/);
});

test('the tarball ships the bundles, their types and the docs, not the test-only facades or the demo', () => {
  const listing = execFileSync('tar', ['-tzf', packed.tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const file of ['package/LICENSE', 'package/CHANGELOG.md', 'package/dist/index.cjs', 'package/dist/index.d.cts',
    'package/dist/child_process/index.js', 'package/dist/chunks/library.js', 'package/dist/cli/main.cjs']) {
    assert.ok(listing.includes(file), `${file} is missing`);
  }
  assert.deepEqual(listing.filter((file) => /dist\/(native|runtime|mechanisms)\/|demo/.test(file)), []);
});
