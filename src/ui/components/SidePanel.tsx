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
import { RecipePanel } from './recipes/RecipePanel';
import { SessionsPanel } from './SessionsPanel';
import { Swimlane } from './Swimlane';
import { ZnodeTree } from './ZnodeTree';
import { InvariantPanel } from './correctness/InvariantPanel';
import { HistoryView } from './correctness/HistoryView';

/** Room for the events under the tabs (a 1080p projector, not a 720p one). */
const TALL_SCREEN = '(min-height: 900px) and (min-width: 1100px)';

const TAB_LABELS: Record<SideTab, MessageKey> = {
  inspector: 'tab.inspector', znodes: 'tab.znodes', recipes: 'tab.recipes', sessions: 'tab.sessions', events: 'tab.events', swimlane: 'tab.swimlane', network: 'tab.network',
  invariants: 'tab.invariants', history: 'tab.history',
};

function TabBody({ tab }: { tab: SideTab }) {
  switch (tab) {
    case 'inspector': return <Inspector />;
    case 'znodes': return <ZnodeTree />;
    case 'recipes': return <RecipePanel />;
    case 'sessions': return <SessionsPanel />;
    case 'events': return <EventList />;
    case 'swimlane': return <Swimlane />;
    case 'network': return <><NetworkPanel /><Legend /></>;
    case 'invariants': return <InvariantPanel />;
    case 'history': return <HistoryView />;
  }
}

export function SidePanel() {
  const tab = useZoo((state) => state.sideTab);
  const setSideTab = useZoo((state) => state.setSideTab);
  const partitioned = useZoo((state) => (state.view?.network.partition ?? null) !== null || (state.view?.network.cuts.length ?? 0) > 0);
  const hasActors = useZoo((state) => (state.view?.actors?.length ?? 0) > 0);
  const broken = useZoo((state) => state.violationsNow.length > 0);
  const tall = useMediaQuery(TALL_SCREEN);
  const t = useTranslate();
  return (
    <aside className={`side-panel${tall ? ' is-tall' : ''} is-tab-${tab}`}>
      <div className={`tab-bar${hasActors || tab === 'recipes' ? ' has-recipes' : ''}`} role="tablist" aria-label={t('tab.label')}>
        {SIDE_TABS.filter((id) => id !== 'recipes' || hasActors || tab === 'recipes').map((id) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls="side-tab-body"
            className={`tab${tab === id ? ' is-active' : ''}${(id === 'network' && partitioned) || (id === 'invariants' && broken) ? ' is-alert' : ''}`}
            data-testid={`tab-${id}`} onClick={() => setSideTab(id)}>
            {t(TAB_LABELS[id])}
          </button>
        ))}
      </div>
      <div className="tab-body" id="side-tab-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <TabBody tab={tab} />
      </div>
      {tall && tab !== 'events' && tab !== 'swimlane' && tab !== 'invariants' && tab !== 'history' && <div className="side-events"><EventList /></div>}
      <ClientConsole />
    </aside>
  );
}
