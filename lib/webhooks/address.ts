// Server-side request forgery guard: a webhook may not reach the server's own network. A URL's
// host is resolved and every address checked, at save and again at each delivery (a name may
// point elsewhere later); the delivery then connects to the address that was checked, so a
// second lookup cannot swap it (DNS rebinding). WEBHOOKS_ALLOW_LOOPBACK=1 lets 127.0.0.0/8
// and ::1 through (local development and tests), nothing else private.
import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, bits, "ipv4");
}
for (const [net, bits] of [
  ["::", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(net, bits, "ipv6");
}
const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

export type AddressVerdict = { ok: true; address: string; family: 4 | 6 } | { ok: false; reason: string; unresolved?: boolean };

/** An IPv4 address mapped into IPv6 (::ffff:10.0.0.1) is judged as the IPv4 one. */
function unmapped(address: string): string {
  const m = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  return m ? m[1] : address;
}

export function isLoopback(address: string): boolean {
  const a = unmapped(address);
  return loopback.check(a, isIP(a) === 6 ? "ipv6" : "ipv4");
}

/** Whether a webhook may be sent to this address. */
export function isAllowedAddress(address: string, allowLoopback: boolean): boolean {
  const a = unmapped(address);
  const family = isIP(a);
  if (!family) return false;
  if (isLoopback(a)) return allowLoopback;
  return !blocked.check(a, family === 6 ? "ipv6" : "ipv4");
}

/**
 * Resolves a URL's host and judges every address it has (one bad one is enough to refuse:
 * the client may pick any). Answers the first address to connect to.
 */
export async function checkUrlAddress(url: URL, allowLoopback: boolean): Promise<AddressVerdict> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (err) {
      return { ok: false, unresolved: true, reason: `Nom d'hôte introuvable : ${host} (${(err as NodeJS.ErrnoException).code ?? "DNS"})` };
    }
  }
  if (addresses.length === 0) return { ok: false, unresolved: true, reason: `Nom d'hôte introuvable : ${host}` };
  for (const a of addresses) {
    if (!isAllowedAddress(a.address, allowLoopback)) {
      return { ok: false, reason: `Adresse refusée : ${host} mène à ${a.address} (réseau local, privé ou de bouclage)` };
    }
  }
  // http:// only to loopback, and only when allowed.
  if (url.protocol === "http:" && !(allowLoopback && addresses.every((a) => isLoopback(a.address)))) {
    return { ok: false, reason: "Adresse HTTPS attendue" };
  }
  return { ok: true, address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 };
}
