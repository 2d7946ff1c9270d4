// The command line, parsed by node:util's parseArgs into one plain object per
// command. Values are checked here, once; the commands receive numbers.
import { util } from '../node-util.js';
import type { ParseArgsConfig } from 'node:util';
import { FD_MAX } from '../constants.js';
import { PID_MAX } from '../fds/options.js';
import { UsageError } from './exit-status.js';

const { parseArgs } = util;

export const COMMANDS = ['exec', 'list', 'audit', 'probe'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface ExecInvocation {
  command: 'exec';
  keep: number[];
  from: number;
  unshare: boolean;
  file: string;
  args: string[];
}
export interface FdQueryInvocation {
  command: 'list' | 'audit';
  pid: number | undefined;
  json: boolean;
  sockets: boolean;
}
export type Invocation =
  | { command: 'help'; topic?: CommandName }
  | { command: 'version' }
  | ExecInvocation
  | FdQueryInvocation
  | { command: 'probe'; json: boolean };

const help = { type: 'boolean', short: 'h' } as const;
const json = { type: 'boolean' } as const;

export function parseInvocation(argv: readonly string[]): Invocation {
  const [first, ...rest] = argv;
  switch (first) {
    case 'exec':
      return parseExec(rest);
    case 'list':
    case 'audit':
      return parseFdQuery(first, rest);
    case 'probe': {
      const { values } = parse(first, rest, { json, help });
      return values.help ? { command: 'help', topic: first } : { command: first, json: values.json === true };
    }
    case undefined:
      throw new UsageError(`missing command: one of ${COMMANDS.join(', ')}`);
  }
  if (!first.startsWith('-')) throw new UsageError(`unknown command '${first}': use one of ${COMMANDS.join(', ')}`);
  const { values } = parse(undefined, argv, { help, version: { type: 'boolean', short: 'V' } });
  if (values.version) return { command: 'version' };
  if (values.help) return { command: 'help' };
  throw new UsageError(`missing command: one of ${COMMANDS.join(', ')}`);
}

function parseExec(args: string[]): Invocation {
  const { values, positionals, tokens } = parse('exec', args, {
    keep: { type: 'string', multiple: true },
    from: { type: 'string' },
    unshare: { type: 'boolean' },
    help,
  }, true);
  if (values.help) return { command: 'help', topic: 'exec' };
  // COMMAND and its own options come after --: with a positional before it,
  // `exec ls -- -l` would be ambiguous.
  const terminator = tokens.findIndex((token) => token.kind === 'option-terminator');
  if (terminator === -1 || tokens.slice(0, terminator).some((token) => token.kind === 'positional')) {
    throw new UsageError('put -- before COMMAND, as in: close-range exec --keep 3 -- COMMAND [ARG...]', 'exec');
  }
  const [file, ...commandArgs] = positionals;
  if (file === undefined || file === '') throw new UsageError('missing COMMAND after --', 'exec');
  return {
    command: 'exec',
    keep: (values.keep ?? []).flatMap((list) => list.split(',').map((fd) => parseInteger(fd, 'exec', '--keep', 0, FD_MAX))),
    from: values.from === undefined ? 3 : parseInteger(values.from, 'exec', '--from', 0, FD_MAX),
    unshare: values.unshare === true,
    file,
    args: commandArgs,
  };
}

function parseFdQuery(command: 'list' | 'audit', args: string[]): Invocation {
  const { values } = parse(command, args, { pid: { type: 'string' }, sockets: { type: 'boolean' }, json, help });
  if (values.help) return { command: 'help', topic: command };
  return {
    command,
    pid: values.pid === undefined ? undefined : parseInteger(values.pid, command, '--pid', 1, PID_MAX),
    json: values.json === true,
    sockets: values.sockets === true,
  };
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  command: CommandName | undefined,
  args: readonly string[],
  options: T,
  allowPositionals = false,
) {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals, strict: true, tokens: true });
  } catch (error) {
    // Some of parseArgs' messages span lines; the reason on stderr is one line.
    throw new UsageError((error as Error).message.replace(/\s*\n\s*/g, ' '), command);
  }
  refuseRepeats(parsed.tokens, options, command);
  return parsed;
}

// parseArgs takes `--keep -1` for a missing value followed by an option
// ("argument is ambiguous"): joined as `--keep=-1`, the number is refused in
// the same words as any other. Only up to --, past which COMMAND's own are.
function joinNegativeValues(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') return [...joined, ...args.slice(index)];
    const next = args[index + 1];
    const takesValue = arg.startsWith('--') && options[arg.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

// parseArgs keeps the last of `--from 10 --from 20`: which one was meant is a guess.
function refuseRepeats(
  tokens: ReturnType<typeof parseArgs>['tokens'],
  options: NonNullable<ParseArgsConfig['options']>,
  command: CommandName | undefined,
): void {
  const seen = new Set<string>();
  for (const token of tokens ?? []) {
    if (token.kind !== 'option' || options[token.name]?.type !== 'string' || options[token.name]?.multiple) continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once: give it once`, command);
    seen.add(token.name);
  }
}

function parseInteger(text: string, command: CommandName, option: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new UsageError(`${option} takes an integer from ${min} to ${max}, not '${text}'`, command);
  }
  return value;
}
