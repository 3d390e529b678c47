import type { HookDto } from '@grove/shared';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { FormError } from '../../../components/ui/flash';
import { QueryState } from '../../../components/ui/query-state';
import { useT } from '../../../lib/i18n';
import { useCreateHook, useDeleteHook, useHooks, useUpdateHook } from '../api/hooks';
import { HookForm } from './hook-form';

/** The settings' Hooks tab: built-in hooks read-only; custom push hooks added, edited, deleted. */
export function HooksPanel() {
  const t = useT();
  const query = useHooks();
  const create = useCreateHook();
  const remove = useDeleteHook();
  return (
    <QueryState query={query}>
      {({ builtIn, custom }) => (
        <div className="panel">
          <h2>{t('hooks.builtIn')}</h2>
          <table className="grid" aria-label={t('hooks.builtIn')}>
            <thead>
              <tr>
                <th>{t('hooks.key')}</th>
                <th>{t('hooks.value')}</th>
                <th>{t('hooks.active')}</th>
              </tr>
            </thead>
            <tbody>
              {builtIn.map((hook) => (
                <tr key={hook.id}>
                  <td>
                    <code>{hook.key}</code>
                  </td>
                  <td>
                    <code>{hook.value}</code>
                  </td>
                  <td>{hook.active ? t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('hooks.custom')}</h2>
          <p className="muted">{t('hooks.help')}</p>
          {custom.length === 0 && <p className="muted">{t('hooks.none')}</p>}
          {custom.map((hook) => (
            <CustomHookRow key={`${hook.id}:${hook.key}:${hook.value}:${hook.active}`} hook={hook} onDelete={() => remove.mutate(hook.id)} />
          ))}
          <FormError message={remove.error?.message} />
          <h3>{t('hooks.new')}</h3>
          <HookForm submitLabel={t('hooks.add')} submitting={create.isPending} serverError={create.error?.message} clearOnSubmit onSubmit={(body) => create.mutate(body)} />
        </div>
      )}
    </QueryState>
  );
}

function CustomHookRow({ hook, onDelete }: { hook: HookDto; onDelete: () => void }) {
  const t = useT();
  const update = useUpdateHook();
  return (
    <div className="hook-row">
      <HookForm
        initial={{ key: hook.key, value: hook.value, active: hook.active }}
        submitLabel={t('hooks.save', { key: hook.key })}
        submitting={update.isPending}
        serverError={update.error?.message}
        onSubmit={(body) => update.mutate({ id: hook.id, ...body })}
      />
      <ConfirmButton label={t('common.delete')} question={t('hooks.deleteQuestion', { key: hook.key })} onConfirm={onDelete} />
    </div>
  );
}
