/**
 * The Wazuh message shapes the `wazuh` scanner reads, each turned into one `WazuhFacts`: the agent,
 * its host name and OS when the message says them, and the packages it inserts or deletes.
 *
 * - Wazuh 4 syscollector dbsync events: `{agent_info: {agent_id}, data_type: dbsync_osinfo |
 *   dbsync_packages, data: {…}, operation: INSERTED | MODIFIED | DELETED}`.
 * - Wazuh 4 state events: `{agent_info, data_type: state, data: {attributes_type:
 *   syscollector_osinfo | syscollector_packages, attributes: {…}}}` (same fields as dbsync's `data`).
 * - Wazuh 5 `VDSync` messages: `{Start: {agentid, hostname, osname, osplatform, osversion, …},
 *   data_values: [{id, operation: upsert | delete, payload: {package: {…}}}], data_context: [{payload:
 *   {host: {os: {…}}}}]}`.
 */
import type { HostInventory, SoftwareRecord } from '@zhengban/core';
import { cleanValue, overlongName } from '../common/clean-text.js';
import { osIdFromName } from '../common/os-identity.js';

export const WAZUH_SOURCE = 'wazuh:syscollector';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** A package keyed so that a later message about the same package replaces or deletes it. */
export interface WazuhPackage {
  key: string;
  record?: SoftwareRecord;
  deleted: boolean;
}

export interface WazuhFacts {
  agent: string;
  hostname?: string;
  os?: NonNullable<HostInventory['os']>;
  packages: WazuhPackage[];
  /** Events that are Wazuh's but carry no inventory (e.g. `dbsync_hwinfo`), to be counted as ignored. */
  ignored: string[];
  /** Package entries without a usable name (none, or one too long to be a name), by JSON pointer. */
  nameless: string[];
  /** The line of a message read one per line. */
  line?: number;
}

export interface WhereRead {
  file: string;
  line?: number;
}

/** The facts of one message, or undefined when the value is no Wazuh message this scanner knows. */
export function readWazuhMessage(value: unknown, where: WhereRead): WazuhFacts | undefined {
  if (!isObject(value)) return undefined;
  if (isObject(value.Start) && Array.isArray(value.data_values)) return readVdSync(value, where);
  const agent = isObject(value.agent_info) ? cleanValue(value.agent_info.agent_id) : undefined;
  const type = cleanValue(value.data_type);
  const data = isObject(value.data) ? value.data : undefined;
  if (!agent || !type || !data) return undefined;
  const facts: WazuhFacts = { agent, packages: [], ignored: [], nameless: [] };
  if (where.line) facts.line = where.line;
  const at = (key: string) => evidence(where, key);
  const deleted = /^deleted$/i.test(cleanValue(value.operation) ?? '');
  if (type === 'dbsync_osinfo') readOsInfo(data, facts, at('/data'));
  else if (type === 'dbsync_packages') addPackage(data, facts, deleted, at('/data'), '/data');
  else if (type === 'state') {
    const attributes = isObject(data.attributes) ? data.attributes : undefined;
    const kind = cleanValue(data.attributes_type);
    if (!attributes || !kind) return undefined;
    if (kind === 'syscollector_osinfo') readOsInfo(attributes, facts, at('/data/attributes'));
    else if (kind === 'syscollector_packages')
      addPackage(attributes, facts, false, at('/data/attributes'), '/data/attributes');
    else facts.ignored.push(`${kind} is not an inventory event`);
  } else facts.ignored.push(`${type} is not an inventory event`);
  return facts;
}

function readOsInfo(data: Json, facts: WazuhFacts, where: SoftwareRecord['evidence']): void {
  const hostname = cleanValue(data.hostname);
  if (hostname) facts.hostname = hostname;
  const name = cleanValue(data.os_name) ?? 'unknown';
  const os: NonNullable<HostInventory['os']> = { name, evidence: where };
  const id = cleanValue(data.os_platform) ?? osIdFromName(name);
  if (id) os.id = id;
  const version = joinVersion(data.os_major, data.os_minor, data.os_patch);
  if (version) os.version = version;
  const arch = cleanValue(data.architecture);
  if (arch) os.arch = arch;
  facts.os = os;
}

