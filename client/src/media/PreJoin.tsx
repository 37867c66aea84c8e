import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { Alert, Spinner } from '../ui/States';
import { DeviceSelect } from './DeviceSelect';
import { trackDeviceId } from './localMedia';
import type { MediaErrorKind } from './roomStore';
import { TrackVideo } from './TrackMedia';
import { useAudioLevel } from './useAudioLevel';
import { useMediaDevices } from './useMediaDevices';
import { usePreviewMedia, type PreviewState } from './usePreviewMedia';

/** What the pre-join screen hands to the room: the chosen devices and their live preview tracks. */
export interface JoinChoice {
  /** Publish the camera / microphone on joining. */
  camera: boolean;
  mic: boolean;
  cameraId: string;
  micId: string;
  /** Live preview tracks, now owned by the caller; null when that source is off or failed. */
  video: MediaStreamTrack | null;
  audio: MediaStreamTrack | null;
}

/** The lobby of a room: camera preview, device pickers, on/off toggles, a mic level meter and Join. */
export function PreJoin({ title, onJoin }: { title: string; onJoin: (choice: JoinChoice) => void }) {
  const { t } = useTranslation();
  const [cameraOn, setCameraOn] = useState(true);
  const [micOn, setMicOn] = useState(true);
  const [cameraId, setCameraId] = useState('');
  const [micId, setMicId] = useState('');
  const [cameraAttempt, setCameraAttempt] = useState(0);
  const [micAttempt, setMicAttempt] = useState(0);
  const preview = usePreviewMedia({ cameraOn, micOn, cameraId, micId, cameraAttempt, micAttempt });
  // A blocked or missing device shows as off; switching it "on" again tries once more.
  const cameraShownOn = cameraOn && preview.camera.kind !== 'error';
  const micShownOn = micOn && preview.mic.kind !== 'error';
  const setCamera = (on: boolean) => {
    if (on && preview.camera.kind === 'error') setCameraAttempt((n) => n + 1);
    setCameraOn(on);
  };
  const setMic = (on: boolean) => {
    if (on && preview.mic.kind === 'error') setMicAttempt((n) => n + 1);
    setMicOn(on);
  };
  const videoTrack = preview.camera.kind === 'on' ? preview.camera.track : null;
  const audioTrack = preview.mic.kind === 'on' ? preview.mic.track : null;
  const devices = useMediaDevices(`${videoTrack?.id ?? ''}:${audioTrack?.id ?? ''}`);
  const level = useAudioLevel(audioTrack);

  const join = () => {
    const { video, audio } = preview.handOver();
    // A source that failed here (blocked, missing) is not retried in the room; the user was told why.
    onJoin({
      camera: cameraShownOn,
      mic: micShownOn,
      cameraId: cameraId || (video ? (trackDeviceId(video) ?? '') : ''),
      micId: micId || (audio ? (trackDeviceId(audio) ?? '') : ''),
      video,
      audio,
    });
  };

  return (
    <div className="prejoin">
      <div className="prejoin-stage">
        <div className="prejoin-video">
          <TrackVideo track={videoTrack} mirrored testId="prejoin-preview" label={t('room.prejoin.preview')} />
          {!videoTrack && (
            <div className="tile-placeholder prejoin-placeholder">
              {preview.camera.kind === 'opening' ? (
                <Spinner />
              ) : (
                <span>{preview.camera.kind === 'error' ? t('room.prejoin.cameraUnavailable') : t('room.prejoin.cameraOff')}</span>
              )}
            </div>
          )}
          <div className="prejoin-toggles">
            <button
              type="button"
              className={`control${micShownOn ? '' : ' control--off'}`}
              data-testid="prejoin-mic-toggle"
              data-on={String(micShownOn)}
              aria-label={micShownOn ? t('room.prejoin.turnMicOff') : t('room.prejoin.turnMicOn')}
              title={micShownOn ? t('room.prejoin.turnMicOff') : t('room.prejoin.turnMicOn')}
              onClick={() => setMic(!micShownOn)}
            >
              <Icon name={micShownOn ? 'mic' : 'micOff'} size={20} />
            </button>
            <button
              type="button"
              className={`control${cameraShownOn ? '' : ' control--off'}`}
              data-testid="prejoin-camera-toggle"
              data-on={String(cameraShownOn)}
              aria-label={cameraShownOn ? t('room.prejoin.turnCameraOff') : t('room.prejoin.turnCameraOn')}
              title={cameraShownOn ? t('room.prejoin.turnCameraOff') : t('room.prejoin.turnCameraOn')}
              onClick={() => setCamera(!cameraShownOn)}
            >
              <Icon name={cameraShownOn ? 'video' : 'videoOff'} size={20} />
            </button>
          </div>
        </div>
      </div>

      <div className="prejoin-panel card">
        <h1 className="prejoin-title">{t('room.prejoin.title')}</h1>
        <p className="muted">{title}</p>
        {(preview.camera.kind === 'error' || preview.mic.kind === 'error') && (
          <div className="prejoin-alerts">
            <CaptureError state={preview.camera} device={t('room.device.camera')} />
            <CaptureError state={preview.mic} device={t('room.device.microphone')} />
          </div>
        )}
        <DeviceSelect
          id="prejoin-camera"
          testId="camera-select"
          label={t('room.prejoin.camera')}
          devices={devices.cameras}
          value={cameraId || (videoTrack ? (trackDeviceId(videoTrack) ?? '') : '')}
          emptyLabel={!devices.ready || devices.hasCamera ? t('room.prejoin.defaultDevice') : t('room.prejoin.noCamera')}
          onChange={setCameraId}
        />
        <DeviceSelect
          id="prejoin-mic"
          testId="mic-select"
          label={t('room.prejoin.mic')}
          devices={devices.mics}
          value={micId || (audioTrack ? (trackDeviceId(audioTrack) ?? '') : '')}
          emptyLabel={!devices.ready || devices.hasMic ? t('room.prejoin.defaultDevice') : t('room.prejoin.noMic')}
          onChange={setMicId}
        />
        <div className="level-meter" role="meter" aria-label={t('room.prejoin.level')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(level * 100)}>
          <Icon name={audioTrack ? 'mic' : 'micOff'} size={16} />
          <span className="level-meter-track">
            <span className="level-meter-fill" style={{ transform: `scaleX(${audioTrack ? level : 0})` }} />
          </span>
        </div>
        <div className="checkbox-row prejoin-checks">
          <label className="checkbox">
            <input type="checkbox" checked={cameraShownOn} onChange={(e) => setCamera(e.target.checked)} />
            {t('room.prejoin.cameraToggleOn')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={micShownOn} onChange={(e) => setMic(e.target.checked)} />
            {t('room.prejoin.micToggleOn')}
          </label>
        </div>
        <button type="button" className="btn btn--primary btn--block btn--large" data-testid="prejoin-join" onClick={join}>
          {t('room.prejoin.join')}
        </button>
        <p className="field-hint">{t('room.prejoin.joinHint')}</p>
      </div>
    </div>
  );
}

function CaptureError({ state, device }: { state: PreviewState; device: string }) {
  const { t } = useTranslation();
  if (state.kind !== 'error') return null;
  return <Alert tone="warning">{mediaErrorText(t, state.error, device)}</Alert>;
}

/** One sentence for a failed capture. */
export function mediaErrorText(t: TFunction, error: MediaErrorKind, device: string): string {
  return t(`room.mediaError.${error}`, { device });
}
