// Bundles tsc's output (build/tsc) into dist/. Rollup rather than esbuild:
// the library and child_process must share one copy of the library's state
// (one koffi binding, one guard cache) in CommonJS as in ESM, which needs code
// splitting in both formats; esbuild splits ES modules only.
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { dts } from 'rollup-plugin-dts';
import { LIBRARY_ENTRIES, PROGRAM_ENTRIES, publicEntries } from './scripts/build/entries.js';

const compiled = (name, extension = 'js') => `build/tsc/${name}.${extension}`;
const inputOf = (entries, extension) =>
  Object.fromEntries(entries.map(({ name }) => [name, compiled(name, extension)]));
const outside = (id) => id.startsWith('node:') || id === 'koffi';
// node:fs comes through fsByRequire (below) in code; declarations name it as it is.
const external = (id) => id !== 'node:fs' && outside(id);

// Code that more than one entry reaches goes into a shared chunk, so that
// importing two entries loads one copy of the library, never two; code only
// one entry reaches stays in that entry's file. What only the spawning entries
// (child_process, register) share gets a chunk of its own: the library's
// import then does not load node:child_process and its streams (~5 ms). What
// the register entry loads at start-up goes into a chunk small enough for
// every process's start-up (the rest of registering loads at the first child
// start).
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
  if (entries.size < 2) return undefined;
  if (entries.has(resolve(compiled('register/index')))) return 'startup';
  return entries.has(resolve(compiled('index'))) ? 'library' : 'spawning';
}

// node:fs through require(): building the ES module namespace of node:fs
// reads every export, ReadStream's lazy getter too, which loads node:stream
// and its dozen internal modules (~3 ms of every import).
const FS_BY_REQUIRE = '\0node:fs by require';
const fsByRequire = {
  name: 'fs-by-require',
  resolveId: (id) => (id === 'node:fs' ? FS_BY_REQUIRE : null),
  load: (id) =>
    id === FS_BY_REQUIRE
      ? {
          code: "import { createRequire } from 'node:module';\nexport default createRequire(import.meta.url)('node:fs');",
          syntheticNamedExports: true,
        }
      : null,
};

// In the CommonJS build, createRequire(import.meta.url) is the module's own
// require: building a file URL and a second require per call site cost ~0.5 ms
// of start-up on Node 24 and ~2 ms on Node 20. Other uses of import.meta.url
// get the URL of the file.
const META_URL = '__closeRangeImportMetaUrl';
const ownRequireInCommonJs = {
  name: 'own-require-in-commonjs',
  resolveImportMeta: (property, { format }) => (format === 'cjs' && property === 'url' ? META_URL : null),
  renderChunk: (code, chunk, { format }) =>
    format === 'cjs'
      ? code
          .replace(new RegExp(`\\b\\w+\\.createRequire\\(${META_URL}\\)`, 'g'), 'require')
          .replaceAll(META_URL, "require('node:url').pathToFileURL(__filename).href")
      : null,
};

const library = {
  input: inputOf(LIBRARY_ENTRIES),
  external,
  plugins: [fsByRequire, ownRequireInCommonJs],
  preserveEntrySignatures: 'strict',
  // Node's built-in modules are loaded for what they export, never for an
  // effect: an entry that uses none of a module's exports must not load it.
  treeshake: { moduleSideEffects: (id, external) => !external },
  output: ['js', 'cjs'].map((extension) => ({
    dir: 'dist',
    format: extension === 'js' ? 'es' : 'cjs',
    entryFileNames: `[name].${extension}`,
    chunkFileNames: `chunks/[name].${extension}`,
    manualChunks: sharedChunk,
    generatedCode: 'es2015',
  })),
};

const programs = PROGRAM_ENTRIES.map(({ name, format, executable }) => ({
  input: compiled(name),
  external,
  output: { file: `dist/${name}.${format === 'cjs' ? 'cjs' : 'js'}`, format, generatedCode: 'es2015' },
  plugins: [fsByRequire, ownRequireInCommonJs, ...(executable ? [{ name: 'executable', writeBundle: ({ file }) => chmodSync(file, 0o755) }] : [])],
}));

// One self-contained declaration file per public entry: it imports only
// node: modules, so the same text is right for the ES module (.d.ts) and the
// CommonJS twin (.d.cts).
const types = publicEntries().map(({ name }) => ({
  input: compiled(name, 'd.ts'),
  external: outside,
  output: ['d.ts', 'd.cts'].map((extension) => ({ file: `dist/${name}.${extension}`, format: 'es' })),
  plugins: [dts()],
}));

export default [library, ...programs, ...types];
