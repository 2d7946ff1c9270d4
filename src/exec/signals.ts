// Signal state the new program would otherwise inherit from the runtime:
// ignored dispositions survive execve (caught ones are reset by the kernel),
// and so does the calling thread's mask. Node ignores SIGPIPE and SIGXFSZ.
import { SIGACTION_SIZE, SIGPIPE, SIGSET_SIZE, SIGXFSZ, SIG_SETMASK, libc } from '../native/libc.js';

const RUNTIME_IGNORED = [SIGPIPE, SIGXFSZ];

/** Sets SIG_DFL on SIGPIPE and SIGXFSZ and empties the mask; returns what puts them back. */
export function defaultSignalsForExec(): () => void {
  const { sigaction, sigprocmask } = libc();
  // A zeroed struct sigaction is SIG_DFL with an empty mask and no flags.
  const defaultAction = new Uint8Array(SIGACTION_SIZE);
  const savedActions = RUNTIME_IGNORED.map((signal) => {
    const saved = new Uint8Array(SIGACTION_SIZE);
    sigaction(signal, defaultAction, saved);
    return saved;
  });
  const savedMask = new Uint8Array(SIGSET_SIZE);
  sigprocmask(SIG_SETMASK, new Uint8Array(SIGSET_SIZE), savedMask);
  return () => {
    sigprocmask(SIG_SETMASK, savedMask, null);
    RUNTIME_IGNORED.forEach((signal, index) => sigaction(signal, savedActions[index], null));
  };
}
