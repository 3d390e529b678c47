/**
 * HTML produced by urlify (escaped text plus fixed tags) or by the sanitiser; never raw user HTML.
 * `as` picks the wrapper element.
 */
export function RichText({ html, as: Tag = 'span', className }: { html: string; as?: 'span' | 'div' | 'p'; className?: string }) {
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
