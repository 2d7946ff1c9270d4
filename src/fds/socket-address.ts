// struct sockaddr as getsockname(2) fills it, in the notation of ss(8) and lsof.
import type { SocketInfo } from './types.js';

const FAMILIES: Record<number, SocketInfo['family']> = { 1: 'unix', 2: 'inet', 10: 'inet6', 16: 'netlink', 17: 'packet', 40: 'vsock' };

export const familyOf = (address: Uint8Array, length: number): SocketInfo['family'] =>
  length >= 2 ? FAMILIES[address[0]! | (address[1]! << 8)] ?? 'other' : 'other';

/** `127.0.0.1:80`, `[::1]:443`, `/run/x.sock`, `@abstract`; '' when unbound or not an address family shown here. */
export function formatAddress(address: Uint8Array, length: number): string {
  const family = familyOf(address, length);
  const port = (address[2]! << 8) | address[3]!;
  if (family === 'inet' && length >= 8) return `${ipv4(address, 4)}:${port}`;
  if (family === 'inet6' && length >= 24) return `[${ipv6(address.subarray(8, 24))}]:${port}`;
  if (family === 'unix' && length > 2) {
    // A leading NUL marks the abstract namespace. libuv binds with the whole
    // sockaddr_un, so its names end in NUL padding: shown without it.
    if (address[2] === 0) return `@${Buffer.from(address.subarray(3, length)).toString('utf8').replace(/\0+$/, '')}`;
    const end = address.indexOf(0, 2);
    return Buffer.from(address.subarray(2, end === -1 || end > length ? length : end)).toString('utf8');
  }
  return '';
}

export const ipv4 = (bytes: Uint8Array, offset: number): string => Array.from(bytes.subarray(offset, offset + 4)).join('.');

export function ipv6(bytes: Uint8Array): string {
  if (bytes.subarray(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return `::ffff:${ipv4(bytes, 12)}`;
  }
  const groups = Array.from({ length: 8 }, (_, index) => ((bytes[2 * index]! << 8) | bytes[2 * index + 1]!).toString(16));
  // RFC 5952: the longest run of two or more zero groups becomes "::".
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let end = start;
    while (end < 8 && groups[end] === '0') end++;
    if (end - start > bestLength) [bestStart, bestLength] = [start, end - start];
  }
  if (bestStart === -1) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
}

// Linux's TCP states (include/net/tcp_states.h, from 1) in lsof's words.
const TCP_STATES = ['', 'ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'FIN_WAIT1', 'FIN_WAIT2', 'TIME_WAIT', 'CLOSE',
  'CLOSE_WAIT', 'LAST_ACK', 'LISTEN', 'CLOSING', 'NEW_SYN_RECV', 'BOUND_INACTIVE'];

export const tcpStateName = (state: number): string => TCP_STATES[state] ?? `state ${state}`;

/** A unix socket's state as lsof shows it, from the socket_state the kernel keeps (SS_CONNECTED...). */
export function unixStateName(listening: boolean, socketState: number): string {
  if (listening) return 'LISTEN';
  return ['', 'UNCONNECTED', 'CONNECTING', 'CONNECTED', 'DISCONNECTING'][socketState] ?? `state ${socketState}`;
}
