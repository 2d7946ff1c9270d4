// npm run bench [-- --docs]
// Closes fds every way we know, prints a table with ratios to C, and writes
// the numbers (JSON), a log-log plot (SVG) and a Markdown page to
// bench/results/, or to docs/ with --docs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloexecFrom } from '../dist/index.js';
import { closeChart } from './chart.js';
import { coldStartGroups, runColdStartGroup } from './cold-start-suite.js';
import { nodeRunners, runCloseCases } from './close-suite.js';
import { extraGroups, runExtraGroup } from './extra-suite.js';
import { describeMachine } from './machine.js';
import { registerSpawnGroup, registerStartGroups } from './register-suite.js';
import { markdownReport } from './markdown.js';
import { closeCases } from './plan.js';
import { findReferences } from './references.js';
import { textReport } from './table.js';
import { evaluateTargets } from './targets.js';

const flags = new Set(process.argv.slice(2));
const outputDir = fileURLToPath(new URL(flags.has('--docs') ? '../docs/' : 'results/', import.meta.url));
const log = (line) => process.stderr.write(`${line}\n`);

// An fd this process inherited without close-on-exec would reach every process
// the cold-start groups time, and a registered one would mark it on its first
// turn (loading koffi): not what registering costs an app that inherited none.
cloexecFrom(3);

const workDir = mkdtempSync(join(tmpdir(), 'close-range-bench-'));
try {
  const started = Date.now();
  const file = join(workDir, 'opened-at-every-fd');
  writeFileSync(file, 'close-range benchmark\n');
  const references = findReferences(workDir);
  const machine = describeMachine(references.versions);

  log('closing fds (Node, C and Python processes alternate in batches):');
  const close = runCloseCases(closeCases, [...nodeRunners, ...references.runners], file, log);
  log('with 1000 fds open (one Node process each, methods interleaved):');
  const skipped = [...references.missing];
  const extra = extraGroups.map((group) => runExtraGroup(group, file, skipped, log));
  log('starting cold (one fresh process a sample, interleaved):');
  extra.push(...coldStartGroups.map((group) => runColdStartGroup(group, log)));
  log('close-range/register:');
  extra.push(...registerStartGroups().map((group) => runColdStartGroup(group, log)), runExtraGroup(registerSpawnGroup, file, skipped, log));
  const report = { machine, close, extra, targets: evaluateTargets(close, extra), skipped };
  report.machine.seconds = Math.round((Date.now() - started) / 100) / 10;

  process.stdout.write(textReport(report));
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(join(outputDir, 'benchmarks.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(outputDir, 'benchmarks.svg'), closeChart(report));
  writeFileSync(join(outputDir, 'benchmarks.md'), markdownReport(report));
  log(`\nwrote benchmarks.json, benchmarks.svg and benchmarks.md to ${outputDir} (${report.machine.seconds} s in all)`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
