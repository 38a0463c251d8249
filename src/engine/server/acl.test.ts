import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CREATOR_ALL_ACL, OPEN_ACL_UNSAFE, PERM_ADMIN, PERM_ALL, PERM_CREATE, PERM_READ, PERM_WRITE, READ_ACL_UNSAFE,
  authIdFor, connectionAuthIds, digestId, fixupAcl, hasPermission, ipMatches, parsePerms, permsString, withAuthId,
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
    expect(authIdFor('unknown', 'x')).toBeNull(); // no provider: the server answers AUTHFAILED
  });
  it('addAuth "ip" re-adds the connection address; a connection starts with it; ids are a set', () => {
    expect(connectionAuthIds()).toEqual([{ scheme: 'ip', id: '127.0.0.1' }]);
    expect(authIdFor('ip', 'anything', '10.1.2.3')).toEqual({ scheme: 'ip', id: '10.1.2.3' });
    expect(withAuthId([bob], { ...bob })).toEqual([bob]);
    expect(withAuthId([], bob)).toEqual([bob]);
  });
});

describe('ip ACLs (IPAuthenticationProvider, IPv4 only in 3.8)', () => {
  it('matches an address or an addr/bits network (tests/golden 078)', () => {
    expect(ipMatches('127.0.0.1', '127.0.0.1')).toBe(true);
    expect(ipMatches('127.0.0.1', '127.0.0.0/8')).toBe(true);
    expect(ipMatches('127.0.0.1', '10.0.0.0/8')).toBe(false);
    expect(ipMatches('127.0.0.1', '127.0.0.2')).toBe(false);
    expect(ipMatches('127.0.0.1', '0.0.0.0/0')).toBe(true);
    expect(ipMatches('192.168.5.77', '192.168.4.0/23')).toBe(true);
    expect(ipMatches('192.168.6.1', '192.168.4.0/23')).toBe(false);
  });
  it('grants through hasPermission to the connection\'s ip id', () => {
    const acl = [{ perms: PERM_READ, scheme: 'ip', id: '127.0.0.0/8' }];
    expect(hasPermission(acl, PERM_READ, connectionAuthIds())).toBe(true);
    expect(hasPermission(acl, PERM_READ, connectionAuthIds('10.0.0.1'))).toBe(false);
  });
  it('validates ids: four octets 0-255, optional /0-32 (tests/golden 076)', () => {
    for (const id of ['999.1.1.1', '1.2.3', '1.2.3.4/33', '1.2.3.4/', '::1', 'a.b.c.d']) {
      expect(fixupAcl([{ perms: 1, scheme: 'ip', id }], [])).toBe('INVALIDACL');
    }
    for (const id of ['10.0.0.0/8', '0.0.0.0/0', '255.255.255.255']) {
      expect(fixupAcl([{ perms: 1, scheme: 'ip', id }], [])).toEqual([{ perms: 1, scheme: 'ip', id }]);
    }
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
    // "super" has no provider, so it is not an authenticated creator id.
    expect(fixupAcl([...CREATOR_ALL_ACL], [{ scheme: 'super', id: '' }])).toBe('INVALIDACL');
  });
  it('validates ids per scheme (digest needs user:hash; world only anyone; unknown schemes fail)', () => {
    expect(fixupAcl([{ perms: 1, scheme: 'digest', id: 'nocolon' }], [])).toBe('INVALIDACL');
    // Java's split(":") drops trailing empty strings: "bob:" has one part, "a:b:c" three.
    expect(fixupAcl([{ perms: 1, scheme: 'digest', id: 'bob:' }], [])).toBe('INVALIDACL');
    expect(fixupAcl([{ perms: 1, scheme: 'digest', id: 'a:b:c' }], [])).toBe('INVALIDACL');
    expect(fixupAcl([{ perms: 1, scheme: 'digest', id: ':x' }], [])).toEqual([{ perms: 1, scheme: 'digest', id: ':x' }]);
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
