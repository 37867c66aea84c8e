import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDismiss } from '../layout/useDismiss';
import { Icon } from '../ui/Icon';
import { DeviceSelect } from './DeviceSelect';
import type { RoomClient } from './RoomClient';
import { useRoom } from './roomStore';
import { useMediaDevices } from './useMediaDevices';

const canShareScreen = () => typeof navigator !== 'undefined' && !!navigator.mediaDevices && 'getDisplayMedia' in navigator.mediaDevices;

/** The bar under the grid: mic, camera, screen share, device settings, leave. */
export function RoomControls({ client, onLeave }: { client: RoomClient; onLeave: () => void }) {
  const { t } = useTranslation();
  const canPublish = useRoom((s) => s.canPublish);
  const mic = useRoom((s) => s.local.microphone);
  const camera = useRoom((s) => s.local.camera);
  const screen = useRoom((s) => s.local.screen);
  const micLive = !!mic && !mic.paused && mic.track.readyState === 'live';
  const cameraLive = !!camera && camera.track.readyState === 'live';

  return (
    <div className="room-controls" role="toolbar" aria-label={t('room.controls.label')}>
      {canPublish ? (
        <>
          <ControlButton
            testId="toggle-mic"
            icon={micLive ? 'mic' : 'micOff'}
            label={micLive ? t('room.controls.mute') : t('room.controls.unmute')}
            on={micLive}
            onClick={() => void client.setMicMuted(micLive)}
          />
          <ControlButton
            testId="toggle-camera"
            icon={cameraLive ? 'video' : 'videoOff'}
            label={cameraLive ? t('room.controls.cameraOff') : t('room.controls.cameraOn')}
            on={cameraLive}
            onClick={() => void (cameraLive ? client.disableCamera() : client.enableCamera())}
          />
          {canShareScreen() && (
            <ControlButton
              testId="toggle-screen"
              icon="screen"
              label={screen ? t('room.controls.stopShare') : t('room.controls.shareScreen')}
              on={!!screen}
              variant="share"
              onClick={() => void (screen ? client.stopScreenShare() : client.startScreenShare())}
            />
          )}
          <DeviceSettings client={client} />
        </>
      ) : (
        <span className="room-controls-note">{t('room.controls.viewOnly')}</span>
      )}
      <button type="button" className="control control--leave" data-testid="leave-room" aria-label={t('room.controls.leaveLabel')} onClick={onLeave}>
        <Icon name="leave" size={20} />
        <span className="control-text">{t('room.controls.leave')}</span>
      </button>
    </div>
  );
}

function ControlButton({
  testId,
  icon,
  label,
  on,
  variant = 'device',
  onClick,
}: {
  testId: string;
  icon: 'mic' | 'micOff' | 'video' | 'videoOff' | 'screen';
  label: string;
  /** Whether the source is on (the label already says what a click does). */
  on: boolean;
  /** A device shows red while off; a share shows highlighted while on. */
  variant?: 'device' | 'share';
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={`control${variant === 'device' && !on ? ' control--off' : ''}${variant === 'share' && on ? ' control--active' : ''}`}
      data-testid={testId}
      data-on={String(on)}
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      <Icon name={icon} size={20} />
    </button>
  );
}

/** A popover to switch camera and microphone while in the room. */
function DeviceSettings({ client }: { client: RoomClient }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);
  const camera = useRoom((s) => s.local.camera);
  const mic = useRoom((s) => s.local.microphone);
  // What was picked while a source was off (used when it is switched on).
  const [picked, setPicked] = useState<{ camera: string; mic: string }>({ camera: '', mic: '' });
  const devices = useMediaDevices(`${open}:${camera?.track.id ?? ''}:${mic?.track.id ?? ''}`);
  return (
    <div className="control-popover-anchor" ref={ref}>
      <button
        type="button"
        className={`control${open ? ' control--active' : ''}`}
        data-testid="device-settings"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={t('room.controls.settings')}
        title={t('room.controls.settings')}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="settings" size={20} />
      </button>
      {open && (
        <div className="control-popover" role="dialog" aria-label={t('room.settings.title')}>
          <h2 className="control-popover-title">{t('room.settings.title')}</h2>
          <DeviceSelect
            id="room-camera"
            testId="room-camera-select"
            label={t('room.prejoin.camera')}
            devices={devices.cameras}
            value={camera?.deviceId ?? picked.camera}
            emptyLabel={!devices.ready || devices.hasCamera ? t('room.prejoin.defaultDevice') : t('room.prejoin.noCamera')}
            onChange={(id) => {
              setPicked((p) => ({ ...p, camera: id }));
              void client.switchCamera(id);
            }}
          />
          <DeviceSelect
            id="room-mic"
            testId="room-mic-select"
            label={t('room.prejoin.mic')}
            devices={devices.mics}
            value={mic?.deviceId ?? picked.mic}
            emptyLabel={!devices.ready || devices.hasMic ? t('room.prejoin.defaultDevice') : t('room.prejoin.noMic')}
            onChange={(id) => {
              setPicked((p) => ({ ...p, mic: id }));
              void client.switchMic(id);
            }}
          />
        </div>
      )}
    </div>
  );
}
