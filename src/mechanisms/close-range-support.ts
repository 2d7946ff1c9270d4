// What close_range(2) has answered in this process. Only a refusal is
// remembered, and only the three that mean "not here": ENOSYS (Linux < 5.9),
// EPERM (a seccomp filter), and EINVAL for CLOSE_RANGE_CLOEXEC (Linux 5.9 and
// 5.10). The library validates arguments before the kernel sees them, so any
// other answer is a real error and is reported. Success is never cached: the
// names say "may".
import { CLOSE_RANGE_CLOEXEC } from '../constants.js';
import { EINVAL, ENOSYS, EPERM } from '../native/libc.js';

let callRefusal: number | undefined;
let cloexecRefusal: number | undefined;

export function mayHaveCloseRange(flags: number): boolean {
  return callRefusal === undefined && ((flags & CLOSE_RANGE_CLOEXEC) === 0 || cloexecRefusal === undefined);
}

/** Remembers `result` if it means close_range cannot do `flags` here; false for any other error. */
export function rememberRefusal(result: number, flags: number): boolean {
  const withCloexec = (flags & CLOSE_RANGE_CLOEXEC) !== 0;
  if (result === ENOSYS || result === EPERM) {
    // A filter may refuse only the CLOEXEC form: then plain calls still get their chance.
    if (withCloexec) cloexecRefusal = result;
    else callRefusal = result;
    return true;
  }
  if (result === EINVAL && withCloexec) {
    cloexecRefusal = result;
    return true;
  }
  return false;
}
