// Play / pause, step one event, step to the next interesting event.
import { useServices } from '../app-context';
import { useTranslate } from '../i18n/use-translate';
import { useZoo } from '../store';

export function PlaybackButtons() {
  const playing = useZoo((state) => state.playing);
  const loaded = useZoo((state) => state.view !== null);
  const stopped = useZoo((state) => state.error?.kind === 'worker');
  const { client } = useServices();
  const t = useTranslate();
  const disabled = !loaded || stopped;
  return (
    <div className="playback-buttons">
      {playing ? (
        <button type="button" className="button is-primary" data-testid="pause" title={t('controls.playTitle')} disabled={disabled}
          onClick={() => void client.pause()}>
          <span aria-hidden="true">❚❚</span> {t('controls.pause')}
        </button>
      ) : (
        <button type="button" className="button is-primary" data-testid="play" title={t('controls.playTitle')} disabled={disabled}
          onClick={() => void client.play()}>
          <span aria-hidden="true">▶</span> {t('controls.play')}
        </button>
      )}
      <button type="button" className="button" data-testid="step" title={t('controls.stepTitle')} disabled={disabled}
        onClick={() => void client.step('event')}>
        {t('controls.step')}
      </button>
      <button type="button" className="button" data-testid="step-interesting" title={t('controls.stepInterestingTitle')} disabled={disabled}
        onClick={() => void client.step('interesting')}>
        {t('controls.stepInteresting')} <span aria-hidden="true">»</span>
      </button>
    </div>
  );
}
