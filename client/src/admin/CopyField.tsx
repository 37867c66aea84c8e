import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A read-only value with a Copy button (falls back to selecting the text when the clipboard is blocked). */
export function CopyField({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      input.current?.select();
    }
  };
  return (
    <div className="copy-field">
      <input ref={input} className="input input--mono" readOnly value={value} aria-label={label} data-testid="invite-url" onFocus={(e) => e.target.select()} />
      <button type="button" className="btn btn--primary" data-testid="invite-copy" onClick={() => void copy()}>
        {copied ? t('invites.copied') : t('invites.copy')}
      </button>
    </div>
  );
}
