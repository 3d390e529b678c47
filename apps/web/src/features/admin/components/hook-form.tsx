import { createHookSchema, customHookProblem, type CreateHook } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { FormError } from '../../../components/ui/flash';
import { firstIssue } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';

/** One custom hook: `<type>.<name>`, its shell command and whether it is active (add or edit). */
export function HookForm({
  initial,
  submitLabel,
  submitting,
  serverError,
  onSubmit,
  clearOnSubmit = false,
}: {
  initial?: CreateHook;
  submitLabel: string;
  submitting: boolean;
  serverError?: string | null;
  onSubmit: (body: CreateHook) => void;
  clearOnSubmit?: boolean;
}) {
  const t = useT();
  const [key, setKey] = useState(initial?.key ?? '');
  const [value, setValue] = useState(initial?.value ?? '');
  const [active, setActive] = useState(initial?.active ?? true);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = createHookSchema.safeParse({ key, value, active });
    const problem = parsed.success ? customHookProblem(parsed.data.key, parsed.data.value) : firstIssue(parsed.error);
    if (!parsed.success || problem) {
      setError(problem);
      return;
    }
    setError(null);
    onSubmit(parsed.data);
    if (clearOnSubmit) {
      setKey('');
      setValue('');
      setActive(true);
    }
  };

  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-label={submitLabel}>
      <label className="field">
        <span>{t('hooks.key')}</span>
        <input name="key" value={key} placeholder="changegroup.notify" onChange={(e) => setKey(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('hooks.value')}</span>
        <input name="value" value={value} placeholder="/usr/local/bin/notify-ci" onChange={(e) => setValue(e.target.value)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" name="active" checked={active} onChange={(e) => setActive(e.target.checked)} />
        <span>{t('hooks.active')}</span>
      </label>
      <button type="submit" className="button primary" disabled={submitting}>
        {submitLabel}
      </button>
      <FormError message={error ?? serverError} />
    </form>
  );
}
