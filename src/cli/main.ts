#!/usr/bin/env node
// Imported first, on purpose: the descriptor table must be read before
// anything creates a stream or a handle (see startup-fds.ts).
import './startup-fds.js';
import { audit } from './commands/audit.js';
import { exec } from './commands/exec.js';
import { list } from './commands/list.js';
import { probe } from './commands/probe.js';
import { parseInvocation, type Invocation } from './arguments.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from './exit-status.js';
import { helpText } from './help.js';
import { packageVersion } from './version.js';

function run(invocation: Invocation): number {
  switch (invocation.command) {
    case 'help':
      process.stdout.write(helpText(invocation.topic));
      return EXIT_OK;
    case 'version':
      process.stdout.write(`${packageVersion()}\n`);
      return EXIT_OK;
    case 'exec':
      return exec(invocation);
    case 'list':
      return list(invocation);
    case 'audit':
      return audit(invocation);
    case 'probe':
      return probe(invocation);
  }
}

function main(argv: readonly string[]): number {
  let invocation: Invocation | undefined;
  try {
    invocation = parseInvocation(argv);
    return run(invocation);
  } catch (error) {
    const command = error instanceof UsageError ? error.command : invocation?.command;
    const prefix = command === undefined || command === 'help' || command === 'version' ? 'close-range' : `close-range ${command}`;
    const hint = error instanceof UsageError ? ` (see 'close-range ${command ? `${command} ` : ''}--help')` : '';
    process.stderr.write(`${prefix}: ${(error as Error).message}${hint}\n`);
    return EXIT_FAILED;
  }
}

process.exitCode = main(process.argv.slice(2));
