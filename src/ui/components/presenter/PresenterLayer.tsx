// Presenter mode's overlays: a black screen (the remote's blank key), a spotlight that follows
// the pointer (the rest of the screen dimmed), and a small bar to leave. Presenter mode itself is
// the `data-presenter` attribute on <html>: the stylesheet enlarges type and hides the chrome.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useServices } from '../../app-context';
import { usePresenterKeys } from '../../hooks/use-presenter-keys';
import { useTranslate } from '../../i18n/use-translate';
import { useZoo } from '../../store';
import { useWalkthroughController } from '../../walkthrough/walkthrough-context';

export function PresenterLayer() {
  const presenter = useZoo((state) => state.presenter);
  const setPresenter = useZoo((state) => state.setPresenter);
  const { client } = useServices();
  const walkthrough = useWalkthroughController();
  const t = useTranslate();
  const [blank, setBlank] = useState(false);
  const [spotlight, setSpotlight] = useState(false);
  const actions = useMemo(() => ({
    toggleBlank: () => setBlank((value) => !value),
    toggleSpotlight: () => setSpotlight((value) => !value),
  }), []);
  usePresenterKeys(useZoo, client, walkthrough, actions);

  useEffect(() => {
    document.documentElement.toggleAttribute('data-presenter', presenter);
    if (!presenter) {
      setBlank(false);
      setSpotlight(false);
    }
  }, [presenter]);

  if (!presenter) return null;
  return (
    <>
      {spotlight && <Spotlight />}
      <div className="presenter-bar" data-testid="presenter-bar">
        <button type="button" className={`button is-toggle${spotlight ? ' is-on' : ''}`} data-testid="presenter-spotlight-toggle" aria-pressed={spotlight}
          onClick={actions.toggleSpotlight}>◎ {t('presenter.spotlight')}</button>
        <button type="button" className="button" data-testid="presenter-exit" onClick={() => setPresenter(false)}>{t('presenter.exit')}</button>
        <span className="presenter-keys">{t('presenter.keys')}</span>
      </div>
      {blank && (
        <div className="presenter-blank" data-testid="presenter-blank" role="button" tabIndex={-1} aria-label={t('presenter.blanked')}
          onClick={actions.toggleBlank}>
          <span className="presenter-blank-hint">{t('presenter.blanked')}</span>
        </div>
      )}
    </>
  );
}

/** A dimmed screen with a bright circle under the pointer (moved without re-rendering). */
function Spotlight() {
  const layer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const move = (event: PointerEvent): void => {
      layer.current?.style.setProperty('--spot-x', `${event.clientX}px`);
      layer.current?.style.setProperty('--spot-y', `${event.clientY}px`);
    };
    window.addEventListener('pointermove', move);
    return () => window.removeEventListener('pointermove', move);
  }, []);
  return <div className="presenter-spotlight" data-testid="presenter-spotlight" ref={layer} aria-hidden="true" />;
}

/** The header's button that enters presenter mode. */
export function PresenterToggle() {
  const setPresenter = useZoo((state) => state.setPresenter);
  const t = useTranslate();
  return (
    <button type="button" className="button" data-testid="presenter-toggle" title={t('presenter.toggleTitle')} onClick={() => setPresenter(true)}>
      {t('presenter.toggle')}
    </button>
  );
}
