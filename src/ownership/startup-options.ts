// The options this process started with: NODE_OPTIONS, then the command line
// (process.execArgv), the later winning as in Node. V8 and Node act on them
// once, at start-up, so what the application changes afterwards (its env)
// changes nothing; they are read on first use, not on import, since reading
// the environment needs a permission under Deno.

/** An option's value: its text, true when given bare, false for --no-NAME. */
export type OptionValue = string | boolean;

// Options that take a value, also as the next word (`--logfile x.log`).
const TAKES_VALUE = new Set([
  'logfile',
  'perf-basic-prof-path',
  'perf-prof-path',
  'trace-event-categories',
  'trace-event-file-pattern',
]);

let options: ReadonlyMap<string, OptionValue> | undefined;

/** The value of option `name` (dashes, no leading --: V8 reads `--log_code` as `--log-code`), or undefined. */
export function startupOption(name: string): OptionValue | undefined {
  return (options ??= parseOptions([...splitNodeOptions(process.env.NODE_OPTIONS ?? ''), ...process.execArgv])).get(name);
}

/** Whether any option whose name `test` accepts was given and is not turned off. */
export function anyStartupOption(test: (name: string) => boolean): boolean {
  startupOption('');
  for (const [name, value] of options!) if (value !== false && test(name)) return true;
  return false;
}

export function parseOptions(words: readonly string[]): Map<string, OptionValue> {
  const parsed = new Map<string, OptionValue>();
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (!word.startsWith('--') || word === '--') continue;
    const equals = word.indexOf('=');
    let name = (equals === -1 ? word.slice(2) : word.slice(2, equals)).replaceAll('_', '-');
    let value: OptionValue = equals === -1 ? true : word.slice(equals + 1);
    if (value === true && name.startsWith('no-')) [name, value] = [name.slice(3), false];
    else if (value === true && TAKES_VALUE.has(name) && index + 1 < words.length) value = words[++index]!;
    parsed.set(name, value);
  }
  return parsed;
}

/** NODE_OPTIONS as Node splits it: on white space, except inside double quotes (where \ escapes the next character). */
export function splitNodeOptions(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted && character === '\\' && index + 1 < text.length) word = (word ?? '') + text[++index];
    else if (character === '"') [quoted, word] = [!quoted, word ?? ''];
    else if (!quoted && /\s/.test(character)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + character;
  }
  if (word !== undefined) words.push(word);
  return words;
}
