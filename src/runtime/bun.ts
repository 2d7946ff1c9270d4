// Bun: which fds it holds is src/ownership/bun.ts's to tell (its loops, what
// is registered in them, its copies of fds 1 and 2). What it lacks is a
// signal for when they change: process.getActiveResourcesInfo() always
// returns [] and Web Workers publish nothing on diagnostics_channel, so the
// guard looks again on every call.
// Bun also marks every inherited fd from 4 up close-on-exec at start-up, and
// its spawn closes every fd >= 3 in the child that stdio does not name.
import type { RuntimeProfile } from './detect.js';

export const bunProfile: RuntimeProfile = {
  name: 'bun',
  displayName: 'Bun',
  fingerprintable: false,
  ownsEveryCloexecFd: false,
  ownFdsMustStayOpen: undefined,
  childKeepsOnlyStdio: true,
  permissionError: () => undefined,
  assertMayRead: () => {},
};
