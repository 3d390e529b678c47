/** Minimal RSS 2.0 / Atom 1.0 writers (web-ui.md §3.10); every text goes through {@link xml}. */

export interface FeedItem {
  title: string;
  link: string;
  authorName: string;
  authorEmail: string;
  date: Date;
  /** HTML description (escaped into the XML) */
  html: string;
  id: string;
}

export interface Feed {
  title: string;
  link: string;
  description: string;
  items: FeedItem[];
}

export function xml(text: string): string {
  // XML 1.0 cannot carry most control characters at all: drop them
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function rss(feed: Feed): string {
  const items = feed.items
    .map(
      (i) =>
        `<item><title>${xml(i.title)}</title><link>${xml(i.link)}</link><author>${xml(i.authorEmail ? `${i.authorEmail} (${i.authorName})` : i.authorName)}</author>` +
        `<pubDate>${i.date.toUTCString()}</pubDate><guid isPermaLink="false">${xml(i.id)}</guid><description>${xml(i.html)}</description></item>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>${xml(feed.title)}</title><link>${xml(feed.link)}</link>` +
    `<description>${xml(feed.description)}</description><language>en-us</language><ttl>5</ttl>` +
    `<lastBuildDate>${(feed.items[0]?.date ?? new Date(0)).toUTCString()}</lastBuildDate>${items}</channel></rss>\n`
  );
}

export function atom(feed: Feed): string {
  const items = feed.items
    .map(
      (i) =>
        `<entry><title>${xml(i.title)}</title><link href="${xml(i.link)}" rel="alternate"/><id>${xml(i.link)}</id>` +
        `<author><name>${xml(i.authorName)}</name>${i.authorEmail ? `<email>${xml(i.authorEmail)}</email>` : ''}</author>` +
        `<updated>${i.date.toISOString()}</updated><published>${i.date.toISOString()}</published><summary type="html">${xml(i.html)}</summary></entry>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-us"><title>${xml(feed.title)}</title>` +
    `<link href="${xml(feed.link)}" rel="alternate"/><id>${xml(feed.link)}</id><subtitle>${xml(feed.description)}</subtitle>` +
    `<updated>${(feed.items[0]?.date ?? new Date(0)).toISOString()}</updated>${items}</feed>\n`
  );
}

/** HTML-escapes text for the item descriptions. */
export function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
