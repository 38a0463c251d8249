// How many watch notifications a recipe waiter got, outlined when it was just woken (the lock
// queue and the naive lock's herd show the same chip).
import { useTranslate } from '../../i18n/use-translate';

export function NotifiedChip({ count, woken }: { count: number; woken: boolean }) {
  const t = useTranslate();
  return <span className={`chip${woken ? ' chip-woken' : ''}`} title={t('recipes.notificationsTitle', { count })}>{t('recipes.notified', { count })}</span>;
}
