// What a runtime cannot do, said as an error before anything starts.

/** `what` is not available on `runtimeName`: why, and what to do instead. */
export function runtimeUnsupported(what: string, runtimeName: string, why: string, instead: string): Error & { code: string } {
  return Object.assign(new Error(`${what} is not supported on ${runtimeName}: ${why}; ${instead}.`), {
    code: 'ERR_RUNTIME_UNSUPPORTED',
  });
}
