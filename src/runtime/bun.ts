// Bun: its event loop is an epoll fd and an eventfd (3 and 4 at start-up),
// each worker adds another pair, and servers, sockets and Bun.spawn pipes are
// close-on-exec sockets and pipes: the shared rule recognizes all of them.
// What it lacks is a signal for when they change: process.getActiveResourcesInfo()
// always returns [] and Web Workers publish nothing on diagnostics_channel.
// Bun also marks every inherited fd >= 3 close-on-exec at start-up.
import type { RuntimeProfile } from './detect.js';

export const bunProfile: RuntimeProfile = {
  name: 'bun',
  fingerprintable: false,
  ownsEveryCloexecFd: false,
  permissionError: () => undefined,
};
