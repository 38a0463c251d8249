// The client console's op builder, the znode rows, client helpers and client placement.
import { describe, expect, it } from 'vitest';
import type { ClientView, ZnodeView } from '../../engine/world/view';
import { clientLinkKind, endpointNamer, ephemeralsOf, ownerLabels } from './clients';
import { buildOp, opFields, type ConsoleForm } from './console-op';
import { lane, ringLayout } from './ring-layout';
import { znodeRows } from './znode-tree';

const form = (patch: Partial<ConsoleForm>): ConsoleForm => ({ client: 'c1', op: 'create', path: '/a', data: 'x', mode: 'EPHEMERAL', version: '', watch: false, ...patch });
const node = (path: string, patch: Partial<ZnodeView> = {}): ZnodeView => ({ path, ephemeralOwner: null, data: null, version: 0, czxid: 0, mzxid: 0, numChildren: 0, ...patch });
const client = (id: string, patch: Partial<ClientView> = {}): ClientView => ({
  id, endpoint: 1000, state: 'CONNECTED', server: 1, attemptServer: 1, sessionId: null, sessionTimeoutMs: 10_000, lastZxid: 0, pending: [], ...patch,
});

describe('console ops', () => {
  it('builds a create with its mode and data', () => {
    expect(buildOp(form({}))).toEqual({ ok: true, action: { kind: 'op', client: 'c1', op: 'create', path: '/a', data: 'x', mode: 'EPHEMERAL' } });
  });
  it('adds watch only to reads, version only to setData/delete (empty = -1)', () => {
    expect(buildOp(form({ op: 'getData', watch: true }))).toEqual({ ok: true, action: { kind: 'op', client: 'c1', op: 'getData', path: '/a', watch: true } });
    expect(buildOp(form({ op: 'delete' }))).toEqual({ ok: true, action: { kind: 'op', client: 'c1', op: 'delete', path: '/a', version: -1 } });
    expect(buildOp(form({ op: 'setData', version: '3' }))).toMatchObject({ ok: true, action: { version: 3, data: 'x' } });
    expect(buildOp(form({ op: 'setData', version: 'x' }))).toEqual({ ok: false, error: 'badVersion' });
  });
  it('parses multi ops as JSON and refuses bad input', () => {
    expect(buildOp(form({ op: 'multi', data: '[{"op":"create","path":"/m"}]' }))).toEqual({ ok: true, action: { kind: 'op', client: 'c1', op: 'multi', ops: [{ op: 'create', path: '/m' }] } });
    expect(buildOp(form({ op: 'multi', data: '{' }))).toEqual({ ok: false, error: 'badJson' });
    expect(buildOp(form({ path: 'a' }))).toEqual({ ok: false, error: 'badPath' });
    expect(buildOp(form({ client: '' }))).toEqual({ ok: false, error: 'noClient' });
    expect(buildOp(form({ op: 'close' }))).toEqual({ ok: true, action: { kind: 'op', client: 'c1', op: 'close' } });
    expect(opFields('sync')).toMatchObject({ path: true, data: false, watch: false });
  });
});

describe('znode rows', () => {
  it('lists the tree depth first, sorted, with depths and system nodes marked', () => {
    const rows = znodeRows([node('/'), node('/zookeeper'), node('/b'), node('/a/x'), node('/a'), node('/zookeeper/quota')]);
    expect(rows.map((row) => [row.node.path, row.depth, row.system])).toEqual([
      ['/', 0, false], ['/a', 1, false], ['/a/x', 2, false], ['/b', 1, false], ['/zookeeper', 1, true], ['/zookeeper/quota', 2, true],
    ]);
    expect(rows[2]!.name).toBe('x');
  });
  it('hangs orphans under the root and is empty without nodes', () => {
    expect(znodeRows([]).length).toBe(0);
    expect(znodeRows([node('/'), node('/q/r')]).map((row) => row.depth)).toEqual([0, 1]);
  });
});

