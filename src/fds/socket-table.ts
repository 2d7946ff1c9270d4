// Sockets of another process: getsockname cannot reach them, so family and
// addresses come from the tables of its network namespace in /proc/<pid>/net,
// read once per describeFds call and only when one of its fds is a socket.
// /proc/net/unix has no peers: a unix socket's peer is '' here.
import { readFileSync } from 'node:fs';
import { ipv4, ipv6, tcpStateName, unixStateName } from './socket-address.js';
import type { SocketInfo } from './types.js';

const INET_TABLES: [file: string, family: 'inet' | 'inet6', kind: string][] = [
  ['tcp', 'inet', 'stream'],
  ['tcp6', 'inet6', 'stream'],
  ['udp', 'inet', 'dgram'],
  ['udp6', 'inet6', 'dgram'],
];
const TCP_LISTEN = 10;
const UNIX_ACCEPTING = 0x10000; // __SO_ACCEPTCON in the Flags column
const UNIX_KINDS: Record<number, string> = { 1: 'stream', 2: 'dgram', 5: 'seqpacket' };
// Num RefCount Protocol Flags Type St Inode [Path]; the path may hold spaces.
const UNIX_LINE = /^\S+: \S+ \S+ (\S+) (\S+) (\S+) +(\d+)(?: (.*))?$/;

/** Socket inode -> what the tables say about it. */
export function socketTable(pid: number): Map<number, SocketInfo> {
  const sockets = new Map<number, SocketInfo>();
  for (const [file, family, kind] of INET_TABLES) {
    for (const line of tableLines(pid, file)) {
      const [, local, remote, state, , , , , , inode] = line.trim().split(/\s+/);
      const peer = inetAddress(remote!, family);
      sockets.set(Number(inode), {
        family,
        kind,
        local: inetAddress(local!, family),
        peer: /^(0\.0\.0\.0|\[::\]):0$/.test(peer) ? '' : peer,
        listening: kind === 'stream' && parseInt(state!, 16) === TCP_LISTEN,
        state: kind === 'stream' ? tcpStateName(parseInt(state!, 16)) : '',
      });
    }
  }
  for (const line of tableLines(pid, 'unix')) {
    const match = UNIX_LINE.exec(line);
    if (!match) continue;
    const [, flags, type, socketState, inode, path = ''] = match;
    const listening = (parseInt(flags!, 16) & UNIX_ACCEPTING) !== 0;
    sockets.set(Number(inode), {
      family: 'unix',
      kind: UNIX_KINDS[parseInt(type!, 16)] ?? `type ${parseInt(type!, 16)}`,
      // Abstract names show NULs as '@'; libuv pads them with NULs to the full length.
      local: path.startsWith('@') ? `@${path.slice(1).replace(/@+$/, '')}` : path,
      peer: '',
      listening,
      state: unixStateName(listening, parseInt(socketState!, 16)),
    });
  }
  return sockets;
}

function tableLines(pid: number, file: string): string[] {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/net/${file}`, 'latin1');
  } catch {
    return []; // no IPv6 in this kernel, or the process is gone
  }
  return text.split('\n').slice(1).filter((line) => line.length > 0);
}

// Each 32-bit word is printed in host order: little-endian on every
// architecture koffi runs on.
/** `0100007F:1F90` -> `127.0.0.1:8080`. */
function inetAddress(text: string, family: 'inet' | 'inet6'): string {
  const [hex, port] = text.split(':') as [string, string];
  const bytes = new Uint8Array(hex.length / 2);
  for (let word = 0; word < hex.length / 8; word++) {
    const value = parseInt(hex.slice(word * 8, word * 8 + 8), 16);
    for (let byte = 0; byte < 4; byte++) bytes[word * 4 + byte] = (value >>> (8 * byte)) & 0xff;
  }
  const host = family === 'inet' ? ipv4(bytes, 0) : `[${ipv6(bytes)}]`;
  return `${host}:${parseInt(port, 16)}`;
}
