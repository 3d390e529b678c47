/** Fills a clone URL template (§2.2): `{scheme}`, `{user}` (dropped with its `@` when anonymous), `{netloc}`, `{prefix}`, `{repo}`, `{repoid}`, `{system_user}`, `{hostname}`. */
export function fillCloneTemplate(
  template: string,
  values: { scheme: string; user: string | null; netloc: string; prefix: string; repo: string; repoId: number; systemUser: string; hostname: string },
  byId: boolean,
): string {
  let t = template;
  if (!values.user) t = t.replace('{user}@', '').replace('{user}', '');
  if (byId) t = t.replace('{repo}', `_${values.repoId}`);
  const tokens: Record<string, string> = {
    scheme: values.scheme,
    user: values.user ?? '',
    netloc: values.netloc,
    prefix: values.prefix,
    repo: values.repo,
    repoid: String(values.repoId),
    system_user: values.systemUser,
    hostname: values.hostname,
  };
  return t.replace(/\{(\w+)\}/g, (whole, name: string) => tokens[name] ?? whole);
}
