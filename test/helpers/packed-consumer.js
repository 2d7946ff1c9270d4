// The packed tarball installed into a fresh folder, the way a user gets it:
// `npm pack`, then `npm install` of the .tgz (koffi comes from the registry
// or npm's cache). Built once per test file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });

/** Packs the checkout (dist must be built) and installs the tarball into a new consumer folder. */
export function installPacked() {
  const root = mkdtempSync(join(tmpdir(), 'close-range-consumer-'));
  npm(['pack', '--ignore-scripts', '--silent', '--pack-destination', root], repoRoot);
  const tarball = join(root, readdirSync(root).find((name) => name.endsWith('.tgz')));
  const consumer = join(root, 'consumer');
  npm(['init', '-y', '--silent'], root);
  execFileSync('mkdir', [consumer]);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  const typesNode = `@types/node@${readDevVersion('@types/node')}`;
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, typesNode], consumer);
  return { tarball, consumer, remove: () => rmSync(root, { recursive: true, force: true }) };
}

function readDevVersion(name) {
  return JSON.parse(execFileSync('cat', [join(repoRoot, 'package.json')], { encoding: 'utf8' })).devDependencies[name];
}
