// The selected znode (in the leader's tree): every field the view has.
import { formatZxidPair } from '../../engine/sim/format';
import { useStaticClients } from '../hooks/use-clients';
import { useTranslate } from '../i18n/use-translate';
import { ownerLabels } from '../model/clients';
import { useZoo } from '../store';

export function ZnodeInspector({ path }: { path: string }) {
  const node = useZoo((state) => state.view?.znodes.find((candidate) => candidate.path === path));
  const clients = useStaticClients();
  const selectZnode = useZoo((state) => state.selectZnode);
  const t = useTranslate();
  const owner = node?.ephemeralOwner ? ownerLabels(clients).get(node.ephemeralOwner) : undefined;
  return (
    <section className="panel inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <header className="panel-header">
        <h2 id="inspector-title" className="mono">{path}</h2>
        <button type="button" className="button is-quiet" onClick={() => selectZnode(null)} aria-label={t('inspector.close')}>✕</button>
      </header>
      {!node ? <p className="hint">{t('znode.gone')}</p> : (
        <dl className="fields">
          <dt>data</dt>
          <dd className="mono znode-data-full">{node.data === null ? '—' : JSON.stringify(node.data)}</dd>
          <dt>version</dt>
          <dd className="mono">{node.version}</dd>
          <dt>czxid</dt>
          <dd className="mono">{formatZxidPair(node.czxid)}</dd>
          <dt>mzxid</dt>
          <dd className="mono">{formatZxidPair(node.mzxid)}</dd>
          <dt>numChildren</dt>
          <dd className="mono">{node.numChildren}</dd>
          <dt>ephemeralOwner</dt>
          <dd className="mono">{node.ephemeralOwner === null ? t('znode.persistent') : `${node.ephemeralOwner}${owner ? ` (${owner})` : ''}`}</dd>
        </dl>
      )}
    </section>
  );
}
