/**
 * Width of a string in terminal cells (a CJK character is two). string-width segments every
 * string into graphemes, which is slow over a province's worth of cells, so plain ASCII — most
 * host names, versions and ids — is measured by its length.
 */
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}
