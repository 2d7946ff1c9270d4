// Bundles tsc's output (build/tsc) into dist/. Rollup rather than esbuild:
// the library and child_process must share one copy of the library's state
// (one koffi binding, one guard cache) in CommonJS as in ESM, which needs code
// splitting in both formats; esbuild splits ES modules only.
import { chmodSync } from 'node:fs';
import { dts } from 'rollup-plugin-dts';
import { LIBRARY_ENTRIES, PROGRAM_ENTRIES, publicEntries } from './scripts/build/entries.js';

const compiled = (name, extension = 'js') => `build/tsc/${name}.${extension}`;
const inputOf = (entries, extension) =>
  Object.fromEntries(entries.map(({ name }) => [name, compiled(name, extension)]));
const external = (id) => id.startsWith('node:') || id === 'koffi';

// Code that more than one entry reaches goes into one shared chunk, so that
// importing two entries loads two small files and one library, never two
// libraries; code only one entry reaches stays in that entry's file.
function sharedChunk(id, { getModuleInfo }) {
  const entries = new Set();
  const seen = new Set();
  const walk = (moduleId) => {
    if (seen.has(moduleId)) return;
    seen.add(moduleId);
    const info = getModuleInfo(moduleId);
    if (info.isEntry) entries.add(moduleId);
    for (const importer of info.importers) walk(importer);
  };
  walk(id);
  return entries.size > 1 ? 'library' : undefined;
}

const library = {
  input: inputOf(LIBRARY_ENTRIES),
  external,
  preserveEntrySignatures: 'strict',
  output: ['js', 'cjs'].map((extension) => ({
    dir: 'dist',
    format: extension === 'js' ? 'es' : 'cjs',
    entryFileNames: `[name].${extension}`,
    chunkFileNames: `chunks/[name].${extension}`,
    manualChunks: sharedChunk,
    generatedCode: 'es2015',
  })),
};

const programs = PROGRAM_ENTRIES.map(({ name, executable }) => ({
  input: compiled(name),
  external,
  output: { file: `dist/${name}.js`, format: 'es', generatedCode: 'es2015' },
  plugins: executable ? [{ name: 'executable', writeBundle: ({ file }) => chmodSync(file, 0o755) }] : [],
}));

// One self-contained declaration file per public entry: it imports only
// node: modules, so the same text is right for the ES module (.d.ts) and the
// CommonJS twin (.d.cts).
const types = publicEntries().map(({ name }) => ({
  input: compiled(name, 'd.ts'),
  external,
  output: ['d.ts', 'd.cts'].map((extension) => ({ file: `dist/${name}.${extension}`, format: 'es' })),
  plugins: [dts()],
}));

export default [library, ...programs, ...types];
