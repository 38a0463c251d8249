// The leader's data tree as an indented list: each znode with its data, version, czxid/mzxid
// (epoch:counter), ephemeral owner (client label) and number of children. A node that appears or
// changes flashes once (a CSS animation on an element keyed by path@mzxid, no per-frame React work).
// A selector shows any one server's own tree instead: its lastZxid against the leader's, the
// leader's nodes it has not applied yet greyed, older versions marked.
import { useEffect, useMemo, useRef } from 'react';
import { useServices } from '../app-context';
import { compareTrees, type NodeStatus } from '../model/server-tree';
import { useTreeChoice } from '../tree-choice';
import '../styles/replica-tree.css';
import { formatZxidPair } from '../../engine/sim/format';
import { useStaticClients } from '../hooks/use-clients';
import { useTranslate } from '../i18n/use-translate';
import { ownerLabels } from '../model/clients';
import { znodeRows, type ZnodeRow } from '../model/znode-tree';
import { useZoo } from '../store';

const NO_NODES: never[] = [];
const DATA_SHOWN_MAX = 24;

function shortData(data: string | null): string {
  if (data === null) return '';
  return data.length > DATA_SHOWN_MAX ? `${JSON.stringify(data.slice(0, DATA_SHOWN_MAX))}…` : JSON.stringify(data);
}

/**
 * The nodes (path@mzxid) that appeared or changed since the last non-empty tree: nothing flashes
 * on the first tree, nor when a tree comes back unchanged (after a seek, from a LOOKING server).
 */
function useFlashing(rows: readonly ZnodeRow[]): ReadonlySet<string> {
  const seen = useRef<Map<string, number> | null>(null);
  const last = useRef<ReadonlySet<string>>(new Set());
  return useMemo(() => {
    const previous = seen.current;
    if (rows.length === 0) return last.current;
    const current = new Set(rows.map(({ node }) => `${node.path}@${node.mzxid}`));
    // Keep the ones already flashing (their animation must not restart or stop), add the new ones.
    const flashing = new Set([...last.current].filter((key) => current.has(key)));
    for (const { node } of rows) {
      if (previous !== null && previous.get(node.path) !== node.mzxid) flashing.add(`${node.path}@${node.mzxid}`);
    }
    seen.current = new Map(rows.map(({ node }) => [node.path, node.mzxid]));
    last.current = flashing;
    return flashing;
  }, [rows]);
}

const NO_STATUS: ReadonlyMap<string, NodeStatus> = new Map();

