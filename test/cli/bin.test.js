import assert from 'node:assert/strict';
import { accessSync, constants, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cliPath } from './run-cli.js';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

test('the package\'s close-range bin is the built CLI, a node script with its executable bit set', () => {
  assert.equal(fileURLToPath(new URL(`../../${manifest.bin['close-range']}`, import.meta.url)), cliPath);
  assert.equal(readFileSync(cliPath, 'utf8').split('\n')[0], '#!/usr/bin/env node');
  accessSync(cliPath, constants.X_OK);
});
