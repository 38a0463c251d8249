// The selected message in full: route, times, whether it is lost, every payload field, and for an
// election notification why its vote wins or loses against the receiver's. The payload comes from
// the worker on demand ('message' command) only while this inspector is on screen.
import { useEffect } from 'react';
import { useServices } from '../app-context';
import { useTranslate } from '../i18n/use-translate';
import { endpointNamer } from '../model/clients';
import { formatSeconds } from '../model/playback-format';
import { explainVote, voteTuple } from '../model/vote-explanation';
import { useZoo } from '../store';

export function MessageInspector({ id }: { id: number }) {
  const detail = useZoo((state) => (state.messageDetail?.id === id ? state.messageDetail : null));
  const delivered = useZoo((state) => state.messageDelivered);
  const clients = useZoo((state) => state.view?.clients);
  const selectMessage = useZoo((state) => state.selectMessage);
  const { client } = useServices();
  const t = useTranslate();

  useEffect(() => {
    void client.showMessage(id);
    return () => void client.showMessage(null);
  }, [client, id]);

  const name = endpointNamer(clients);
  const senderState = detail?.fields.find((field) => field.name === 'state')?.value ?? 'LOOKING';
  return (
    <section className="panel inspector" aria-labelledby="inspector-title" data-testid="message-inspector">
      <header className="panel-header">
        <h2 id="inspector-title">{t('inspector.message', { id, label: detail?.label ?? '' })}</h2>
        <button type="button" className="button is-quiet" onClick={() => selectMessage(null)} aria-label={t('inspector.close')}>✕</button>
      </header>
      {detail === null ? <p className="hint" data-testid={delivered ? 'message-gone' : undefined}>{t(delivered ? 'message.gone' : 'message.loading')}</p> : (
        <>
          <p className="inspector-summary" data-testid="message-summary">{detail.summary}</p>
          {delivered && <p className="hint" data-testid="message-delivered">{t('message.delivered')}</p>}
          <dl className="detail-list">
            <Row name={t('message.route')} value={`${name(detail.from)} → ${name(detail.to)}`} />
            <Row name={t('message.channel')} value={detail.channel} />
            <Row name={t('message.sent')} value={`${formatSeconds(detail.sendTimeMs)} s`} />
            <Row name={t('message.deliver')} value={`${formatSeconds(detail.deliverTimeMs)} s`} />
            <Row name={t('message.dropped')} value={detail.dropped === null ? t('message.droppedNo') : t('message.droppedYes', { reason: detail.dropped })} />
            {detail.retransmits > 0 && <Row name={t('message.retransmits')} value={String(detail.retransmits)} />}
          </dl>
          {detail.vote !== null && (
            <div className="vote-verdict" data-testid="vote-verdict">
              <h3>{t('vote.title')}</h3>
              <dl className="detail-list">
                <Row name={t('vote.incoming')} value={voteTuple(detail.vote.incoming, t)} />
                <Row name={t('vote.current', { receiver: detail.vote.receiver })} value={voteTuple(detail.vote.current, t)} />
              </dl>
              {explainVote(detail.vote, senderState, t, detail.dropped !== null).map((sentence) => <p className="vote-sentence" key={sentence}>{sentence}</p>)}
            </div>
          )}
          <h3>{t('message.fields')}</h3>
          {detail.fields.length === 0
            // E.g. a CLOSE: the connection ending (a FIN or RST), not a packet.
            ? <p className="hint" data-testid="message-fields">{t('message.noFields')}</p>
            : (
              <dl className="detail-list" data-testid="message-fields">
                {detail.fields.map((field) => <Row key={field.name} name={field.name} value={field.value} />)}
              </dl>
            )}
        </>
      )}
    </section>
  );
}

function Row({ name, value }: { name: string; value: string }) {
  return (
    <div className="detail-row">
      <dt>{name}</dt>
      <dd><span className="detail-value">{value}</span></dd>
    </div>
  );
}
