// ACLs: ids, permissions, the well-known lists, validation (PrepRequestProcessor.fixupACL) and the
// permission check (ZooKeeperServer.checkACL). Schemes modelled: the two a 3.8 server registers
// (ProviderRegistry: digest, ip) plus world:anyone and the "auth" placeholder; "super" ids bypass
// checks. Sources: auth/DigestAuthenticationProvider.java, auth/IPAuthenticationProvider.java.

import { sha1, base64Encode } from './sha1';
import { utf8Encode } from './utf8';

/** An identity: scheme + id, e.g. {scheme: "digest", id: "bob:base64sha1"}. */
export interface AclId {
  scheme: string;
  id: string;
}

/** One ACL entry: a permission bit set granted to an id. */
export interface Acl {
  perms: number;
  scheme: string;
  id: string;
}

// ZooDefs.Perms
export const PERM_READ = 1;
export const PERM_WRITE = 2;
export const PERM_CREATE = 4;
export const PERM_DELETE = 8;
export const PERM_ADMIN = 16;
export const PERM_ALL = 31;

// ZooDefs.Ids
export const OPEN_ACL_UNSAFE: readonly Acl[] = [{ perms: PERM_ALL, scheme: 'world', id: 'anyone' }];
export const CREATOR_ALL_ACL: readonly Acl[] = [{ perms: PERM_ALL, scheme: 'auth', id: '' }];
export const READ_ACL_UNSAFE: readonly Acl[] = [{ perms: PERM_READ, scheme: 'world', id: 'anyone' }];

const PERM_LETTERS: readonly [string, number][] = [['c', PERM_CREATE], ['d', PERM_DELETE], ['r', PERM_READ], ['w', PERM_WRITE], ['a', PERM_ADMIN]];

/** Permission bits from letters "cdrwa" (any order) or a number; null for an unknown letter. */
export function parsePerms(perms: string | number): number | null {
  if (typeof perms === 'number') return perms;
  let bits = 0;
  for (const letter of perms.toLowerCase()) {
    const entry = PERM_LETTERS.find(([name]) => name === letter);
    if (entry === undefined) return null;
    bits |= entry[1];
  }
  return bits;
}

/** Letters for permission bits, in zkCli's order "cdrwa". */
export function permsString(perms: number): string {
  return PERM_LETTERS.filter(([, bit]) => (perms & bit) !== 0).map(([letter]) => letter).join('');
}

/** The digest id for "user:password": "user:" + base64(sha1("user:password")) (DigestAuthenticationProvider.generateDigest). */
export function digestId(userColonPassword: string): string {
  const user = userColonPassword.split(':')[0] ?? '';
  return user + ':' + base64Encode(sha1(utf8Encode(userColonPassword)));
}

/** The address a simulated client connects from (every client is on the loopback, like the oracle's). */
export const DEFAULT_CLIENT_ADDRESS = '127.0.0.1';

/** Ids a connection has before any addAuth: NIOServerCnxn's constructor adds ip:<remote address>. */
export function connectionAuthIds(clientAddress: string = DEFAULT_CLIENT_ADDRESS): AclId[] {
  return [{ scheme: 'ip', id: clientAddress }];
}

/**
 * Auth id a connection gains from addAuth(scheme, auth), or null when the server answers
 * AUTHFAILED (ZooKeeperServer.processPacket, auth case): no provider is registered for the scheme
 * (only digest and ip are). digest: the digest of the whole "user:pw" string; ip: the remote
 * address again, whatever the auth bytes (IPAuthenticationProvider.handleAuthentication).
 */
export function authIdFor(scheme: string, auth: string, clientAddress: string = DEFAULT_CLIENT_ADDRESS): AclId | null {
  if (scheme === 'digest') return { scheme: 'digest', id: digestId(auth) };
  if (scheme === 'ip') return { scheme: 'ip', id: clientAddress };
  return null;
}

/** ServerCnxn.addAuthInfo: the connection's ids are a set (an id added twice is held once). */
export function withAuthId(authIds: readonly AclId[], id: AclId): AclId[] {
  if (authIds.some((known) => known.scheme === id.scheme && known.id === id.id)) return authIds.slice();
  return [...authIds, id];
}

// ServerAuthenticationProvider.isAuthenticated: true for digest, false for ip; "super" has no
// provider (fixupACL logs "Missing AuthenticationProvider" and skips it).
function isAuthenticatedScheme(scheme: string): boolean {
  return scheme === 'digest';
}

// Java's String.split(regex) without a limit drops trailing empty strings; the count it returns.
function javaSplitCount(text: string, separator: string): number {
  const parts = text.split(separator);
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length === 1 && parts[0] === '' && text.length > 0) return 0;
  return parts.length;
}

// IPAuthenticationProvider.v4addr2Bytes: exactly four Integer.parseInt parts in 0..255 (IPv6 is
// not supported in 3.8: "TODO Write the v6addr2Bytes").
function ipv4Bytes(address: string): number[] | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^[+-]?[0-9]+$/.test(part)) return null;
    const value = Number(part);
    if (value < 0 || value > 255) return null;
    bytes.push(value);
  }
  return bytes;
}

