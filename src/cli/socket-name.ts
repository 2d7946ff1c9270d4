// A socket as lsof's NODE and NAME columns show it: `TCP 127.0.0.1:80 (LISTEN)`,
// `TCP 127.0.0.1:41000->127.0.0.1:80 (ESTABLISHED)`, `UDP [::1]:53`,
// `/run/app.sock type=STREAM (LISTEN)`, `@name type=DGRAM (UNCONNECTED)`.
import type { SocketInfo } from '../index.js';

const INET_PROTOCOLS: Record<string, string> = { stream: 'TCP', dgram: 'UDP', raw: 'RAW' };

/** undefined for families lsof has no addresses for here (netlink, packet...): the target says more. */
export function socketName({ family, kind, local, peer, state }: SocketInfo): string | undefined {
  const suffix = state ? ` (${state})` : '';
  if (family === 'inet' || family === 'inet6') {
    const address = peer ? `${local || '*:*'}->${peer}` : local || '*:*';
    return `${INET_PROTOCOLS[kind] ?? kind.toUpperCase()} ${address}${suffix}`;
  }
  if (family === 'unix') return `${local}${peer ? `->${peer}` : ''}${local || peer ? ' ' : ''}type=${kind.toUpperCase()}${suffix}`;
  return undefined;
}
