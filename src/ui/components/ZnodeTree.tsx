// The leader's data tree as an indented list: each znode with its data, version, czxid/mzxid
// (epoch:counter), ephemeral owner (client label) and number of children. A node that appears or
// changes flashes once (a CSS animation on an element keyed by path@mzxid, no per-frame React work).
import { useMemo, useRef } from 'react';
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

export function ZnodeTree() {
  const znodes = useZoo((state) => state.view?.znodes) ?? NO_NODES;
  const clients = useStaticClients();
  const leader = useZoo((state) => state.view?.servers.find((server) => server.role === 'LEADING' && server.serving)?.id ?? null);
  const selected = useZoo((state) => state.selectedZnode);
  const selectZnode = useZoo((state) => state.selectZnode);
  const t = useTranslate();
  const rows = useMemo(() => znodeRows(znodes), [znodes]);
  const owners = useMemo(() => ownerLabels(clients), [clients]);
  const flashing = useFlashing(rows);

  return (
    <section className="panel znodes" aria-labelledby="znodes-title">
      <header className="panel-header">
        <h2 id="znodes-title">{t('znodes.title')}</h2>
        <span className="panel-note">{leader === null ? t('znodes.noLeader') : t('znodes.leader', { id: leader })}</span>
      </header>
      {rows.length === 0 ? <p className="hint">{t('znodes.empty')}</p> : (
        <ul className="znode-tree" data-testid="znode-tree">
          {rows.map(({ node, name, depth, system }) => {
            const owner = node.ephemeralOwner === null ? null : owners.get(node.ephemeralOwner) ?? node.ephemeralOwner;
            return (
              <li key={node.path} className={`znode${system ? ' is-system' : ''}${selected === node.path ? ' is-selected' : ''}`}
                data-testid="znode" data-path={node.path} style={{ paddingLeft: `${depth * 1.1 + 0.3}rem` }}>
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
