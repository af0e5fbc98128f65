/** Broken Linux inputs and what the linux scanner must make of each. */
import { binaryJunk, longLine } from '../junk.js';

export const linuxCases = {
  /** A dpkg status file cut off inside a paragraph, before its Version. */
  truncated: () =>
    Buffer.from(
      'Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b2\n\nPackage: coreutils\nStatus: install ok installed\nArchi',
    ),
  binary: () => binaryJunk(),
  /** dpkg-query output with a 1 MB line in the middle. */
  oneMegabyteLine: () =>
    Buffer.from(`bash\t5.2.15-2+b2\tinstall ok installed\n${longLine()}\nsed\t4.9-1\tinstall ok installed\n`),
};
