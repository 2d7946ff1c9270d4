// The C and Python references, when a C compiler or python3 is on the machine.
// The C program is compiled at bench time into a temporary directory.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const C_SOURCE = fileURLToPath(new URL('c/close-bench.c', import.meta.url));
const PYTHON_SCRIPT = fileURLToPath(new URL('python/close_bench.py', import.meta.url));

export const C_METHODS = [
  { id: 'c-close-range', label: 'C close_range(lo, hi, 0)' },
  { id: 'c-proc-walk', label: 'C /proc/self/fd walk + close (the patch)' },
];
export const PYTHON_METHODS = [{ id: 'python-closerange', label: 'Python os.closerange(lo, hi + 1)' }];

/** Close runners for the references found here, and a note for each one that is missing. */
export function findReferences(workDir) {
  const runners = [];
  const missing = [];
  const versions = {};
  const compiler = ['cc', 'gcc', 'clang'].find((name) => versionOf(name));
  if (compiler) {
    const binary = join(workDir, 'close-bench');
    const build = spawnSync(compiler, ['-O2', '-o', binary, C_SOURCE], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`${compiler} could not build ${C_SOURCE}:\n${build.stderr}`);
    versions.cc = versionOf(compiler);
    runners.push({ name: 'C', methods: C_METHODS, env: {}, command: (args) => [binary, args] });
  } else {
    missing.push('C references skipped: no C compiler (cc, gcc or clang) on PATH.');
  }
  versions.python = versionOf('python3');
  if (versions.python) {
    runners.push({ name: 'Python', methods: PYTHON_METHODS, env: {}, command: (args) => ['python3', [PYTHON_SCRIPT, ...args]] });
  } else {
    missing.push('Python reference skipped: no python3 on PATH.');
  }
  return { runners, missing, versions };
}

function versionOf(command) {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return `${result.stdout}${result.stderr}`.split('\n')[0].trim();
}
