// node:child_process costs a few milliseconds to load (its streams, net,
// dgram), more than registering may add to start-up. Where Node runs module
// hooks in the thread (module.registerHooks, Node 22.15+), the hooks go in
// when something first asks for the module, by require, import or
// process.getBuiltinModule, and a program that starts no child never loads it.
// Elsewhere they go in now: Node 20 and Bun have no registerHooks, and on
// Deno registering keeps the one way it is tested in.
import nodeModule from 'node:module';

type ChildProcessModule = typeof import('node:child_process');
interface ModuleHooks {
  resolve(specifier: string, context: unknown, nextResolve: (specifier: string, context: unknown) => unknown): unknown;
}
type RegisterHooks = (hooks: ModuleHooks) => { deregister(): void };

const NAMES = new Set(['child_process', 'node:child_process']);
const { versions } = process;

/** Runs `install` with the module once, before any code can call one of its functions. */
export function whenChildProcessLoads(install: (childProcess: ChildProcessModule) => void): void {
  const load = (): void => {
    install(nodeModule.createRequire(import.meta.url)('node:child_process') as ChildProcessModule);
    // The named exports of the ESM node:child_process follow the module object only when told.
    (nodeModule as { syncBuiltinESMExports?: () => void }).syncBuiltinESMExports?.();
  };
  const registerHooks = (nodeModule as { registerHooks?: RegisterHooks }).registerHooks;
  const deferrable = registerHooks !== undefined && versions.bun === undefined && versions.deno === undefined;
  if (!deferrable || (process as { moduleLoadList?: string[] }).moduleLoadList?.includes('NativeModule child_process')) return load();

  const builtinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  let loaded = false;
  const loadOnce = (): void => {
    if (loaded) return;
    loaded = true;
    hooks.deregister();
    if (builtinModule !== undefined) (process as { getBuiltinModule?: unknown }).getBuiltinModule = builtinModule;
    load();
  };
  const hooks = registerHooks({
    resolve(specifier, context, nextResolve) {
      if (NAMES.has(specifier)) loadOnce();
      return nextResolve(specifier, context);
    },
  });
  if (builtinModule !== undefined) {
    (process as { getBuiltinModule?: unknown }).getBuiltinModule = function getBuiltinModule(this: unknown, id: string): unknown {
      if (NAMES.has(id)) loadOnce();
      return builtinModule.call(this, id);
    };
  }
}
