// The bottom bar: playback buttons, speed, time, picture export, scenario files, share, and a reminder of the keys.
import { useTranslate } from '../i18n/use-translate';
import { PlaybackButtons } from './PlaybackButtons';
import { ExportButtons } from './ExportButtons';
import { ScenarioFileButtons } from './ScenarioFileButtons';
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
      {/* One group, kept together at the right end so Share's popover always opens on screen. */}
      <div className="controls-output">
        <ExportButtons />
        <ScenarioFileButtons />
        <ShareButton />
      </div>
      <p className="keys-hint">{t('controls.keys')}</p>
    </footer>
  );
}