/** Wazuh 4 package fields (`name`, `version`, `vendor`, `architecture`, `format`); keyed by name and arch. */
function addPackage(
  data: Json,
  facts: WazuhFacts,
  deleted: boolean,
  where: SoftwareRecord['evidence'],
  pointer: string,
): void {
  const name = cleanValue(data.name);
  if (!name || overlongName(name)) {
    facts.nameless.push(pointer);
    return;
  }
  const key = `${name}\u0000${cleanValue(data.architecture) ?? ''}`;
  facts.packages.push(
    deleted ? { key, deleted } : { key, deleted, record: packageRecord(data, name, where, data.format) },
  );
}

function readVdSync(message: Json, where: WhereRead): WazuhFacts | undefined {
  const start = message.Start as Json;
  const agent = cleanValue(start.agentid);
  if (!agent) return undefined;
  const facts: WazuhFacts = { agent, packages: [], ignored: [], nameless: [] };
  if (where.line) facts.line = where.line;
  const hostname = cleanValue(start.hostname) ?? cleanValue(start.agentname);
  if (hostname) facts.hostname = hostname;
  facts.os = vdSyncOs(start, message.data_context, where);
  (message.data_values as unknown[]).forEach((entry, index) => {
    const pointer = `/data_values/${index}/payload/package`;
    const payload = isObject(entry) && isObject(entry.payload) ? entry.payload : undefined;
    const pkg = payload && isObject(payload.package) ? payload.package : undefined;
    if (!isObject(entry) || !pkg) {
      facts.ignored.push('a data value that is not a package');
      return;
    }
    const name = cleanValue(pkg.name);
    if (!name || overlongName(name)) {
      facts.nameless.push(pointer);
      return;
    }
    // Wazuh 5 names each package document by its id; two versions of one package are two documents.
    const key = cleanValue(entry.id) ?? `${name}\u0000${cleanValue(pkg.architecture) ?? ''}`;
    const deleted = /^delete/i.test(cleanValue(entry.operation) ?? '');
    facts.packages.push(
      deleted
        ? { key, deleted }
        : { key, deleted, record: packageRecord(pkg, name, evidence(where, pointer), pkg.type) },
    );
  });
  return facts;
}

/** The OS of a VDSync message: the context's `host.os` when there is one, else the `Start` fields. */
function vdSyncOs(start: Json, context: unknown, where: WhereRead): NonNullable<HostInventory['os']> {
  const index = Array.isArray(context)
    ? context.findIndex((entry) => isObject(entry) && isObject(entry.payload) && isObject(entry.payload.host))
    : -1;
  const host = index >= 0 ? (((context as Json[])[index]!.payload as Json).host as Json) : undefined;
  const os = host && isObject(host.os) ? host.os : undefined;
  const name = cleanValue(os?.name) ?? cleanValue(start.osname) ?? 'unknown';
  const result: NonNullable<HostInventory['os']> = {
    name,
    evidence: evidence(where, os ? `/data_context/${index}/payload/host/os` : '/Start'),
  };
  const id = cleanValue(os?.platform) ?? cleanValue(start.osplatform) ?? osIdFromName(name);
  if (id) result.id = id;
  const version = (os && joinVersion(os.major, os.minor, os.patch)) || cleanValue(start.osversion);
  if (version) result.version = version;
  const arch = cleanValue(host?.architecture) ?? cleanValue(start.architecture);
  if (arch) result.arch = arch;
  return result;
}

function packageRecord(
  data: Json,
  name: string,
  where: SoftwareRecord['evidence'],
  format: unknown,
): SoftwareRecord {
  const record: SoftwareRecord = { name, source: WAZUH_SOURCE, evidence: where };
  const version = cleanValue(data.version);
  const vendor = cleanValue(data.vendor);
  const arch = cleanValue(data.architecture);
  if (version) record.version = version;
  if (vendor) record.publisher = vendor;
  if (arch) record.arch = arch;
  const packageFormat = cleanValue(format);
  if (packageFormat) record.attributes = { packageFormat };
  return record;
}

function joinVersion(...parts: unknown[]): string {
  return parts.map(cleanValue).filter(Boolean).join('.');
}

function evidence(where: WhereRead, key: string): SoftwareRecord['evidence'] {
  return { source: WAZUH_SOURCE, file: where.file, ...(where.line ? { line: where.line } : { key }) };
}
