import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormError } from '../../../components/ui/flash';
import { QueryState } from '../../../components/ui/query-state';
import { useFiles } from '../../../features/repo-browse/api/browse-api';
import { useFileCommit } from '../../../features/repo-browse/api/mutations';
import { useRepoContext } from '../../../features/repo-browse/repo-context';
import { RequireUser } from '../../require-user';
import { useT } from '../../../lib/i18n';
import { repoUrls } from '../../../lib/repo-paths';

/** `/{repo}/{edit|add|delete}/{rev}/{path}` for users with write access. */
export function FileEditPage({ kind, rev, path }: { kind: 'edit' | 'add' | 'delete'; rev: string; path: string }) {
  return <RequireUser>{kind === 'add' ? <AddForm rev={rev} location={path} /> : <ExistingFileForm kind={kind} rev={rev} path={path} />}</RequireUser>;
}

function useAfterCommit() {
  const navigate = useNavigate();
  const { base } = useRepoContext();
  const t = useT();
  return (rawId: string, path: string) => navigate(repoUrls.changeset(base, rawId), { state: { flash: t('edit.committed', { path }) } });
}

function ExistingFileForm({ kind, rev, path }: { kind: 'edit' | 'delete'; rev: string; path: string }) {
  const t = useT();
  const { ref } = useRepoContext();
  const file = useFiles(ref, rev, path, true);
  return (
    <QueryState query={file}>
      {(data) => {
        if (data.kind !== 'file') return <FormError message={t('edit.notAFile')} />;
        if (!data.editability.canWrite) return <FormError message={t('edit.noWrite')} />;
        if (!data.editability.branch) return <FormError message={t('files.notAtHead')} />;
        if (kind === 'edit' && data.binary) return <FormError message={t('files.binaryNoEdit')} />;
        return <ExistingFileEditor kind={kind} branch={data.editability.branch} headId={data.editability.headId} path={path} original={data.content ?? ''} />;
      }}
    </QueryState>
  );
}

function ExistingFileEditor({ kind, branch, headId, path, original }: { kind: 'edit' | 'delete'; branch: string; headId: string | null; path: string; original: string }) {
  const t = useT();
  const { ref } = useRepoContext();
  const commit = useFileCommit(ref, kind);
  const after = useAfterCommit();
  const crlf = original.includes('\r\n');
  const [content, setContent] = useState(original);
  const [message, setMessage] = useState(kind === 'edit' ? t('edit.defaultEditMessage', { path }) : t('edit.defaultDeleteMessage', { path }));
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="file-edit"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        // keep the original file's line-ending style
        const body = crlf ? content.replace(/\r?\n/g, '\r\n') : content;
        if (kind === 'edit' && body === original) return setError(t('edit.noChanges'));
        commit.mutate(kind === 'edit' ? { rev: branch, parentId: headId, path, content: body, message } : { rev: branch, parentId: headId, path, message }, {
          onSuccess: (r) => after(r.changeset.rawId, path),
          onError: (err) => setError(err.message),
        });
      }}
    >
      <h2>{kind === 'edit' ? t('edit.editTitle', { path, branch }) : t('edit.deleteTitle', { path, branch })}</h2>
      {kind === 'edit' && <textarea aria-label={t('edit.content')} value={content} onChange={(e) => setContent(e.target.value)} rows={25} cols={100} spellCheck={false} />}
      <label>
        {t('edit.message')}
        <textarea aria-label={t('edit.message')} value={message} onChange={(e) => setMessage(e.target.value)} rows={3} />
      </label>
      <FormError message={error} />
      <button type="submit" className={kind === 'delete' ? 'button danger' : 'button'} disabled={commit.isPending}>
        {kind === 'edit' ? t('edit.commit') : t('edit.deleteCommit')}
      </button>
    </form>
  );
}

function AddForm({ rev, location: initial }: { rev: string; location: string }) {
  const t = useT();
  const { ref } = useRepoContext();
  const commit = useFileCommit(ref, 'add');
  const after = useAfterCommit();
  const [filename, setFilename] = useState('');
  const [location, setLocation] = useState(initial);
  const [content, setContent] = useState('');
  const [upload, setUpload] = useState<{ name: string; base64: string } | null>(null);
  const [message, setMessage] = useState(t('edit.defaultAddMessage'));
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="file-edit"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        const name = filename || upload?.name || '';
        if (!name) return setError(t('edit.noFilename'));
        if (!upload && !content) return setError(t('edit.noContent'));
        if (location.startsWith('/') || location.split('/').includes('..')) return setError(t('edit.badLocation'));
        commit.mutate(
          { rev, location, filename: name, message, ...(upload ? { contentBase64: upload.base64 } : { content: content.replace(/\r\n?/g, '\n') }) },
          { onSuccess: (r) => after(r.changeset.rawId, location ? `${location}/${name}` : name), onError: (err) => setError(err.message) },
        );
      }}
    >
      <h2>{t('edit.addTitle', { branch: rev })}</h2>
      <label>
        {t('edit.location')} <input value={location} onChange={(e) => setLocation(e.target.value)} />
      </label>
      <label>
        {t('edit.filename')} <input value={filename} onChange={(e) => setFilename(e.target.value)} />
      </label>
      <label>
        {t('edit.upload')}{' '}
        <input
          type="file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return setUpload(null);
            const reader = new FileReader();
            reader.onload = () => setUpload({ name: file.name, base64: String(reader.result).replace(/^data:[^,]*,/, '') });
            reader.readAsDataURL(file);
          }}
        />
      </label>
      {!upload && <textarea aria-label={t('edit.content')} value={content} onChange={(e) => setContent(e.target.value)} rows={20} cols={100} spellCheck={false} />}
      <label>
        {t('edit.message')}
        <textarea aria-label={t('edit.message')} value={message} onChange={(e) => setMessage(e.target.value)} rows={3} />
      </label>
      <FormError message={error} />
      <button type="submit" className="button" disabled={commit.isPending}>
        {t('edit.commit')}
      </button>
    </form>
  );
}
