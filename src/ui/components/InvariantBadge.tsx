// Whether the invariant checkers running inside the engine are all holding.
import { useTranslate } from '../i18n/use-translate';
import { useZoo } from '../store';

export function InvariantBadge() {
  const checked = useZoo((state) => state.invariants.checked);
  const violations = useZoo((state) => state.invariants.violations);
  const t = useTranslate();
  if (checked === 0 && violations.length === 0) return null;
  const bad = violations.length > 0;
  return (
    <span className={`badge${bad ? ' is-bad' : ' is-good'}`} data-testid="invariants" title={bad ? violations.map((violation) => `${violation.name}: ${violation.message}`).join('\n') : undefined}>
      {bad ? t('invariants.bad', { count: violations.length }) : t('invariants.ok', { checked })}
    </span>
  );
}
