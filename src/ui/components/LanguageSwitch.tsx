// English / 中文. The choice goes into the address bar (lang=) with the rest of the run.
import { useTranslate } from '../i18n/use-translate';
import { LANGUAGES } from '../i18n/translate';
import { useZoo } from '../store';

export function LanguageSwitch() {
  const language = useZoo((state) => state.language);
  const setLanguage = useZoo((state) => state.setLanguage);
  const t = useTranslate();
  return (
    <div className="language-switch" role="group" aria-label={t('lang.label')}>
      {LANGUAGES.map((option) => (
        <button key={option} type="button" lang={option} className={`button is-toggle${option === language ? ' is-on' : ''}`}
          aria-pressed={option === language} data-testid={`lang-${option}`} onClick={() => setLanguage(option)}>
          {t(option === 'en' ? 'lang.en' : 'lang.zh-CN')}
        </button>
      ))}
    </div>
  );
}
