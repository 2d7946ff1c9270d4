// Bad input for closeRange, closeFrom and cloexecFrom: each call throws a
// Node-shaped error naming the argument, and the fd table is left as it was.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badInputCases, describeCall } from './fixtures/close-range-bad-input-cases.js';
import { runFixture } from './helpers/run-fixture.js';

const { result: results } = runFixture('close-range-bad-input.js');

badInputCases.forEach((badCase, index) => {
  const expected = badCase[2];
  const quote = expected.quote ?? '"';
  const what = expected.name ? `${expected.code} naming ${quote}${expected.name}${quote}` : expected.code;
  test(`${describeCall(badCase)} throws ${expected.className} ${what} and touches no fd`, () => {
    const { thrown, before, after } = results[index];
    assert.ok(thrown, 'nothing was thrown');
    assert.equal(thrown.className, expected.className);
    assert.equal(thrown.code, expected.code);
    if (expected.name) assert.match(thrown.message, new RegExp(`${quote}${expected.name.replace(/[[\]]/g, '\\$&')}${quote}`));
    if (expected.errno) assert.deepEqual([thrown.errno, thrown.syscall], [expected.errno, expected.syscall]);
    if (expected.mentions) assert.ok(thrown.message.includes(expected.mentions), thrown.message);
    assert.equal(after, before);
  });
});
