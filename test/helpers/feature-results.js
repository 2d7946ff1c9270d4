// Records what each runtime feature a fixture tries gave, or why it failed:
// one failing feature must not hide how the others did.

/** { results, run }: run(name, fn) stores fn()'s value (bounded by `withTimeout`) or 'failed: why' under name. */
export function featureResults(withTimeout) {
  const results = {};
  const run = async (name, fn) => {
    try {
      results[name] = await withTimeout(fn(), name);
    } catch (error) {
      results[name] = `failed: ${error.message}`;
    }
  };
  return { results, run };
}
