// The high-contrast theme: black on white, heavier lines, darker colours (CSS variables on <html>).
import { useTranslate } from '../i18n/use-translate';
import { useZoo } from '../store';
import '../styles/contrast.css';

export function ContrastToggle() {
  const contrast = useZoo((state) => state.contrast);
  const setContrast = useZoo((state) => state.setContrast);
  const t = useTranslate();
  return (
    <button type="button" className={`button is-toggle contrast-toggle${contrast ? ' is-on' : ''}`} data-testid="contrast"
      aria-pressed={contrast} title={t('contrast.title')} onClick={() => setContrast(!contrast)}>
      <span aria-hidden="true">◐</span> {t('contrast.label')}
    </button>
  );
}
