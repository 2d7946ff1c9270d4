// Every public name of the package is in the API reference: each function
// under a heading of its own (or the child_process functions' shared one),
// each constant and exported type in inline code, as the built package
// exports them (the modules for values, their .d.ts for types).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const reference = readFileSync(join(root, 'docs/api.md'), 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
const ENTRIES = ['index', 'child_process/index'];

const words = (text) => new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? []);
const inlineCode = (text) => [...text.matchAll(/`([^`\n]+)`/g)].map(([, code]) => code);
const headingCode = inlineCode(reference.match(/^#{2,4} .+$/gm).join('\n'));

const inHeading = words(headingCode.join(' '));
const inCode = words(inlineCode(reference).join(' '));

/** The names `export type { ... }` lists in a bundled declaration file. */
function exportedTypes(entry) {
  const declarations = readFileSync(join(root, 'dist', `${entry}.d.ts`), 'utf8');
  return [...declarations.matchAll(/^export type \{([^}]*)\}/gm)].flatMap(([, names]) => names.split(',').map((name) => name.trim()));
}

test('the check reads names from headings and inline code, not from code blocks', () => {
  assert.ok(inHeading.has('closeRange') && inHeading.has('fork'), [...inHeading].join(' '));
  assert.ok(!inCode.has('parseConfig'), 'a name only an example uses was taken as documented');
});

for (const entry of ENTRIES) {
  const module = `close-range${entry === 'index' ? '' : `/${entry.replace('/index', '')}`}`;

  test(`every function ${module} exports has a heading in docs/api.md, every constant is named there`, async () => {
    const exports = await import(join(root, 'dist', `${entry}.js`));
    const names = Object.keys(exports);
    assert.ok(names.length >= 7, names.join(' '));
    const missing = names.filter((name) => !(typeof exports[name] === 'function' ? inHeading : inCode).has(name));
    assert.deepEqual(missing, []);
  });

  test(`every type ${module} exports is named in docs/api.md`, () => {
    const types = exportedTypes(entry);
    assert.ok(types.length >= 10, types.join(' '));
    assert.deepEqual(types.filter((name) => !inCode.has(name)), []);
  });
}
