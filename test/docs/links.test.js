import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { anchors, brokenLinks, relativeLinks } from '../helpers/markdown.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pages = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md'));
const files = [join(root, 'README.md'), ...pages.map((name) => join(root, 'docs', name))];

test('the link check reports a missing file and a missing heading, and accepts links that resolve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'close-range-links-'));
  try {
    writeFileSync(join(dir, 'b.md'), '# B\n\n## `closeFrom(first?)`\n\n## Twice\n\n## Twice\n');
    writeFileSync(join(dir, 'a.md'), [
      '# A', '', '[ok](b.md#closefromfirst) [ok](b.md#twice-1) [ok](#a) [ok](https://example.com/x.md)',
      '[missing file](c.md) [missing heading](b.md#nope) ![missing image](img.svg)',
      '`[in code](d.md)`', '```', '[in a block](e.md)', '```', '',
    ].join('\n'));
    assert.deepEqual(brokenLinks(join(dir, 'a.md')), [
      `${join(dir, 'a.md')}: c.md (no such file)`,
      `${join(dir, 'a.md')}: b.md#nope (no such heading)`,
      `${join(dir, 'a.md')}: img.svg (no such file)`,
    ]);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('every relative link and anchor in README.md and docs/*.md resolves', () => {
  assert.ok(files.length >= 9, `found only ${files.join(', ')}`);
  assert.deepEqual(files.flatMap(brokenLinks), []);
});

test('every relative link in README.md and docs/*.md leads to a file the package ships', () => {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  assert.equal(pack.status, 0, pack.stderr);
  const shipped = new Set(JSON.parse(pack.stdout)[0].files.map(({ path }) => path));
  assert.ok(shipped.has('README.md') && shipped.has('docs/api.md'), [...shipped].join(' '));
  const outside = files.flatMap((file) => relativeLinks(readFileSync(file, 'utf8'))
    .map((target) => target.split('#')[0])
    .filter((path) => path !== '' && !shipped.has(relative(root, resolve(dirname(file), decodeURIComponent(path)))))
    .map((path) => `${relative(root, file)}: ${path}`));
  assert.deepEqual(outside, []);
});

test('every page under docs/ is linked from the README', () => {
  const linked = new Set(relativeLinks(readFileSync(join(root, 'README.md'), 'utf8')).map((target) => target.split('#')[0]));
  assert.deepEqual(pages.filter((name) => !linked.has(`docs/${name}`)), []);
});

test('headings get GitHub anchors: code and punctuation dropped, spaces hyphenated', () => {
  const text = "# Node 22.15+: `process.execve` and ours\n## What counts as the runtime's\n```\n# not a heading\n```\n";
  assert.deepEqual([...anchors(text)], ['node-2215-processexecve-and-ours', 'what-counts-as-the-runtimes']);
});
