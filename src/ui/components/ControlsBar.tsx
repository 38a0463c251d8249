// The bottom bar: playback buttons, speed, time, share, and a reminder of the keys.
import { useTranslate } from '../i18n/use-translate';
import { PlaybackButtons } from './PlaybackButtons';
import { ExportButtons } from './ExportButtons';
import { ShareButton } from './ShareButton';
import { SpeedControl } from './SpeedControl';
import { TimeControl } from './TimeControl';

export function ControlsBar() {
  const t = useTranslate();
  return (
    <footer className="controls" aria-label={t('controls.label')}>
      <PlaybackButtons />
      <SpeedControl />
      <TimeControl />
      <ExportButtons />
      <ShareButton />
      <p className="keys-hint">{t('controls.keys')}</p>
    </footer>
  );
}
