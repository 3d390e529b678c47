/**
 * An avatar from the server's template (§3.6): `{size}` is filled with twice the shown size (sharp on
 * dense screens), `{scheme}`/`{netloc}` with this page's. Nothing when avatars are off (null).
 */
export function avatarSrc(template: string, size: number, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return template
    .replace(/\{size\}/g, String(size * 2))
    .replace(/\{scheme\}/g, location.protocol.replace(/:$/, ''))
    .replace(/\{netloc\}/g, location.host);
}

export function Avatar({ url, size = 16 }: { url: string | null | undefined; size?: number }) {
  if (!url) return null;
  return <img className="avatar" src={avatarSrc(url, size)} width={size} height={size} alt="" loading="lazy" />;
}
