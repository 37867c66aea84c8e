import { useTranslation } from 'react-i18next';
import { REACTIONS } from '../../../shared/constants';
import { REACTION_EMOJI } from './reactions';
import { useRoadshowRoomClient } from './roadshowRoomContext';
import { useRoadshowRoom } from './roadshowRoomStore';
import { useCanTakePart } from './roomSelectors';

/** Under the stage: reactions for everyone, and the audience's raised hand. */
export function AudienceBar() {
  const { t } = useTranslation();
  const client = useRoadshowRoomClient();
  const canTakePart = useCanTakePart();
  const status = useRoadshowRoom((s) => s.state?.status);
  const stageRole = useRoadshowRoom((s) => s.me?.stageRole ?? 'audience');
  const handRaised = useRoadshowRoom((s) => s.me?.handRaised ?? false);
  if (!canTakePart || status === 'scheduled') return null;
  return (
    <div className="rs-audience-bar">
      <div className="rs-reactions" role="group" aria-label={t('live.reactionsLabel')}>
        {REACTIONS.map((r) => (
          <button
            key={r}
            type="button"
            className="rs-reaction"
            data-testid={`reaction-${r}`}
            aria-label={t(`live.reaction.${r}`)}
            title={t(`live.reaction.${r}`)}
            onClick={() => void client.react(r)}
          >
            <span aria-hidden="true">{REACTION_EMOJI[r]}</span>
          </button>
        ))}
      </div>
      {stageRole === 'audience' && (
        <button
          type="button"
          className={`btn btn--small rs-hand${handRaised ? ' is-on' : ''}`}
          data-testid="raise-hand"
          aria-pressed={handRaised}
          onClick={() => void client.raiseHand(!handRaised)}
        >
          <span aria-hidden="true">✋</span> {handRaised ? t('live.lowerHand') : t('live.raiseHand')}
        </button>
      )}
    </div>
  );
}
