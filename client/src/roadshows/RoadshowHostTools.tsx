import type { RoadshowDetail } from '../../../shared/roadshow';
import { ErrorState, SkeletonRows } from '../ui/States';
import { AgendaEditor } from './AgendaEditor';
import { RoadshowEditForm } from './RoadshowEditForm';
import { useEditOptions } from './useEditOptions';

/** The host's editors: details and settings, then the agenda. */
export function RoadshowHostTools({ roadshow, onSaved }: { roadshow: RoadshowDetail; onSaved: (r: RoadshowDetail) => void }) {
  const { state, reload } = useEditOptions();
  if (state.kind === 'loading') return <SkeletonRows rows={2} variant="card" />;
  if (state.kind === 'failed') return <ErrorState error={state.error} onRetry={reload} />;
  return (
    <div className="rs-host-tools">
      <RoadshowEditForm roadshow={roadshow} hostCandidates={state.data.hostCandidates} onSaved={onSaved} />
      <AgendaEditor roadshow={roadshow} startups={state.data.startups} onSaved={onSaved} />
    </div>
  );
}
