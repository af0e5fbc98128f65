/**
 * The `wazuh` scanner: Wazuh syscollector dbsync events (`data_type: dbsync_packages` /
 * `dbsync_osinfo`, `operation: INSERTED / MODIFIED / DELETED`), one JSON event per file or per line.
 * Hosts by agent id; the OS event gives the host name. Hosts are yielded at the end of the input.
 */
import { stat } from 'node:fs/promises';
import { type HostInventory, InputError, type Scanner, type SoftwareRecord } from '@zhengban/core';
import { cleanValue, overlongName } from '../common/clean-text.js';
import { filesBelow } from '../common/host-folders.js';
import { osIdFromName } from '../common/os-identity.js';
import { readTextFile } from '../text/text-file.js';

const SOURCE = 'wazuh:syscollector';
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  !!value && typeof value === 'object' && !Array.isArray(value);

export function wazuhScanner(): Scanner {
  return {
    name: 'wazuh',
    description: 'Wazuh syscollector dbsync events (packages, osinfo)',
    async *scan(input, ctx): AsyncGenerator<HostInventory> {
      const hosts = new Map<string, { host: HostInventory; packages: Map<string, SoftwareRecord> }>();
      const files = (await stat(input).catch(() => undefined))?.isDirectory()
        ? await filesBelow(input)
        : [input];
      for (const file of files) {
        const { text } = await readTextFile(file);
        // One pretty-printed event per file, or one event per line.
        const whole = tryJson(text);
        const events: Array<{ value: unknown; line?: number }> =
          whole !== undefined
            ? [{ value: whole }]
            : text
                .split(/\r?\n/)
                .map((line, index) => ({ value: line.trim() === '' ? null : tryJson(line), line: index + 1 }))
                .filter((event) => event.value !== null);
        for (const { value, line } of events) {
          const event = isObject(value) ? value : undefined;
          const agent = isObject(event?.agent_info) ? cleanValue(event.agent_info.agent_id) : undefined;
          const data = isObject(event?.data) ? event.data : undefined;
          const type = cleanValue(event?.data_type);
          if (!event || !agent || !data || !type?.startsWith('dbsync_')) {
            if (whole !== undefined)
              throw new InputError(
                `${file}: not a Wazuh syscollector dbsync event (agent_info, data_type, data)`,
                { file, source: 'wazuh' },
                'wazuh.format',
              );
            ctx.problem({
              message: `line ${line} is not a Wazuh syscollector dbsync event`,
              code: 'wazuh.event',
              file,
              ...(line ? { line } : {}),
            });
            continue;
          }
          let state = hosts.get(agent);
          if (!state) {
            state = { host: { id: agent, software: [], scanner: 'wazuh' }, packages: new Map() };
            hosts.set(agent, state);
          }
          const evidence = { source: SOURCE, file, ...(line ? { line } : { key: '/data' }) };
          const deleted = /^deleted$/i.test(cleanValue(event.operation) ?? '');
          if (type === 'dbsync_osinfo') {
            const name = cleanValue(data.os_name) ?? 'unknown';
            const hostname = cleanValue(data.hostname);
            if (hostname) state.host.hostname = hostname;
            state.host.os = { name, evidence };
            const id = cleanValue(data.os_platform) ?? osIdFromName(name);
            if (id) state.host.os.id = id;
            const version = [data.os_major, data.os_minor, data.os_patch]
              .map(cleanValue)
              .filter(Boolean)
              .join('.');
            if (version) state.host.os.version = version;
            const arch = cleanValue(data.architecture);
            if (arch) state.host.os.arch = arch;
          } else if (type === 'dbsync_packages') {
            const name = cleanValue(data.name);
            if (!name) {
              ctx.problem({
                message: `${file}: a package event without a name`,
                code: 'wazuh.package',
                ...evidence,
              });
              continue;
            }
            const overlong = overlongName(name);
            if (overlong) {
              ctx.problem({
                message: `${file}: a package event: ${overlong}`,
                code: 'wazuh.package',
                ...evidence,
              });
              continue;
            }
            const key = `${name}\u0000${cleanValue(data.architecture) ?? ''}`;
            if (deleted) {
              ctx.ignore(state.packages.delete(key) ? 2 : 1, 'deleted package');
              continue;
            }
            if (state.packages.has(key)) ctx.ignore(1, 'replaced by a later event');
            const record: SoftwareRecord = { name, source: SOURCE, evidence };
            const version = cleanValue(data.version);
            const vendor = cleanValue(data.vendor);
            const arch = cleanValue(data.architecture);
            if (version) record.version = version;
            if (vendor) record.publisher = vendor;
            if (arch) record.arch = arch;
            const format = cleanValue(data.format);
            if (format) record.attributes = { packageFormat: format };
            state.packages.set(key, record);
          } else ctx.ignore(1, `${type} is not an inventory event`);
        }
      }
      for (const { host, packages } of hosts.values()) {
        host.software = [...packages.values()];
        yield host;
      }
    },
  };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
