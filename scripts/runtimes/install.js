// Installs one runtime from the npm registry into .runtimes/<id>-<version>,
// once: a later call finds the binary there and reuses it. A runtime that
// cannot be installed is an error, never a skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNTIMES } from './matrix.js';

export const CACHE_DIR = fileURLToPath(new URL('../../.runtimes/', import.meta.url));

export function runtimeById(id) {
  const runtime = RUNTIMES.find((candidate) => candidate.id === id);
  if (!runtime) {
    throw new Error(`Unknown runtime "${id}": choose one of ${RUNTIMES.map(({ id }) => id).join(', ')}.`);
  }
  return runtime;
}

/** The binary of runtime `id` of the matrix, installed first when it is not in the cache. */
export function ensureRuntime(id, log = () => {}) {
  return installRuntime(runtimeById(id), CACHE_DIR, log);
}

/** The binary of runtime `id` of the matrix when it is already in the cache, else undefined. */
export function installedRuntime(id) {
  const runtime = runtimeById(id);
  const packageName = runtime.package();
  const binary = packageName && binaryPath(runtime, CACHE_DIR, packageName);
  return binary && existsSync(binary) ? binary : undefined;
}

/** The binary of `runtime` under `cacheDir`, installed there first when missing. */
export function installRuntime(runtime, cacheDir, log = () => {}) {
  const { id } = runtime;
  const packageName = runtime.package();
  if (!packageName) throw new Error(`${id} ${runtime.version} publishes no build for linux-${process.arch} here.`);
  const home = join(cacheDir, `${id}-${runtime.version}`);
  const binary = binaryPath(runtime, cacheDir, packageName);
  if (existsSync(binary)) return binary;

  log(`installing ${packageName}@${runtime.version} into ${home}`);
  const staging = `${home}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // The binary is inside the tarball: no install script needs to run.
  const npm = spawnSync(
    'npm',
    ['install', '--prefix', staging, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund',
      // npm refuses a package for another libc than the machine's, unless forced.
      '--loglevel=error', ...(runtime.libc ? ['--force'] : []), `${packageName}@${runtime.version}`],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stagedBinary = join(staging, 'node_modules', packageName, runtime.binary);
  if (npm.status !== 0 || !existsSync(stagedBinary)) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(
      `Could not install ${id} (${packageName}@${runtime.version}) from the npm registry ` +
        `(npm exit ${npm.status}):\n${npm.stderr || npm.error?.message || 'the package has no binary'}`,
    );
  }
  try {
    runtime.prepare?.(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`Could not prepare ${id} to run here: ${error.message}`, { cause: error });
  }
  rmSync(home, { recursive: true, force: true });
  renameSync(staging, home);
  return binary;
}

const binaryPath = (runtime, cacheDir, packageName) =>
  join(cacheDir, `${runtime.id}-${runtime.version}`, 'node_modules', packageName, runtime.binary);
