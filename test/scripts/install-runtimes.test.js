// The installer behind `npm run test:runtimes`: a runtime it cannot install
// is an error, never a skip, and a cached one is reused as it is.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { ensureRuntime, installRuntime } from '../../scripts/runtimes/install.js';
import { RUNTIMES } from '../../scripts/runtimes/matrix.js';

const RUNNER = fileURLToPath(new URL('../../scripts/test-runtimes.js', import.meta.url));
const node20 = RUNTIMES.find(({ id }) => id === 'node20');

function withCacheDir(body) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'close-range-runtimes-'));
  try {
    return body(cacheDir);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

test('ensureRuntime rejects an id outside the matrix, naming the ones there are', () => {
  assert.throws(() => ensureRuntime('node19'), /Unknown runtime "node19": choose one of node20, node22, node24, node26, bun, bun-musl, deno/);
});

test('npm run test:runtimes with an unknown runtime exits 1 and says which ones there are', () => {
  const runner = spawnSync(process.execPath, [RUNNER, 'nodejs'], { encoding: 'utf8' });
  assert.equal(runner.status, 1);
  assert.match(runner.stderr, /Unknown runtime "nodejs"/);
});

test('a runtime whose package cannot be installed is an error naming the package, and leaves nothing in the cache', () => {
  withCacheDir((cacheDir) => {
    const missing = { ...node20, version: '0.0.0-no-such-version' };
    assert.throws(() => installRuntime(missing, cacheDir), /Could not install node20 \(node-linux-\w+@0\.0\.0-no-such-version\) from the npm registry/);
    assert.deepEqual(readdirSync(cacheDir), []);
  });
});

test('a runtime already in the cache is reused without running npm', () => {
  withCacheDir((cacheDir) => {
    const binary = join(cacheDir, `node20-${node20.version}`, 'node_modules', node20.package(), node20.binary);
    mkdirSync(join(binary, '..'), { recursive: true });
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);
    const path = process.env.PATH;
    process.env.PATH = ''; // npm cannot be found: an install attempt would fail
    try {
      assert.equal(installRuntime(node20, cacheDir), binary);
    } finally {
      process.env.PATH = path;
    }
  });
});
