// The embeddable view (?embed=1), for an iframe in slides or a blog post: the ring, play/pause,
// the time, and a link that opens the same run in the full app. No header, no side panel.
import { useServices } from '../../app-context';
import { useTranslate } from '../../i18n/use-translate';
import { currentShareFragment } from '../../share-url';
import { useZoo } from '../../store';
import { EnsembleView } from '../EnsembleView';
import { ErrorBanner } from '../ErrorBanner';
import { TimeControl } from '../TimeControl';

/** The full app's address for what the embed shows (the query string without embed=1). */
function fullAppHref(fragment: string | null): string {
  const query = new URLSearchParams(location.search);
  query.delete('embed');
  const search = query.toString();
  return `${location.pathname}${search ? `?${search}` : ''}${fragment ?? location.hash}`;
}

export function EmbedApp() {
  const playing = useZoo((state) => state.playing);
  const loaded = useZoo((state) => state.view !== null);
  const { client } = useServices();
  const t = useTranslate();
  return (
    <div className="app is-embed" data-testid="embed" aria-label={t('embed.label')}>
      <ErrorBanner />
      <main className="embed-stage">
        <EnsembleView />
      </main>
      <footer className="embed-controls controls" aria-label={t('controls.label')}>
        <button type="button" className="button is-primary" data-testid={playing ? 'pause' : 'play'} disabled={!loaded}
          onClick={() => client.togglePlay()}>
          {playing ? <><span aria-hidden="true">❚❚</span> {t('controls.pause')}</> : <><span aria-hidden="true">▶</span> {t('controls.play')}</>}
        </button>
        <TimeControl />
        <OpenLink />
      </footer>
    </div>
  );
}

/** Re-renders with the time (the link opens paused where the embed is), apart from the ring. */
function OpenLink() {
  const fragment = useZoo((state) => (state.playing ? null : currentShareFragment(state)));
  const t = useTranslate();
  return (
    <a className="embed-open" data-testid="embed-open" href={fullAppHref(fragment)} target="_blank" rel="noopener noreferrer">
      {t('embed.open')} ↗
    </a>
  );
}
