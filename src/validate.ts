import { FD_MAX } from './constants.js';
import { invalidArgType, invalidArgValue, outOfRange } from './errors.js';

const FD_RANGE = `an integer >= 0 && <= ${FD_MAX}`;

/** A descriptor number as close_range(2) takes it: an unsigned 32-bit integer. */
export function validateFd(value: unknown, name: string): number {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
  if (!isFdNumber(value)) throw outOfRange(name, FD_RANGE, value);
  return value;
}

export const isFdNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= FD_MAX;

export function validateOptionalFd(value: unknown, name: string, fallback: number): number {
  return value === undefined ? fallback : validateFd(value, name);
}

export function validateBoolean(value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw invalidArgType(name, 'of type boolean', value);
  return value;
}

export function validateObject(value: unknown, name: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidArgType(name, 'of type object', value);
  }
  return value as Record<string, unknown>;
}

/**
 * Plain: made by an object literal or Object.create(null), so its prototype
 * is null or an Object.prototype. Any realm's counts (jest and vm run code
 * in their own): that prototype is the one whose own prototype is null.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
}

/**
 * An options object (undefined: none given): a plain object whose keys are
 * all in `known`, so that a misspelt option fails instead of doing nothing.
 */
export function validateOptions(
  value: unknown,
  name: string,
  known: readonly string[],
  expected = 'a plain object',
): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw invalidArgType(name, expected, value);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw invalidArgValue(`${name}.${key}`, value[key], `is not an option (known: ${known.join(', ')})`);
  }
  return value;
}

/** Validates every entry before returning, so that nothing runs on a half-checked list. */
export function validateFdList(value: unknown, name: string): number[] {
  if (value === undefined) return [];
  if (value === null || typeof value !== 'object' || typeof (value as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw invalidArgType(name, 'an iterable of descriptor numbers', value);
  }
  const fds: number[] = [];
  let index = 0;
  for (const entry of value as Iterable<unknown>) fds.push(validateFd(entry, `${name}[${index++}]`));
  return fds;
}
