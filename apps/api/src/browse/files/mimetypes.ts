/** Content types by extension for raw files; anything unknown is text/plain or octet-stream by content. */
const BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  gif: 'image/gif',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  ico: 'image/x-icon',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  webp: 'image/webp',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  tgz: 'application/gzip',
  bz2: 'application/x-bzip2',
  tar: 'application/x-tar',
  jar: 'application/java-archive',
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  ts: 'text/x-typescript',
  py: 'text/x-python',
  c: 'text/x-c',
  h: 'text/x-c',
  cpp: 'text/x-c++',
  java: 'text/x-java',
  md: 'text/markdown',
  rst: 'text/x-rst',
  txt: 'text/plain',
  sh: 'text/x-shellscript',
  yml: 'text/yaml',
  yaml: 'text/yaml',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  woff: 'font/woff',
  woff2: 'font/woff2',
};

/** Types shown inline by `raw` and previewed on the file page (web-ui.md §1.3). */
const INLINE_IMAGES = new Set(['image/png', 'image/gif', 'image/jpeg', 'image/x-icon', 'image/svg+xml', 'image/bmp', 'image/webp']);

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The file's mimetype by name, falling back on the binary flag. */
export function guessMimetype(path: string, binary: boolean): string {
  return BY_EXTENSION[extensionOf(path)] ?? (binary ? 'application/octet-stream' : 'text/plain');
}

export function isImage(mimetype: string): boolean {
  return INLINE_IMAGES.has(mimetype);
}

/**
 * What `raw` answers with: images inline with their real type; other binaries as an
 * octet-stream attachment; all text as text/plain (never text/html). `download` = `rawfile`: real
 * type, attachment.
 */
export function rawDelivery(path: string, binary: boolean, download: boolean): { contentType: string; attachment: boolean } {
  const type = guessMimetype(path, binary);
  if (download) return { contentType: type === 'text/html' ? 'text/plain; charset=utf-8' : textCharset(type), attachment: true };
  if (isImage(type)) return { contentType: type, attachment: false };
  if (binary) return { contentType: 'application/octet-stream', attachment: true };
  return { contentType: 'text/plain; charset=utf-8', attachment: false };
}

function textCharset(type: string): string {
  return type.startsWith('text/') ? `${type}; charset=utf-8` : type;
}
