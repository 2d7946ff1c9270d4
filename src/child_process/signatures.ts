// The seven functions keep node's own overloads (first in each intersection,
// so calls without closeFds/passFds type exactly as with node:child_process);
// the overloads after them accept the two options, keeping the result types
// that depend on `encoding`.
import type * as cp from 'node:child_process';
import type { FdOptions } from './options.js';

type Args = readonly string[] | undefined | null;
type Output<E> = (error: E | null, stdout: string, stderr: string) => void;
type BufferOutput<E> = (error: E | null, stdout: Buffer, stderr: Buffer) => void;
type AnyOutput<E> = (error: E | null, stdout: string | Buffer, stderr: string | Buffer) => void;
type Promised<T> = cp.PromiseWithChild<{ stdout: T; stderr: T }>;

export interface SpawnOptions extends cp.SpawnOptions, FdOptions {}
export interface SpawnSyncOptions extends cp.SpawnSyncOptions, FdOptions {}
export interface ExecOptions extends cp.ExecOptions, FdOptions {}
export interface ExecFileOptions extends cp.ExecFileOptions, FdOptions {}
export interface ExecSyncOptions extends cp.ExecSyncOptions, FdOptions {}
export interface ExecFileSyncOptions extends cp.ExecFileSyncOptions, FdOptions {}
export interface ForkOptions extends cp.ForkOptions, FdOptions {}

type StringEncoded<O> = O & { encoding: BufferEncoding };
type BufferEncoded<O> = O & { encoding?: 'buffer' | null };
type DefaultEncoded<O> = O & { encoding?: BufferEncoding };

export type SpawnWithFds = typeof cp.spawn & {
  (command: string, options: SpawnOptions): cp.ChildProcess;
  (command: string, args: readonly string[], options: SpawnOptions): cp.ChildProcess;
};

export type SpawnSyncWithFds = typeof cp.spawnSync & {
  (command: string, options: StringEncoded<SpawnSyncOptions>): cp.SpawnSyncReturns<string>;
  (command: string, options: BufferEncoded<SpawnSyncOptions>): cp.SpawnSyncReturns<Buffer>;
  (command: string, options: SpawnSyncOptions): cp.SpawnSyncReturns<string | Buffer>;
  (command: string, args: Args, options: StringEncoded<SpawnSyncOptions>): cp.SpawnSyncReturns<string>;
  (command: string, args: Args, options: BufferEncoded<SpawnSyncOptions>): cp.SpawnSyncReturns<Buffer>;
  (command: string, args: Args, options: SpawnSyncOptions): cp.SpawnSyncReturns<string | Buffer>;
};

export type ExecWithFds = typeof cp.exec & {
  (command: string, options: BufferEncoded<ExecOptions> & { encoding: 'buffer' | null }, callback?: BufferOutput<cp.ExecException>): cp.ChildProcess;
  (command: string, options: DefaultEncoded<ExecOptions>, callback?: Output<cp.ExecException>): cp.ChildProcess;
  (command: string, options: ExecOptions, callback?: AnyOutput<cp.ExecException>): cp.ChildProcess;
  __promisify__(command: string, options: BufferEncoded<ExecOptions> & { encoding: 'buffer' | null }): Promised<Buffer>;
  __promisify__(command: string, options: DefaultEncoded<ExecOptions>): Promised<string>;
  __promisify__(command: string, options: ExecOptions): Promised<string | Buffer>;
};

export type ExecFileWithFds = typeof cp.execFile & {
  (file: string, options: BufferEncoded<ExecFileOptions> & { encoding: 'buffer' | null }, callback?: BufferOutput<cp.ExecFileException>): cp.ChildProcess;
  (file: string, args: Args, options: BufferEncoded<ExecFileOptions> & { encoding: 'buffer' | null }, callback?: BufferOutput<cp.ExecFileException>): cp.ChildProcess;
  (file: string, options: DefaultEncoded<ExecFileOptions>, callback?: Output<cp.ExecFileException>): cp.ChildProcess;
  (file: string, args: Args, options: DefaultEncoded<ExecFileOptions>, callback?: Output<cp.ExecFileException>): cp.ChildProcess;
  (file: string, options: ExecFileOptions, callback?: AnyOutput<cp.ExecFileException>): cp.ChildProcess;
  (file: string, args: Args, options: ExecFileOptions, callback?: AnyOutput<cp.ExecFileException>): cp.ChildProcess;
  __promisify__(file: string, options: BufferEncoded<ExecFileOptions> & { encoding: 'buffer' | null }): Promised<Buffer>;
  __promisify__(file: string, args: Args, options: BufferEncoded<ExecFileOptions> & { encoding: 'buffer' | null }): Promised<Buffer>;
  __promisify__(file: string, options: DefaultEncoded<ExecFileOptions>): Promised<string>;
  __promisify__(file: string, args: Args, options: DefaultEncoded<ExecFileOptions>): Promised<string>;
  __promisify__(file: string, args: Args, options: ExecFileOptions): Promised<string | Buffer>;
};

export type ExecSyncWithFds = typeof cp.execSync & {
  (command: string, options: StringEncoded<ExecSyncOptions>): string;
  (command: string, options: BufferEncoded<ExecSyncOptions>): Buffer;
  (command: string, options: ExecSyncOptions): string | Buffer;
};

export type ExecFileSyncWithFds = typeof cp.execFileSync & {
  (file: string, options: StringEncoded<ExecFileSyncOptions>): string;
  (file: string, options: BufferEncoded<ExecFileSyncOptions>): Buffer;
  (file: string, options: ExecFileSyncOptions): string | Buffer;
  (file: string, args: Args, options: StringEncoded<ExecFileSyncOptions>): string;
  (file: string, args: Args, options: BufferEncoded<ExecFileSyncOptions>): Buffer;
  (file: string, args: Args, options: ExecFileSyncOptions): string | Buffer;
};

export type ForkWithFds = typeof cp.fork & {
  (modulePath: string | URL, options: ForkOptions): cp.ChildProcess;
  (modulePath: string | URL, args: readonly string[] | undefined, options: ForkOptions): cp.ChildProcess;
};
