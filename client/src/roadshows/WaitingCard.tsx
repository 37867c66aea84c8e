import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { Spinner } from '../ui/States';

/** The waiting room: nothing of the room is shown until a host lets me in. */
export function WaitingCard() {
  const { t } = useTranslation();
  return (
    <div className="rs-waiting card" data-testid="waiting-card" role="status">
      <div className="rs-waiting-icon" aria-hidden="true">
        <Icon name="clock" size={30} />
      </div>
      <h2 className="rs-waiting-title">{t('live.waitingTitle')}</h2>
      <p className="muted">{t('live.waitingHint')}</p>
      <Spinner label={t('live.waitingHint')} />
    </div>
  );
}
