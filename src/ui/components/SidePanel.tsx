// The side panel: tabs (inspector, znodes, sessions, events, network + message colours) over the
// client console, which stays in view. On a tall screen the recent events stay in view too.
import { useMediaQuery } from '../hooks/use-media-query';
import type { MessageKey } from '../i18n/en';
import { useTranslate } from '../i18n/use-translate';
import { SIDE_TABS, useZoo, type SideTab } from '../store';
import { ClientConsole } from './ClientConsole';
import { EventList } from './EventList';
import { Inspector } from './Inspector';
import { Legend } from './Legend';
import { NetworkPanel } from './NetworkPanel';
import { SessionsPanel } from './SessionsPanel';
import { Swimlane } from './Swimlane';
import { ZnodeTree } from './ZnodeTree';

/** Room for the events under the tabs (a 1080p projector, not a 720p one). */
const TALL_SCREEN = '(min-height: 900px) and (min-width: 1100px)';

const TAB_LABELS: Record<SideTab, MessageKey> = {
  inspector: 'tab.inspector', znodes: 'tab.znodes', sessions: 'tab.sessions', events: 'tab.events', swimlane: 'tab.swimlane', network: 'tab.network',
};

function TabBody({ tab }: { tab: SideTab }) {
  switch (tab) {
    case 'inspector': return <Inspector />;
    case 'znodes': return <ZnodeTree />;
    case 'sessions': return <SessionsPanel />;
    case 'events': return <EventList />;
    case 'swimlane': return <Swimlane />;
    case 'network': return <><NetworkPanel /><Legend /></>;
  }
}

export function SidePanel() {
  const tab = useZoo((state) => state.sideTab);
  const setSideTab = useZoo((state) => state.setSideTab);
  const partitioned = useZoo((state) => (state.view?.network.partition ?? null) !== null || (state.view?.network.cuts.length ?? 0) > 0);
  const tall = useMediaQuery(TALL_SCREEN);
  const t = useTranslate();
  return (
    <aside className={`side-panel${tall ? ' is-tall' : ''} is-tab-${tab}`}>
      <div className="tab-bar" role="tablist" aria-label={t('tab.label')}>
        {SIDE_TABS.map((id) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls="side-tab-body"
            className={`tab${tab === id ? ' is-active' : ''}${id === 'network' && partitioned ? ' is-alert' : ''}`}
            data-testid={`tab-${id}`} onClick={() => setSideTab(id)}>
            {t(TAB_LABELS[id])}
          </button>
        ))}
      </div>
      <div className="tab-body" id="side-tab-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <TabBody tab={tab} />
      </div>
      {tall && tab !== 'events' && tab !== 'swimlane' && <div className="side-events"><EventList /></div>}
      <ClientConsole />
    </aside>
  );
}
