// close-range/child_process: node:child_process whose children inherit only
// fds 0-2, the stdio extras and `passFds` (closeFds: true, the default).
import * as nodeChildProcess from 'node:child_process';
import type {
  ExecFileSyncWithFds, ExecFileWithFds, ExecSyncWithFds, ExecWithFds, ForkWithFds, SpawnSyncWithFds, SpawnWithFds,
} from './signatures.js';
import { withFdHandoff } from './wrap.js';

export type { FdOptions } from './options.js';
export type * from './signatures.js';

export const spawn = withFdHandoff(nodeChildProcess.spawn, 'spawn') as SpawnWithFds;
export const spawnSync = withFdHandoff(nodeChildProcess.spawnSync, 'spawn') as SpawnSyncWithFds;
export const execFile = withFdHandoff(nodeChildProcess.execFile, 'exec') as ExecFileWithFds;
export const execFileSync = withFdHandoff(nodeChildProcess.execFileSync, 'spawn') as ExecFileSyncWithFds;
export const exec = withFdHandoff(nodeChildProcess.exec, 'exec') as ExecWithFds;
export const execSync = withFdHandoff(nodeChildProcess.execSync, 'spawn') as ExecSyncWithFds;
export const fork = withFdHandoff(nodeChildProcess.fork, 'fork') as ForkWithFds;