export function ZnodeTree() {
  const leaderZnodes = useZoo((state) => state.view?.znodes) ?? NO_NODES;
  const clients = useStaticClients();
  const leader = useZoo((state) => state.view?.servers.find((server) => server.role === 'LEADING' && server.serving)?.id ?? null);
  const selected = useZoo((state) => state.selectedZnode);
  const selectZnode = useZoo((state) => state.selectZnode);
  const t = useTranslate();
  const chosen = useChosenServer();
  const serverTree = useZoo((state) => (chosen !== null && state.serverTree?.server === chosen ? state.serverTree : null));
  const compared = useMemo(() => (serverTree?.znodes ? compareTrees(serverTree.znodes, leaderZnodes) : null), [serverTree, leaderZnodes]);
  const znodes = chosen === null ? leaderZnodes : compared?.nodes ?? NO_NODES;
  const status = compared?.status ?? NO_STATUS;
  const rows = useMemo(() => znodeRows(znodes), [znodes]);
  const owners = useMemo(() => ownerLabels(clients), [clients]);
  const flashing = useFlashing(rows);

  return (
    <section className="panel znodes" aria-labelledby="znodes-title">
      <header className="panel-header">
        <h2 id="znodes-title">{t('znodes.title')}</h2>
        <TreeSelector />
      </header>
      {chosen === null
        ? <p className="panel-note tree-note">{leader === null ? t('znodes.noLeader') : t('znodes.leader', { id: leader })}</p>
        : <ReplicaBadge server={chosen} missing={compared?.missing ?? 0} older={compared?.older ?? 0} />}
      {chosen !== null && serverTree === null ? <p className="hint">{t('znodes.loading', { id: chosen })}</p>
        : chosen !== null && serverTree !== null && serverTree.znodes === null ? <p className="hint" data-testid="tree-down">{t('znodes.down', { id: chosen })}</p>
        : rows.length === 0 ? <p className="hint">{t('znodes.empty')}</p> : (
        <ul className="znode-tree" data-testid="znode-tree">
          {rows.map(({ node, name, depth, system }) => {
            const owner = node.ephemeralOwner === null ? null : owners.get(node.ephemeralOwner) ?? node.ephemeralOwner;
            return (
              <li key={node.path} className={`znode${system ? ' is-system' : ''}${selected === node.path ? ' is-selected' : ''} is-${status.get(node.path) ?? 'same'}`}
                data-testid="znode" data-path={node.path} data-status={status.get(node.path) ?? 'same'} style={{ paddingLeft: `${depth * 1.1 + 0.3}rem` }}
                title={status.get(node.path) === 'missing' ? t('znodes.missing') : status.get(node.path) === 'older' ? t('znodes.older') : undefined}>
                {flashing.has(`${node.path}@${node.mzxid}`) && <span key={node.mzxid} className="znode-flash" aria-hidden="true" />}
                <button type="button" className="znode-button" onClick={() => selectZnode(node.path)}
                  title={t('znodes.inspect', { path: node.path })}>
                  <span className="znode-name">{name}</span>
                  {node.data ? <span className="znode-data">{shortData(node.data)}</span> : null}
                  <span className="znode-chips">
                    {owner !== null && <span className="chip chip-ephemeral" title="ephemeralOwner">{t('znodes.owner', { owner })}</span>}
                    <span className="chip" title="version">v{node.version}</span>
                    <span className="chip chip-zxid" title="czxid / mzxid">c{formatZxidPair(node.czxid)} m{formatZxidPair(node.mzxid)}</span>
                    {node.numChildren > 0 && <span className="chip" title="numChildren">▾{node.numChildren}</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The chosen server (null: the leader's tree, from the view), kept in sync with the worker:
 * it sends that server's tree only while this tab is open, and again after another run loads. */
function useChosenServer(): number | null {
  const { client } = useServices();
  const chosen = useTreeChoice((state) => state.server);
  const choose = useTreeChoice((state) => state.choose);
  const loads = useZoo((state) => state.loads);
  const exists = useZoo((state) => chosen === null || (state.view?.servers.some((server) => server.id === chosen) ?? true));
  useEffect(() => {
    if (!exists) choose(null);
  }, [exists, choose]);
  useEffect(() => {
    void client.showTree(exists ? chosen : null);
  }, [client, chosen, exists, loads]);
  useEffect(() => () => void client.showTree(null), [client]);
  return exists ? chosen : null;
}

function TreeSelector() {
  const t = useTranslate();
  const ids = useZoo((state) => state.view?.servers.map((server) => server.id).join(',') ?? '');
  const chosen = useTreeChoice((state) => state.server);
  const choose = useTreeChoice((state) => state.choose);
  return (
    <label className="tree-selector">
      <span>{t('znodes.treeOf')}</span>
      <select data-testid="tree-server" value={chosen === null ? '' : String(chosen)}
        onChange={(event) => choose(event.target.value === '' ? null : Number(event.target.value))}>
        <option value="">{t('znodes.optionLeader')}</option>
        {ids.split(',').filter(Boolean).map((id) => <option key={id} value={id}>{t('znodes.optionServer', { id })}</option>)}
      </select>
    </label>
  );
}

/** The chosen replica against the leader: its lastZxid, and how many nodes it lacks or has older. */
function ReplicaBadge({ server, missing, older }: { server: number; missing: number; older: number }) {
  const t = useTranslate();
  const tree = useZoo((state) => (state.serverTree?.server === server ? state.serverTree : null));
  const leaderZxid = useZoo((state) => {
    const servers = state.view?.servers ?? [];
    const leader = servers.find((candidate) => candidate.role === 'LEADING' && candidate.serving);
    return leader ? leader.lastZxid : Math.max(0, ...servers.map((candidate) => candidate.lastZxid));
  });
  // A down server keeps no tree in memory (its lastZxid reads 0:0): the "down" note says it all.
  if (!tree || !tree.alive) return null;
  const zxid = formatZxidPair(tree.lastZxid);
  const behind = tree.lastZxid < leaderZxid || missing > 0 || older > 0;
  const differs = behind || tree.lastZxid > leaderZxid;
  const text = !differs ? t('znodes.upToDate', { zxid })
    : behind ? t('znodes.behind', { zxid, leaderZxid: formatZxidPair(leaderZxid) })
    : t('znodes.ahead', { zxid, leaderZxid: formatZxidPair(leaderZxid) });
  return (
    <p className={`replica-badge${differs ? ' is-behind' : ''}`} data-testid="replica-badge" data-behind={behind}>
      <span>{t('znodes.serverTree', { id: server })}</span> · <span className="mono">{text}</span>
      {missing > 0 && <span className="chip chip-missing">−{missing}</span>}
      {older > 0 && <span className="chip chip-missing">≠{older}</span>}
    </p>
  );
}
