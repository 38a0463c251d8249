// The network as it stands (partition, cut links, slow links, loss) and the "Heal" action.
import { useServices } from '../app-context';
import { useTranslate } from '../i18n/use-translate';
import { useZoo } from '../store';
import { LinkFaults } from './faults/LinkFaults';
import { PartitionPicker } from './faults/PartitionPicker';
import '../styles/faults.css';

export function NetworkPanel() {
  const network = useZoo((state) => state.view?.network);
  const { client } = useServices();
  const t = useTranslate();
  if (!network) return null;

  const lines: string[] = [];
  if (network.partition) lines.push(t('network.partition', { groups: network.partition.map((group) => `{${group.join(', ')}}`).join(' | ') }));
  if (network.cuts.length > 0) lines.push(t('network.cuts', { links: network.cuts.map((cut) => `${cut.from} → ${cut.to}`).join(', ') }));
  if (network.slowLinks.length > 0) lines.push(t('network.slow', { links: network.slowLinks.map((link) => `${link.from} → ${link.to}`).join(', ') }));
  const rules = network.slowLinks.map((link) => t('network.linkRule', {
    from: link.from, to: link.to, min: link.latencyMsMin, max: link.latencyMsMax, percent: Math.round(link.lossRatio * 1000) / 10,
  }));
  if (network.lossRatio > 0) lines.push(t('network.loss', { percent: Math.round(network.lossRatio * 1000) / 10 }));
  const healthy = lines.length === 0;

  return (
    <section className="panel network" aria-labelledby="network-title">
      <header className="panel-header">
        <h2 id="network-title">{t('network.title')}</h2>
        <button type="button" className="button" data-testid="action-heal" disabled={healthy}
          onClick={() => void client.act({ kind: 'fault', fault: 'heal' })}>
          {t('action.heal')}
        </button>
      </header>
      {healthy ? <p className="hint">{t('network.healthy')}</p> : lines.map((line) => <p key={line} className="network-line">{line}</p>)}
      {rules.length > 0 && <ul className="link-rules" data-testid="link-rules">{rules.map((rule) => <li key={rule} className="mono">{rule}</li>)}</ul>}
      <PartitionPicker />
      <LinkFaults />
    </section>
  );
}
