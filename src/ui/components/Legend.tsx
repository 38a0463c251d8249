// Which colour means which kind of message: the families in flight now or sent recently.
import { useShallow } from 'zustand/react/shallow';
import { useTranslate } from '../i18n/use-translate';
import { familyColourVar, FAMILY_NAME_KEYS, MESSAGE_FAMILIES, messageFamily } from '../model/message-kinds';
import { useZoo } from '../store';

export function Legend() {
  const t = useTranslate();
  const families = useZoo(useShallow((state) => {
    const seen = new Set((state.view?.messages ?? []).map((message) => messageFamily(message.label)));
    for (const record of state.events) if (record.type === 'send') seen.add(messageFamily(record.label));
    return MESSAGE_FAMILIES.filter((family) => seen.has(family));
  }));
  return (
    <section className="panel legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend.title')}</h2>
      {families.length === 0 ? <p className="hint">{t('legend.empty')}</p> : (
        <ul className="legend-list">
          {families.map((family) => (
            <li key={family}>
              <svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" style={{ fill: familyColourVar(family) }} /></svg>
              {t(FAMILY_NAME_KEYS[family])}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
