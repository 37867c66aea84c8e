import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChatPanel } from './ChatPanel';
import { PeoplePanel } from './PeoplePanel';
import { PollsPanel } from './PollsPanel';
import { QaPanel } from './QaPanel';
import { useRoadshowRoom } from './roadshowRoomStore';

const TABS = ['qa', 'chat', 'polls', 'people'] as const;
type Tab = (typeof TABS)[number];

/** The room's side panel: Q&A, chat, polls and people, as tabs (arrow keys move between them). */
export function SidePanel() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('qa');
  const refs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const canHost = useRoadshowRoom((s) => s.canHost);
  const questions = useRoadshowRoom((s) => s.questions.length);
  const openPolls = useRoadshowRoom((s) => s.polls.filter((p) => p.open).length);
  const attention = useRoadshowRoom((s) => (s.canHost ? (s.attendees?.waiting ?? 0) + (s.attendees?.attendees.filter((a) => a.handRaised).length ?? 0) : 0));
  const counts: Record<Tab, number> = { qa: questions, chat: 0, polls: openPolls, people: canHost ? attention : 0 };

  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    refs.current[next]?.focus();
  };

  return (
    <aside className="rs-panel card" aria-label={t('live.panelLabel')}>
      <div className="rs-panel-tabs" role="tablist" onKeyDown={onKeyDown}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              refs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`rs-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`rs-tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className={`rs-panel-tab${tab === id ? ' is-active' : ''}`}
            data-testid={`${id}-tab`}
            onClick={() => setTab(id)}
          >
            {t(`live.tab.${id}`)}
            {counts[id] > 0 && <span className={`count${id === 'people' ? ' count--alert' : ''}`}>{counts[id]}</span>}
          </button>
        ))}
      </div>
      <div className="rs-panel-body" role="tabpanel" id={`rs-tabpanel-${tab}`} aria-labelledby={`rs-tab-${tab}`}>
        {tab === 'qa' && <QaPanel onShowPolls={() => setTab('polls')} />}
        {tab === 'chat' && <ChatPanel onShowPolls={() => setTab('polls')} />}
        {tab === 'polls' && <PollsPanel />}
        {tab === 'people' && <PeoplePanel />}
      </div>
    </aside>
  );
}
