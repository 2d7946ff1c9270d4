// Runs a musl-linked runtime on a glibc machine. Its loader and libc come from
// the distribution's musl package (apt-get installs it when missing; without
// it the install fails). Its libstdc++.so.6 cannot: no glibc distribution
// ships one built for musl, so the machine's own libstdc++ and libgcc_s are
// loaded, with musl-compat.c supplying the seven glibc-only symbols they
// import. Everything the library touches (libc, koffi's musl binary) is musl.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const COMPAT_SOURCE = fileURLToPath(new URL('./musl-compat.c', import.meta.url));
const TARGETS = {
  x64: { loader: '/lib/ld-musl-x86_64.so.1', glibcLoader: 'ld-linux-x86-64.so.2' },
  arm64: { loader: '/lib/ld-musl-aarch64.so.1', glibcLoader: 'ld-linux-aarch64.so.1' },
};
const LIBRARY_DIR = 'musl-lib';

/** The LD_LIBRARY_PATH for `binary`, installed under home/node_modules/@scope/package/bin/. */
export const muslLibraryPath = (binary) => resolve(binary, '../../../../..', LIBRARY_DIR);

/** Makes home/musl-lib: the compat library and links to this machine's libstdc++ and libgcc_s. Throws when it cannot. */
export function prepareMuslLibraries(home) {
  const target = TARGETS[process.arch];
  if (!target) throw new Error(`musl runtimes are prepared for x64 and arm64 only, not ${process.arch}`);
  if (!existsSync(target.loader) || !onPath('musl-gcc')) installMusl();
  const directory = join(home, LIBRARY_DIR);
  mkdirSync(directory, { recursive: true });
  run('musl-gcc', ['-O2', '-Wall', '-Werror', '-shared', '-fPIC', `-Wl,-soname,${target.glibcLoader}`,
    '-o', join(directory, target.glibcLoader), COMPAT_SOURCE]);
  for (const library of ['libstdc++.so.6', 'libgcc_s.so.1']) {
    const path = run('gcc', [`-print-file-name=${library}`]).trim();
    if (!path.startsWith('/')) throw new Error(`gcc does not know where ${library} is: install g++ (libstdc++6)`);
    symlinkSync(path, join(directory, library));
  }
}

function installMusl() {
  const apt = (args) => spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  let install = apt(['install', '-y', '-q', 'musl', 'musl-tools']);
  if (install.status !== 0 && !install.error) {
    apt(['update', '-q']); // a fresh machine may have no package lists yet
    install = apt(['install', '-y', '-q', 'musl', 'musl-tools']);
  }
  if (install.status !== 0) {
    throw new Error(`a musl runtime needs the musl loader and musl-gcc: apt-get install musl musl-tools failed (${install.error?.message ?? install.stderr.trim()}); install them and run again`);
  }
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args) {
  const child = spawnSync(command, args, { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${child.error?.message ?? child.stderr}`);
  return child.stdout;
}
