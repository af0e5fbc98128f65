import { describe, expect, it } from 'vitest';
import { printable } from '../src/printable.js';
import { displayWidth, formatTable } from '../src/text-table.js';

describe('CLI text tables', () => {
  it('counts Chinese characters as two columns and aligns on them', () => {
    expect(displayWidth('市财政局')).toBe(8);
    expect(displayWidth('WPS')).toBe(3);
    expect(
      formatTable([
        ['单位', 'n'],
        ['市财政局', '12'],
        ['IT', '3'],
      ]),
    ).toBe('单位      n\n市财政局  12\nIT        3\n');
  });

  it('shows control characters from inputs instead of sending them to the terminal', () => {
    expect(printable('evil\u001b[2Jname\r')).toBe('evil\\x1B[2Jname\\x0D');
    expect(formatTable([['a\u001bb', 'x']])).toBe('a\\x1Bb  x\n');
  });
});

describe('names from inputs on the terminal', () => {
  it('bidi controls are shown escaped, not obeyed', () => {
    expect(printable('\u202Egnp.exe')).toBe('\\u202Egnp.exe');
    expect(printable('a\u2066b\u2069c\u200F')).toBe('a\\u2066b\\u2069c\\u200F');
  });
});
