import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoundedReadError, readRegularFile, readRegularFileSync } from '../src/bounded-read.js';

describe('bounded whole-file reads', () => {
  it('refuse what is not a regular file, at once', async () => {
    expect(() => readRegularFileSync('/dev/zero', 1024)).toThrow(BoundedReadError);
    await expect(readRegularFile('/dev/zero', 1024)).rejects.toMatchObject({ reason: 'not-a-file' });
  });

  it('refuse a file over the limit and read one at the limit', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zhengban-bounded-')), 'f');
    writeFileSync(file, 'x'.repeat(1000));
    expect(readRegularFileSync(file, 1000).length).toBe(1000);
    expect((await readRegularFile(file, 1000)).length).toBe(1000);
    expect(() => readRegularFileSync(file, 999)).toThrow(
      expect.objectContaining({ reason: 'too-large', size: 1000 }),
    );
    await expect(readRegularFile(file, 999)).rejects.toMatchObject({ reason: 'too-large' });
  });
});
