import { describe, expect, it } from 'vitest';
import { OPEN_ACL_UNSAFE, PERM_ALL, digestId } from './acl';
import { createTree } from './tree';
import type { WatchEventType, WatchTrigger } from './txn';
import {
  addPersistentWatch, addStandardWatch, createWatchManager, hasWatch, removeSessionWatches, removeWatches,
  restoreWatches, triggerWatches, watchesOfSession,
} from './watches';

const trig = (event: WatchEventType, path: string, acl = [...OPEN_ACL_UNSAFE]): WatchTrigger => ({ event, path, acl, zxid: 9 });
const fired = (list: { sessionId: number; event: string; path: string }[]) => list.map((n) => `${n.sessionId}:${n.event}:${n.path}`);

describe('standard watches (facts 5.1, 5.2)', () => {
  it('fire once and are consumed', () => {
    const manager = createWatchManager();
    addStandardWatch(manager, 1, '/a', 'data');
    expect(fired(triggerWatches(manager, [trig('NodeDataChanged', '/a')]))).toEqual(['1:NodeDataChanged:/a']);
    expect(triggerWatches(manager, [trig('NodeDataChanged', '/a')])).toEqual([]);
  });
  it('exist watches sit in the data table: NodeCreated fires them', () => {
    const manager = createWatchManager();
    addStandardWatch(manager, 1, '/new', 'exist');
    expect(fired(triggerWatches(manager, [trig('NodeCreated', '/new'), trig('NodeChildrenChanged', '/')]))).toEqual(['1:NodeCreated:/new']);
  });
  it('one notification per session per change, even with exists + getData on the path', () => {
    const manager = createWatchManager();
    addStandardWatch(manager, 1, '/a', 'exist');
    addStandardWatch(manager, 1, '/a', 'data');
    addStandardWatch(manager, 2, '/a', 'data');
    expect(fired(triggerWatches(manager, [trig('NodeDataChanged', '/a')]))).toEqual(['1:NodeDataChanged:/a', '2:NodeDataChanged:/a']);
  });
  it('delete: a session with data and child watches on P gets a single NodeDeleted; both are consumed', () => {
    const manager = createWatchManager();
    addStandardWatch(manager, 1, '/p', 'data');
    addStandardWatch(manager, 1, '/p', 'child');
    addStandardWatch(manager, 2, '/p', 'child');
    addStandardWatch(manager, 3, '/', 'child');
    expect(fired(triggerWatches(manager, [trig('NodeDeleted', '/p'), trig('NodeChildrenChanged', '/')])))
      .toEqual(['1:NodeDeleted:/p', '2:NodeDeleted:/p', '3:NodeChildrenChanged:/']);
    expect(watchesOfSession(manager, 1)).toEqual({ data: [], child: [] });
  });
  it('a child\'s data change does not fire the parent\'s child watch; grandchildren do not fire the grandparent', () => {
    const manager = createWatchManager();
    addStandardWatch(manager, 1, '/a', 'child');
    expect(triggerWatches(manager, [trig('NodeDataChanged', '/a/b'), trig('NodeCreated', '/a/b/c'), trig('NodeChildrenChanged', '/a/b')])).toEqual([]);
  });
});

describe('persistent watches (facts 5.6)', () => {
  it('PERSISTENT gets every event type on its path, survives triggering and deletion', () => {
    const manager = createWatchManager();
    addPersistentWatch(manager, 1, '/p', 'PERSISTENT');
    const events = triggerWatches(manager, [
      trig('NodeCreated', '/p'), trig('NodeDataChanged', '/p'), trig('NodeChildrenChanged', '/p'), trig('NodeDeleted', '/p'), trig('NodeCreated', '/p'),
      trig('NodeDataChanged', '/p/child'),
    ]);
    expect(events.map((n) => n.event)).toEqual(['NodeCreated', 'NodeDataChanged', 'NodeChildrenChanged', 'NodeDeleted', 'NodeCreated']);
  });
  it('PERSISTENT_RECURSIVE covers descendants but never NodeChildrenChanged', () => {
    const manager = createWatchManager();
    addPersistentWatch(manager, 1, '/r', 'PERSISTENT_RECURSIVE');
    const events = triggerWatches(manager, [trig('NodeCreated', '/r/a/b'), trig('NodeChildrenChanged', '/r/a'), trig('NodeDataChanged', '/r'), trig('NodeDeleted', '/r/a/b'), trig('NodeCreated', '/other')]);
    expect(fired(events)).toEqual(['1:NodeCreated:/r/a/b', '1:NodeDataChanged:/r', '1:NodeDeleted:/r/a/b']);
  });
  it('a recursive watch and a standard watch of one session give one event, and only the standard one is consumed', () => {
    const manager = createWatchManager();
    addPersistentWatch(manager, 1, '/', 'PERSISTENT_RECURSIVE');
    addStandardWatch(manager, 1, '/x', 'data');
    expect(triggerWatches(manager, [trig('NodeDataChanged', '/x')]).length).toBe(1);
    expect(watchesOfSession(manager, 1).data).toEqual([{ path: '/', modes: 4 }]);
  });
});

