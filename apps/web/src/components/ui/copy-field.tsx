import { useState } from 'react';
import { useT } from '../../lib/i18n';

/** A read-only text field (click selects it) with a copy button. */
export function CopyField({ value, label }: { value: string; label: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <span className="copy-field">
      <input readOnly value={value} aria-label={label} onFocus={(e) => e.currentTarget.select()} onClick={(e) => e.currentTarget.select()} size={Math.min(80, value.length + 2)} />
      <button
        type="button"
        className="button"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        {copied ? t('common.copied') : t('common.copy')}
      </button>
    </span>
  );
}