// "addr" or "addr/bits" (split("/", 2)) -> the masked address bytes, or null when malformed.
function ipv4Pattern(expression: string): { bytes: number[]; bits: number } | null {
  const slash = expression.indexOf('/');
  const bytes = ipv4Bytes(slash === -1 ? expression : expression.slice(0, slash));
  if (bytes === null) return null;
  if (slash === -1) return { bytes, bits: 32 };
  const bitsText = expression.slice(slash + 1);
  if (!/^[+-]?[0-9]+$/.test(bitsText)) return null;
  const bits = Number(bitsText);
  if (bits < 0 || bits > 32) return null;
  return { bytes, bits };
}

// IPAuthenticationProvider.mask: keep the first `bits` bits.
function maskBytes(bytes: readonly number[], bits: number): number[] {
  return bytes.map((byte, index) => {
    const keep = Math.min(8, Math.max(0, bits - 8 * index));
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
}

/** IPAuthenticationProvider.matches: the client address lies in the ACL's "addr[/bits]". */
export function ipMatches(clientAddress: string, aclExpression: string): boolean {
  const pattern = ipv4Pattern(aclExpression);
  const client = ipv4Bytes(clientAddress);
  if (pattern === null || client === null) return false;
  const want = maskBytes(pattern.bytes, pattern.bits);
  const have = maskBytes(client, pattern.bits);
  return want.every((byte, index) => byte === have[index]);
}

// ServerAuthenticationProvider.isValid per registered scheme (DigestAuthenticationProvider:
// id.split(":").length == 2; IPAuthenticationProvider: "a.b.c.d[/bits]"). No provider: invalid.
function isValidIdForScheme(scheme: string, id: string): boolean {
  if (scheme === 'digest') return javaSplitCount(id, ':') === 2;
  if (scheme === 'ip') return ipv4Pattern(id) !== null;
  return false;
}

// ServerAuthenticationProvider.matches for an ACL entry's scheme: digest by equality, ip by
// address/mask; a scheme without a provider never matches.
function idMatches(scheme: string, authId: string, aclId: string): boolean {
  if (scheme === 'digest') return authId === aclId;
  if (scheme === 'ip') return ipMatches(authId, aclId);
  return false;
}

/**
 * The ACL a create/setACL will store, or "INVALIDACL" (PrepRequestProcessor.fixupACL): drops
 * duplicates, keeps world:anyone, expands "auth" to the requester's authenticated ids, and
 * requires a known scheme with a well-formed id for everything else.
 */
export function fixupAcl(acl: readonly Acl[], authIds: readonly AclId[]): Acl[] | 'INVALIDACL' {
  const unique = removeDuplicateAcls(acl);
  if (unique.length === 0) return 'INVALIDACL';
  const out: Acl[] = [];
  for (const entry of unique) {
    if (entry.scheme === 'world' && entry.id === 'anyone') out.push({ ...entry });
    else if (entry.scheme === 'auth') {
      const creators = authIds.filter((authId) => isAuthenticatedScheme(authId.scheme));
      if (creators.length === 0) return 'INVALIDACL';
      for (const creator of creators) out.push({ perms: entry.perms, scheme: creator.scheme, id: creator.id });
    } else if (isValidIdForScheme(entry.scheme, entry.id)) out.push({ ...entry });
    else return 'INVALIDACL';
  }
  return out;
}

function removeDuplicateAcls(acl: readonly Acl[]): Acl[] {
  const out: Acl[] = [];
  for (const entry of acl) {
    if (!out.some((seen) => seen.perms === entry.perms && seen.scheme === entry.scheme && seen.id === entry.id)) out.push(entry);
  }
  return out;
}

/**
 * True when some ACL entry grants any bit of `perm` to one of `authIds` (ZooKeeperServer.checkACL):
 * an empty ACL allows everything, a "super" id bypasses the check, world:anyone matches everyone,
 * other entries match an auth id of the same scheme by that scheme's provider (digest: equal
 * ids; ip: address within the entry's "addr/bits").
 */
export function hasPermission(acl: readonly Acl[], perm: number, authIds: readonly AclId[]): boolean {
  if (acl.length === 0) return true;
  if (authIds.some((authId) => authId.scheme === 'super')) return true;
  for (const entry of acl) {
    if ((entry.perms & perm) === 0) continue;
    if (entry.scheme === 'world' && entry.id === 'anyone') return true;
    if (authIds.some((authId) => authId.scheme === entry.scheme && idMatches(entry.scheme, authId.id, entry.id))) return true;
  }
  return false;
}

/** Deep copy of an ACL list (state must not share arrays between nodes). */
export function copyAcl(acl: readonly Acl[]): Acl[] {
  return acl.map((entry) => ({ perms: entry.perms, scheme: entry.scheme, id: entry.id }));
}
