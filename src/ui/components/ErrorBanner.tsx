// A worker failure or a bad shared link, said plainly, with a way forward. The page stays usable.
import { useServices } from '../app-context';
import { useTranslate } from '../i18n/use-translate';
import { useZoo } from '../store';

export function ErrorBanner() {
  const error = useZoo((state) => state.error);
  const setError = useZoo((state) => state.setError);
  const { client } = useServices();
  const t = useTranslate();
  if (!error) return null;
  const text = error.kind === 'worker' ? t('error.worker', { message: error.message })
    : error.kind === 'walkthrough' ? t('walkthrough.error', { message: error.message })
      : error.kind === 'import' ? t('error.import', { message: error.message }) : t('error.load', { message: error.message });
  return (
    <div className={`error-banner is-${error.kind}`} data-testid="error-banner" role="alert">
      <p className="error-text">{text}</p>
      <div className="error-actions">
        {error.kind === 'worker' && (
          <button type="button" className="button is-primary" data-testid="error-reload" onClick={() => void client.reloadSameRun()}>
            {t('error.reload')}
          </button>
        )}
        <button type="button" className="button" data-testid="error-dismiss" onClick={() => setError(null)}>
          {t('error.dismiss')}
        </button>
      </div>
    </div>
  );
}
