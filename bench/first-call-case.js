// One cold measurement in a fresh process (argv[2] names it): prints the
// nanoseconds it took. The bench starts a new process for every sample.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const since = (start) => Number(process.hrtime.bigint() - start);
const measurements = {
  // What any koffi user pays: the module and its native addon.
  koffi: async () => {
    const start = process.hrtime.bigint();
    require('koffi');
    return since(start);
  },
  // koffi plus declaring the library's libc functions.
  binding: async () => {
    const { libc } = await import('../dist/native/libc.js');
    const start = process.hrtime.bigint();
    libc();
    return since(start);
  },
  import: async () => {
    const start = process.hrtime.bigint();
    await import('close-range');
    return since(start);
  },
  // The first call after the import: koffi, the binding, the first look at /proc.
  closeFrom: async () => {
    const { closeFrom } = await import('close-range');
    const start = process.hrtime.bigint();
    closeFrom(3);
    return since(start);
  },
};

process.stdout.write(`${await measurements[process.argv[2]]()}\n`);
