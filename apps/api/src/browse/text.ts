import { isUtf8 } from 'node:buffer';

/** Repository text as a string: UTF-8 when valid, else Latin-1 (every byte kept visible). */
export function decodeText(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
}
