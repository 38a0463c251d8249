// The demo library, one click away: choosing a demo opens its share URL (so the address bar can
// be sent to a class as is).
import { useMemo } from 'react';
import { useServices } from '../app-context';
import { useTranslate } from '../i18n/use-translate';
import { demoCatalog } from '../model/demo-catalog';
import { useZoo } from '../store';

export function DemoPicker() {
  const language = useZoo((state) => state.language);
  const t = useTranslate();
  const { client } = useServices();
  const demos = useMemo(() => demoCatalog(language), [language]);
  const open = (id: string): void => {
    const demo = demos.find((entry) => entry.id === id);
    if (!demo) return;
    history.replaceState(null, '', `${location.pathname}${location.search}${demo.fragment}`);
    void client.start({ kind: 'fragment', fragment: demo.fragment }, { play: true });
  };
  return (
    <label className="demo-picker">
      <span className="visually-hidden">{t('demos.label')}</span>
      <select data-testid="demo-picker" value="" onChange={(event) => open(event.target.value)} aria-label={t('demos.label')}>
        <option value="" disabled>{t('demos.choose')}</option>
        <optgroup label={t('demos.label')}>
          {demos.filter((demo) => !demo.bugLab).map((demo) => <option key={demo.id} value={demo.id} title={demo.summary}>{demo.title}</option>)}
        </optgroup>
        <optgroup label={t('demos.bugLab')}>
          {demos.filter((demo) => demo.bugLab).map((demo) => <option key={demo.id} value={demo.id} title={demo.summary}>{demo.title}</option>)}
        </optgroup>
      </select>
    </label>
  );
}
