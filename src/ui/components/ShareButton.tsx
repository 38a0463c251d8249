// "Share": a link that replays this run and opens paused at the moment shown. Copied to the
// clipboard when the browser allows it, and always shown in a field to copy by hand. A link
// longer than SHARE_URL_CHARS_MAX is not offered (mail and chat programs cut or refuse such
// links): the run is offered as a JSON file instead, which "Import JSON" opens.
import { useState } from 'react';
import { useTranslate } from '../i18n/use-translate';
import { exportScenarioFile } from '../scenario-file-io';
import { currentShareUrl, SHARE_URL_CHARS_MAX } from '../share-url';
import { useZoo } from '../store';

export function ShareButton() {
  const t = useTranslate();
  const available = useZoo((state) => state.shareFragment !== null);
  const language = useZoo((state) => state.language);
  const [shared, setShared] = useState<{ url: string; copied: boolean } | null>(null);

  const share = async (): Promise<void> => {
    const url = currentShareUrl(useZoo.getState());
    if (!url) return;
    if (url.length > SHARE_URL_CHARS_MAX) {
      setShared({ url, copied: false });
      return;
    }
    history.replaceState(history.state, '', new URL(url).hash);
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = false;
    }
    setShared({ url, copied });
  };

  return (
    <div className="share">
      <button type="button" className="button" data-testid="share" title={t('controls.shareTitle')} disabled={!available}
        onClick={() => void share()}>
        {t('controls.share')}
      </button>
      {shared && shared.url.length > SHARE_URL_CHARS_MAX && (
        <div className="share-popover is-too-long" role="status" data-testid="share-too-long">
          <span>{t('controls.shareTooLong', { length: shared.url.length.toLocaleString(language) })}</span>
          <button type="button" className="button is-primary" data-testid="share-download-json" onClick={() => exportScenarioFile(useZoo)}>
            {t('controls.shareDownload')}
          </button>
          <button type="button" className="button is-quiet" onClick={() => setShared(null)} aria-label={t('error.dismiss')}>✕</button>
        </div>
      )}
      {shared && shared.url.length <= SHARE_URL_CHARS_MAX && (
        <div className="share-popover" role="status">
          <span>{shared.copied ? t('controls.shareCopied') : t('controls.shareManual')}</span>
          <input className="share-url" data-testid="share-url" readOnly value={shared.url}
            onFocus={(event) => event.target.select()} aria-label={t('controls.shareManual')} />
          <button type="button" className="button is-quiet" onClick={() => setShared(null)} aria-label={t('error.dismiss')}>✕</button>
        </div>
      )}
    </div>
  );
}
