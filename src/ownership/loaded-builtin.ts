// Whether the application loaded a built-in module, asked without loading
// it: Node appends `NativeModule <id>` to process.moduleLoadList as each one
// loads, so only the entries added since the last question are read (a
// length compare when none were, ~15 ns).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const loaded = new Set<string>();
const modules = new Map<string, unknown>();
let entriesRead = 0;

/** Built-in `id` (`inspector`) once something else has loaded it; undefined until then. */
export function loadedBuiltin<Module>(id: string): Module | undefined {
  const list = (process as { moduleLoadList?: readonly string[] }).moduleLoadList ?? [];
  for (; entriesRead < list.length; entriesRead++) {
    const entry = list[entriesRead]!;
    if (entry.startsWith('NativeModule ')) loaded.add(entry.slice('NativeModule '.length));
  }
  if (!loaded.has(id)) return undefined;
  // Loaded already: require() returns the cached module and runs nothing.
  if (!modules.has(id)) modules.set(id, require(`node:${id}`));
  return modules.get(id) as Module;
}