describe('client helpers', () => {
  it('draws connected links solid, tries dashed, expiry red, nothing when closed', () => {
    expect(clientLinkKind(client('c1'))).toBe('connected');
    expect(clientLinkKind(client('c1', { state: 'CONNECTING', server: null }))).toBe('connecting');
    expect(clientLinkKind(client('c1', { state: 'DISCONNECTED', server: null }))).toBe('connecting');
    expect(clientLinkKind(client('c1', { state: 'EXPIRED' }))).toBe('expired');
    expect(clientLinkKind(client('c1', { state: 'CLOSED', attemptServer: null }))).toBe('none');
  });
  it('names client endpoints by label and finds the ephemerals a session owns', () => {
    const clients = [client('a', { endpoint: 1000, sessionId: '0x1' }), client('b', { endpoint: 1001 })];
    const name = endpointNamer(clients);
    expect([name(1000), name(1001), name(3)]).toEqual(['a', 'b', '3']);
    expect(ownerLabels(clients).get('0x1')).toBe('a');
    expect(ephemeralsOf([node('/e', { ephemeralOwner: '0x1' }), node('/p')], '0x1')).toEqual(['/e']);
    expect(ephemeralsOf([node('/e', { ephemeralOwner: '0x1' })], null)).toEqual([]);
  });
  it('places clients inside the box, off the servers, and routes messages to them', () => {
    const layout = ringLayout([1, 2, 3, 4, 5], 850, 590, [1000, 1001]);
    for (const endpoint of [1000, 1001]) {
      const at = layout.positions.get(endpoint)!;
      expect(at.x - layout.clientWidth / 2).toBeGreaterThanOrEqual(0);
      expect(at.y + layout.clientHeight / 2).toBeLessThanOrEqual(590);
      for (const id of [1, 2, 3, 4, 5]) {
        const server = layout.positions.get(id)!;
        expect(Math.hypot(server.x - at.x, server.y - at.y)).toBeGreaterThan(layout.nodeRadius + layout.clientHeight / 2);
      }
    }
    expect(lane(layout, 1000, 1)).not.toBeNull();
  });
});

describe('event lines', () => {
  it('merges the commits of one zxid into one line and skips message traffic', async () => {
    const { eventLines, shownRecords } = await import('./event-lines');
    const { summarizeResult } = await import('./describe-record');
    const records = [
      { type: 'send', t: 1, id: 1, from: 1, to: 2, label: 'PROPOSAL', sendTimeMs: 1, deliverTimeMs: 2, dropped: null, retransmits: 0 },
      { type: 'commit', t: 2, server: 1, zxid: 5 },
      { type: 'commit', t: 3, server: 2, zxid: 5 },
      { type: 'role', t: 4, server: 3, role: 'LOOKING', epoch: 1 },
    ] as const;
    const story = shownRecords(records as never, false, 10);
    expect(story.map((record) => record.type)).toEqual(['commit', 'commit', 'role']);
    const lines = eventLines(story, false, 10);
    expect(lines.map((line) => [line.record.type, line.servers])).toEqual([['role', undefined], ['commit', [2, 1]]]);
    expect(summarizeResult({ type: 'getData', err: 'OK', data: 'x', stat: { version: 3 } })).toBe('"x" v3');
    expect(summarizeResult({ type: 'create', err: 'OK', path: '/a0001' })).toBe('/a0001');
    expect(summarizeResult({ type: 'exists', err: 'OK', stat: null })).toBe('null');
    expect(summarizeResult({ type: 'getChildren', err: 'OK', children: ['a', 'b'] })).toBe('[a, b]');
  });

  it('describes a recipe actor\'s event in words, not as raw JSON', async () => {
    const { describeRecord } = await import('./describe-record');
    const { translate } = await import('../i18n/translate');
    const translator = (language: 'en' | 'zh-CN') => (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(language, key, params);
    const record = { type: 'actor', t: 8028, actor: 'L2', event: 'acquired', fields: { node: '/locks/job/lock-0000000001' } } as const;
    expect(describeRecord(record, translator('en'))).toBe('recipe L2: acquired node=/locks/job/lock-0000000001');
    expect(describeRecord(record, translator('zh-CN'))).toBe('配方角色 L2：acquired node=/locks/job/lock-0000000001');
  });
});

describe('static clients', () => {
  it('ignore the session countdown, so a ticking countdown re-renders nothing', async () => {
    const { staticClientsJson } = await import('../hooks/use-clients');
    const view = (left: number, state = 'CONNECTED') => ({ view: { clients: [{ ...client('c1', { state }), sessionExpiresInMs: left }] } }) as never;
    expect(staticClientsJson(view(9000))).toBe(staticClientsJson(view(8500)));
    expect(staticClientsJson(view(9000))).not.toBe(staticClientsJson(view(9000, 'DISCONNECTED')));
    expect(staticClientsJson(view(9000))).not.toContain('sessionExpiresInMs');
  });

  it('give each client its own string, unchanged when only another client changes', async () => {
    const { staticClientJson, staticClientsJson } = await import('../hooks/use-clients');
    const view = (c2State: string) => ({ view: { clients: [{ ...client('c1'), sessionExpiresInMs: 5 }, { ...client('c2', { state: c2State }), sessionExpiresInMs: 7 }] } }) as never;
    const before = view('CONNECTED');
    const after = view('DISCONNECTED');
    expect(staticClientJson(after, 'c1')).toBe(staticClientJson(before, 'c1'));
    expect(staticClientJson(after, 'c2')).not.toBe(staticClientJson(before, 'c2'));
    expect(JSON.parse(staticClientJson(after, 'c2'))).toMatchObject({ id: 'c2', state: 'DISCONNECTED' });
    expect(staticClientJson(after, 'nobody')).toBe('null');
    expect(JSON.parse(staticClientsJson(after))).toEqual([JSON.parse(staticClientJson(after, 'c1')), JSON.parse(staticClientJson(after, 'c2'))]);
  });
});
