import { SERVICE_ENTRIES, type ServiceProto } from './services-data.js';

export type { ServiceProto } from './services-data.js';

// Keyed by "proto/name"; the first entry wins, as getservbyname returns the first match.
const byName = new Map<string, number>();
const byPort = new Map<string, string>();

for (const [name, port, proto, aliases] of SERVICE_ENTRIES) {
  for (const n of [name, ...aliases]) {
    if (!byName.has(`${proto}/${n}`)) byName.set(`${proto}/${n}`, port);
  }
  if (!byPort.has(`${proto}/${port}`)) byPort.set(`${proto}/${port}`, name);
}

/**
 * Port for a service name (names are case-sensitive, as in the services database).
 * Without `proto`, TCP is tried before UDP: nft resolves with no protocol and takes
 * the first entry, and netbase lists the tcp line first wherever both exist.
 */
export function serviceToPort(name: string, proto?: ServiceProto): number | undefined {
  if (proto) return byName.get(`${proto}/${name}`);
  return byName.get(`tcp/${name}`) ?? byName.get(`udp/${name}`);
}

export function portToService(port: number, proto?: ServiceProto): string | undefined {
  if (proto) return byPort.get(`${proto}/${port}`);
  return byPort.get(`tcp/${port}`) ?? byPort.get(`udp/${port}`);
}
