// Bun: its event loop is an epoll fd and an eventfd (3 and 4 at start-up),
// each worker adds another pair, and servers, sockets and Bun.spawn pipes are
// close-on-exec sockets and pipes: the shared rule recognizes all of them.
// What it lacks is a signal for when they change: process.getActiveResourcesInfo()
// always returns [] and Web Workers publish nothing on diagnostics_channel.
// process.stdout and process.stderr write through close-on-exec copies of
// fds 1 and 2 (made when first used, 5 and up): a regular file when output
// goes to one, which only its sameness with 0-2 tells from a user's file.
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
