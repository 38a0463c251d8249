// ACLs: ids, permissions, the well-known lists, validation (PrepRequestProcessor.fixupACL) and the
// permission check (ZooKeeperServer.checkACL). Schemes modelled: world, auth, digest, ip (exact
// address match only), super.

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

/** Auth id a session gains from addAuth(scheme, auth); null when the scheme rejects it (AuthFailed). */
export function authIdFor(scheme: string, auth: string): AclId | null {
  // DigestAuthenticationProvider.handleAuthentication: the digest of the whole "user:pw" string.
  if (scheme === 'digest') return { scheme: 'digest', id: digestId(auth) };
  return null;
}

// Schemes whose ids prove who the client is; "auth" ACLs expand to these only
// (ServerAuthenticationProvider.isAuthenticated: digest yes, ip no).
function isAuthenticatedScheme(scheme: string): boolean {
  return scheme === 'digest' || scheme === 'super';
}

// ServerAuthenticationProvider.isValid per registered scheme; "world" is only valid as world:anyone.
function isValidIdForScheme(scheme: string, id: string): boolean {
  if (scheme === 'digest') return id.split(':').length === 2;
  if (scheme === 'ip') return /^[0-9.:a-fA-F]+(\/[0-9]+)?$/.test(id);
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
 * other schemes match by equal scheme and id.
 */
export function hasPermission(acl: readonly Acl[], perm: number, authIds: readonly AclId[]): boolean {
  if (acl.length === 0) return true;
  if (authIds.some((authId) => authId.scheme === 'super')) return true;
  for (const entry of acl) {
    if ((entry.perms & perm) === 0) continue;
    if (entry.scheme === 'world' && entry.id === 'anyone') return true;
    if (authIds.some((authId) => authId.scheme === entry.scheme && authId.id === entry.id)) return true;
  }
  return false;
}

/** Deep copy of an ACL list (state must not share arrays between nodes). */
export function copyAcl(acl: readonly Acl[]): Acl[] {
  return acl.map((entry) => ({ perms: entry.perms, scheme: entry.scheme, id: entry.id }));
}
