import { ReactNode, useState } from 'react';
import { useT } from '../../lib/i18n';

/**
 * A destructive action with an inline "are you sure" step (no browser dialog): the first click
 * shows the question with Confirm and Cancel.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled = false,
  children,
}: {
  label: string;
  question: string;
  confirmLabel?: string;
  onConfirm: () => void;
  disabled?: boolean;
  /** extra choices shown with the question (e.g. what to do with forks) */
  children?: ReactNode;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button danger" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={question}>
      <p>{question}</p>
      {children}
      <div className="actions">
        <button
          type="button"
          className="button danger"
          disabled={disabled}
          onClick={() => {
            onConfirm();
            setAsking(false);
          }}
        >
          {confirmLabel ?? t('common.confirm')}
        </button>
        <button type="button" className="button" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
