// A custom zhengban scanner: reads the JSON export of an asset-management system
// ({ "assets": [{ "assetNo", "dept", "os", "software": [{ "title", "ver", "vendor" }] }] })
// and yields one HostInventory per computer. Run it: node run.mjs sample-assets.json
import { readFile } from 'node:fs/promises';
import { defineScanner, InputError } from '@zhengban/core';

const SOURCE = 'asset-export';

/** @param {{ unitPrefix?: string }} [options] */
export function assetScanner(options = {}) {
  return defineScanner({
    name: 'asset-export',
    description: 'JSON export of the asset-management system',
    async *scan(input, ctx) {
      let data;
      try {
        data = JSON.parse(await readFile(input, 'utf8'));
      } catch (error) {
        // Not our format at all: one clear error naming the file.
        throw new InputError(`${input}: not an asset export (${error.message})`, {
          file: input,
          source: 'asset-export',
        });
      }
      if (!Array.isArray(data?.assets)) {
        throw new InputError(`${input}: not an asset export (no "assets" array)`, {
          file: input,
          source: 'asset-export',
        });
      }
      for (const [index, asset] of data.assets.entries()) {
        if (ctx.signal.aborted) return; // Ctrl-C: stop yielding
        const key = `/assets/${index}`;
        if (typeof asset?.assetNo !== 'string' || asset.assetNo.trim() === '') {
          // One unreadable record: report it with its location and go on.
          ctx.problem({ message: `${key} has no assetNo`, code: 'asset.no-id', file: input, key });
          continue;
        }
        /** @type {import('@zhengban/core').HostInventory} */
        const host = { id: asset.assetNo.trim(), scanner: 'asset-export', software: [] };
        if (asset.dept) host.unit = `${options.unitPrefix ?? ''}${asset.dept}`;
        if (asset.os)
          host.os = { name: asset.os, evidence: { source: SOURCE, file: input, key: `${key}/os` } };
        for (const [n, item] of (asset.software ?? []).entries()) {
          const at = `${key}/software/${n}`;
          if (typeof item?.title !== 'string' || item.title.trim() === '') {
            ctx.problem({ message: `${at} has no title`, code: 'asset.no-title', file: input, key: at });
            continue;
          }
          if (item.type === 'patch') {
            ctx.ignore(1, 'a patch is not a product'); // read fine, but not an installed product
            continue;
          }
          host.software.push({
            name: item.title.trim(),
            ...(item.ver ? { version: String(item.ver) } : {}),
            ...(item.vendor ? { publisher: item.vendor } : {}),
            source: SOURCE,
            evidence: { source: SOURCE, file: input, key: at },
          });
        }
        yield host; // one computer at a time
      }
    },
  });
}
