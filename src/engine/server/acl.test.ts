import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CREATOR_ALL_ACL, OPEN_ACL_UNSAFE, PERM_ADMIN, PERM_ALL, PERM_CREATE, PERM_READ, PERM_WRITE, READ_ACL_UNSAFE,
  authIdFor, digestId, fixupAcl, hasPermission, parsePerms, permsString,
} from './acl';

const bob = { scheme: 'digest', id: digestId('bob:pw') };

describe('permissions (ZooDefs.Perms)', () => {
  it('parses and prints cdrwa', () => {
    expect(parsePerms('cdrwa')).toBe(PERM_ALL);
    expect(parsePerms('r')).toBe(PERM_READ);
    expect(parsePerms('rw')).toBe(PERM_READ | PERM_WRITE);
    expect(parsePerms('x')).toBeNull();
    expect(permsString(PERM_ALL)).toBe('cdrwa');
    expect(permsString(PERM_READ | PERM_ADMIN)).toBe('ra');
  });
});

describe('digest ids (DigestAuthenticationProvider.generateDigest)', () => {
  it('is user + ":" + base64(sha1("user:password"))', () => {
    const expected = 'bob:' + createHash('sha1').update('bob:pw').digest('base64');
    expect(digestId('bob:pw')).toBe(expected);
    // Widely published value for super:admin (ZooKeeper admin guide examples).
    expect(digestId('super:admin')).toBe('super:xQJmxLMiHGwaqBvst5y6rkB6HQs=');
    expect(authIdFor('digest', 'bob:pw')).toEqual(bob);
    expect(authIdFor('unknown', 'x')).toBeNull();
  });
});

describe('fixupAcl (PrepRequestProcessor.fixupACL)', () => {
  it('rejects an empty ACL', () => {
    expect(fixupAcl([], [])).toBe('INVALIDACL');
  });
  it('keeps world:anyone and drops duplicates', () => {
    expect(fixupAcl([...OPEN_ACL_UNSAFE, ...OPEN_ACL_UNSAFE], [])).toEqual([...OPEN_ACL_UNSAFE]);
  });
  it('expands "auth" to the creator\'s authenticated ids, InvalidACL without any', () => {
    expect(fixupAcl([...CREATOR_ALL_ACL], [])).toBe('INVALIDACL');
    expect(fixupAcl([...CREATOR_ALL_ACL], [{ scheme: 'ip', id: '127.0.0.1' }])).toBe('INVALIDACL'); // ip is not "authenticated"
    expect(fixupAcl([...CREATOR_ALL_ACL], [bob])).toEqual([{ perms: PERM_ALL, ...bob }]);
  });
  it('validates ids per scheme (digest needs user:hash; world only anyone; unknown schemes fail)', () => {
    expect(fixupAcl([{ perms: 1, scheme: 'digest', id: 'nocolon' }], [])).toBe('INVALIDACL');
    expect(fixupAcl([{ perms: 1, scheme: 'world', id: 'someone' }], [])).toBe('INVALIDACL');
    expect(fixupAcl([{ perms: 1, scheme: 'nope', id: 'x' }], [])).toBe('INVALIDACL');
    expect(fixupAcl([{ perms: 1, scheme: 'ip', id: '10.0.0.1' }], [])).toEqual([{ perms: 1, scheme: 'ip', id: '10.0.0.1' }]);
  });
});

describe('hasPermission (ZooKeeperServer.checkACL)', () => {
  it('world:anyone grants its bits to everyone', () => {
    expect(hasPermission(READ_ACL_UNSAFE, PERM_READ, [])).toBe(true);
    expect(hasPermission(READ_ACL_UNSAFE, PERM_WRITE, [])).toBe(false);
  });
  it('matches digest ids exactly; super bypasses; an empty ACL allows all', () => {
    const acl = [{ perms: PERM_ALL, ...bob }];
    expect(hasPermission(acl, PERM_CREATE, [])).toBe(false);
    expect(hasPermission(acl, PERM_CREATE, [bob])).toBe(true);
    expect(hasPermission(acl, PERM_CREATE, [{ scheme: 'digest', id: digestId('bob:wrong') }])).toBe(false);
    expect(hasPermission(acl, PERM_CREATE, [{ scheme: 'super', id: '' }])).toBe(true);
    expect(hasPermission([], PERM_ADMIN, [])).toBe(true);
  });
  it('a mask of several bits passes when any one is granted (getACL asks READ|ADMIN)', () => {
    expect(hasPermission(READ_ACL_UNSAFE, PERM_READ | PERM_ADMIN, [])).toBe(true);
  });
});
