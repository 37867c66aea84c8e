import { useTranslation } from 'react-i18next';

/** A camera or microphone picker; lists "Default" until the browser names the devices. */
export function DeviceSelect({
  id,
  testId,
  label,
  devices,
  value,
  emptyLabel,
  disabled,
  onChange,
}: {
  id: string;
  testId: string;
  label: string;
  devices: MediaDeviceInfo[];
  value: string;
  emptyLabel: string;
  disabled?: boolean;
  onChange: (deviceId: string) => void;
}) {
  const { t } = useTranslation();
  const known = devices.some((d) => d.deviceId === value);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input" data-testid={testId} value={known ? value : ''} disabled={disabled || devices.length === 0} onChange={(e) => onChange(e.target.value)}>
        {devices.length === 0 ? <option value="">{emptyLabel}</option> : !known && <option value="">{t('room.prejoin.defaultDevice')}</option>}
        {devices.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || t('room.prejoin.deviceUnnamed', { n: i + 1 })}
          </option>
        ))}
      </select>
    </div>
  );
}
