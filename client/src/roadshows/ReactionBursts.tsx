import { REACTION_EMOJI } from './reactions';
import { useRoadshowRoom } from './roadshowRoomStore';

/** Reactions floating up over the stage (decorative; screen readers skip them). */
export function ReactionBursts() {
  const bursts = useRoadshowRoom((s) => s.bursts);
  return (
    <div className="rs-bursts" aria-hidden="true">
      {bursts.map((b) => (
        <span key={b.id} className="rs-burst" style={{ left: `${b.left}%` }} data-testid="reaction-burst" data-reaction={b.reaction}>
          {REACTION_EMOJI[b.reaction]}
        </span>
      ))}
    </div>
  );
}
