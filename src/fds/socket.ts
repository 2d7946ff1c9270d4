// Family and addresses of a socket of this process: four cheap syscalls,
// asked only for sockets and only when the caller wants them.
import { libc } from '../native/libc.js';
import { familyOf, formatAddress, tcpStateName, unixStateName } from './socket-address.js';
import type { SocketInfo } from './types.js';

const SOL_SOCKET = 1;
const SO_TYPE = 3;
const SO_ACCEPTCONN = 30;
const IPPROTO_TCP = 6;
const TCP_INFO = 11;
const SOCK_STREAM = 1;
const SS_UNCONNECTED = 1;
const SS_CONNECTED = 3;
const SOCKET_KINDS: Record<number, string> = { 1: 'stream', 2: 'dgram', 3: 'raw', 4: 'rdm', 5: 'seqpacket', 10: 'packet' };

// Larger than any sockaddr (sockaddr_storage is 128 bytes).
let addressBuffer: Uint8Array | undefined;

/** undefined when `fd` is no longer a socket of this process. */
export function describeSocket(fd: number): SocketInfo | undefined {
  const { getsockoptInt, getsockname, getpeername } = libc();
  const address = (addressBuffer ??= new Uint8Array(128));
  const localLength = getsockname(fd, address);
  if (localLength < 0) return undefined;
  const family = familyOf(address, localLength);
  const local = formatAddress(address, localLength);
  const peerLength = getpeername(fd, address); // ENOTCONN when not connected
  const kind = getsockoptInt(fd, SOL_SOCKET, SO_TYPE);
  const listening = getsockoptInt(fd, SOL_SOCKET, SO_ACCEPTCONN) === 1;
  let state = '';
  if (family === 'unix') state = unixStateName(listening, peerLength >= 0 ? SS_CONNECTED : SS_UNCONNECTED);
  if ((family === 'inet' || family === 'inet6') && kind === SOCK_STREAM) {
    // struct tcp_info starts with the u8 tcpi_state: the low byte of the
    // first 4 bytes (little-endian, as everywhere koffi runs).
    const info = getsockoptInt(fd, IPPROTO_TCP, TCP_INFO);
    if (info >= 0) state = tcpStateName(info & 0xff);
  }
  return {
    family,
    kind: SOCKET_KINDS[kind] ?? `type ${kind}`,
    local,
    peer: peerLength >= 0 ? formatAddress(address, peerLength) : '',
    listening,
    state,
  };
}
