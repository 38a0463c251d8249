// "Share": a link that replays this run and opens paused at the moment shown. Copied to the
// clipboard when the browser allows it, and always shown in a field to copy by hand.
import { useState } from 'react';
import { useTranslate } from '../i18n/use-translate';
import { currentShareUrl } from '../share-url';
import { useZoo } from '../store';

export function ShareButton() {
  const t = useTranslate();
  const available = useZoo((state) => state.shareFragment !== null);
  const [shared, setShared] = useState<{ url: string; copied: boolean } | null>(null);

  const share = async (): Promise<void> => {
    const url = currentShareUrl(useZoo.getState());
    if (!url) return;
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
      {shared && (
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