describe('removal', () => {
  it('removeWatches: OK when something was removed, NOWATCHER otherwise (FinalRequestProcessor)', () => {
    const manager = createWatchManager();
    addStandardWatch(manager, 1, '/a', 'data');
    addStandardWatch(manager, 1, '/a', 'child');
    addPersistentWatch(manager, 1, '/b', 'PERSISTENT');
    expect(removeWatches(manager, 1, '/a', 'Children')).toBe('OK');
    expect(removeWatches(manager, 1, '/a', 'Children')).toBe('NOWATCHER');
    expect(hasWatch(manager, 1, '/a', 'Data')).toBe(true);
    expect(removeWatches(manager, 2, '/a', 'Any')).toBe('NOWATCHER');
    expect(removeWatches(manager, 1, '/b', 'PersistentRecursive')).toBe('NOWATCHER');
    expect(removeWatches(manager, 1, '/b', 'Persistent')).toBe('OK');
    expect(removeWatches(manager, 1, '/a', 'Any')).toBe('OK');
    expect(manager).toEqual(createWatchManager());
  });
  it('removeSessionWatches drops every watch of that session only', () => {
    const manager = createWatchManager();
    addStandardWatch(manager, 1, '/a', 'data');
    addStandardWatch(manager, 2, '/a', 'data');
    addPersistentWatch(manager, 1, '/r', 'PERSISTENT_RECURSIVE');
    removeSessionWatches(manager, 1);
    expect(fired(triggerWatches(manager, [trig('NodeDataChanged', '/a'), trig('NodeDataChanged', '/r')]))).toEqual(['2:NodeDataChanged:/a']);
  });
});

describe('READ filtering on delivery (3.8.4+/3.9.2+, CVE-2024-23944)', () => {
  it('is on by default, as on the oracle\'s server (Debian 3.8.0-11+deb12u2 backports the fix)', () => {
    expect(createWatchManager().filterByReadAcl).toBe(true);
  });
  it('when on, drops events for nodes the watcher may not read', () => {
    const secret = [{ perms: PERM_ALL, scheme: 'digest', id: digestId('bob:pw') }];
    const on = createWatchManager(true);
    addPersistentWatch(on, 1, '/', 'PERSISTENT_RECURSIVE');
    expect(triggerWatches(on, [trig('NodeDataChanged', '/s', secret)])).toEqual([]);
    expect(triggerWatches(on, [trig('NodeDataChanged', '/s', secret)], { 1: [{ scheme: 'digest', id: digestId('bob:pw') }] }).length).toBe(1);
    const off = createWatchManager(false);
    addPersistentWatch(off, 1, '/', 'PERSISTENT_RECURSIVE');
    expect(triggerWatches(off, [trig('NodeDataChanged', '/s', secret)]).length).toBe(1);
  });
});

describe('restoreWatches (SetWatches on reconnect, facts 5.5)', () => {
  it('fires synthetic events for changes after relativeZxid and re-arms the rest', () => {
    const tree = createTree();
    const base = { ...tree.nodes['/zookeeper/quota']!, children: [] as string[] };
    tree.nodes['/old'] = { ...base, mzxid: 5, pzxid: 5 };
    tree.nodes['/changed'] = { ...base, mzxid: 12, pzxid: 12 };
    tree.nodes['/now'] = { ...base };
    const manager = createWatchManager();
    const events = restoreWatches(manager, tree, 7, {
      relativeZxid: 10, data: ['/old', '/changed', '/gone'], exist: ['/now', '/still-missing'], child: ['/old', '/changed', '/gone'],
      persistent: ['/p'], persistentRecursive: ['/r'],
    });
    expect(fired(events)).toEqual(['7:NodeDataChanged:/changed', '7:NodeDeleted:/gone', '7:NodeCreated:/now', '7:NodeChildrenChanged:/changed', '7:NodeDeleted:/gone']);
    expect(watchesOfSession(manager, 7)).toEqual({
      data: [{ path: '/old', modes: 1 }, { path: '/p', modes: 2 }, { path: '/r', modes: 4 }, { path: '/still-missing', modes: 1 }],
      child: [{ path: '/old', modes: 1 }, { path: '/p', modes: 2 }],
    });
  });
});
