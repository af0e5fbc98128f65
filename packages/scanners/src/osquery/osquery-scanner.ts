/**
 * The `osquery` scanner: `osqueryi --json` result arrays (one host per file or per sub-folder, like
 * the windows scanner) and osquery's result log (one JSON event per line, hosts by `hostIdentifier`,
 * `differential` events with `action: added/removed`, `snapshot` events, batched `diffResults`, and the
 * TLS logger's `{"data": [...]}` envelope).
 *
 * A result log describes state changes, so a host is only complete at the end of the file: log hosts
 * are kept (one record per installed package) and yielded when the file ends.
 */
import {
  type Evidence,
  type HostInventory,
  InputError,
  type ScanContext,
  type Scanner,
  type SoftwareRecord,
} from '@zhengban/core';
import { excerpt } from '../common/clean-text.js';
import { fileFailed, reportHostNote, reportLayoutNotes } from '../common/folder-problems.js';
import { listHostFiles } from '../common/host-folders.js';
import { openTextStream, readLines, readTextFile } from '../text/text-file.js';
import { type OsqueryRow, osFromRow, recordFromRow, tableOf } from './osquery-rows.js';

/** Longer names are not software names (as in the csv scanner). */
const MAX_NAME_LENGTH = 1024;

class HostState {
  readonly records = new Map<string, SoftwareRecord>();
  host: HostInventory;
  constructor(id: string) {
    this.host = { id, software: [], scanner: 'osquery' };
  }
}

/** Applies rows to host states and keeps the counts right. */
class OsqueryState {
  readonly hosts = new Map<string, HostState>();
  constructor(private readonly ctx: ScanContext) {}

  host(id: string): HostState {
    let state = this.hosts.get(id);
    if (!state) {
      state = new HostState(id);
      this.hosts.set(id, state);
    }
    return state;
  }

  add(state: HostState, query: string, row: OsqueryRow, evidence: Omit<Evidence, 'source'>): void {
    const table = tableOf(row);
    if (table === 'os_version') {
      state.host.os = osFromRow(row, { source: 'osquery:os_version', ...evidence });
      return;
    }
    if (table === 'system_info') {
      const name = String(row.hostname ?? row.computer_name ?? '').trim();
      if (name) state.host.hostname = name;
      return;
    }
    if (typeof row.name === 'string' && row.name.length > MAX_NAME_LENGTH) {
      // A megabyte "name" is a broken or hostile row, not a program (the csv scanner agrees).
      const where = evidence.line !== undefined ? `line ${evidence.line}` : (evidence.key ?? '');
      this.ctx.problem({
        message: `${where}: the software name is ${row.name.length} characters long, not a software name`,
        code: 'osquery.bad-text',
        params: { where, length: row.name.length },
        ...evidence,
        excerpt: excerpt(row.name),
      });
      return;
    }
    const record = recordFromRow(row, table, evidence);
    if (!record) {
      this.ctx.ignore(1, table === 'other' ? 'not an inventory table' : 'not an installed product');
      return;
    }
    const key = rowKey(query, record);
    if (state.records.has(key)) this.ctx.ignore(1, 'replaced by a later event');
    state.records.set(key, record);
  }

  remove(state: HostState, query: string, row: OsqueryRow): void {
    const table = tableOf(row);
    if (table === 'os_version' || table === 'system_info') return;
    this.ctx.ignore(1, 'removed event');
    const record = recordFromRow(row, table, {});
    if (record && state.records.delete(rowKey(query, record))) this.ctx.ignore(1, 'removed later');
  }

  /** A snapshot replaces everything the same query said before about the host. */
  clearQuery(state: HostState, query: string): void {
    const prefix = `${query}\u0000`;
    for (const key of [...state.records.keys()]) {
      if (!key.startsWith(prefix)) continue;
      state.records.delete(key);
      this.ctx.ignore(1, 'replaced by a later snapshot');
    }
  }

  /** One result-log event; false when it is not one. */
  event(value: unknown, evidence: Omit<Evidence, 'source'>): boolean {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
    const event = value as Record<string, unknown>;
    const decorations = isRow(event.decorations) ? event.decorations : undefined;
    const hostId = String(
      event.hostIdentifier ?? event.host_identifier ?? decorations?.hostname ?? '',
    ).trim();
    const query = typeof event.name === 'string' ? event.name : '';
    if (!hostId || !query) return false;
    const state = this.host(hostId);
    const calendar = typeof event.calendarTime === 'string' ? event.calendarTime : undefined;
    if (calendar) state.host.scannedAt = calendar;
    if (Array.isArray(event.snapshot)) {
      this.clearQuery(state, query);
      for (const row of event.snapshot) if (isRow(row)) this.add(state, query, row, evidence);
      return true;
    }
    const diff = event.diffResults as { added?: unknown; removed?: unknown } | undefined;
    if (diff && typeof diff === 'object') {
      if (Array.isArray(diff.removed))
        for (const row of diff.removed) if (isRow(row)) this.remove(state, query, row);
      if (Array.isArray(diff.added))
        for (const row of diff.added) if (isRow(row)) this.add(state, query, row, evidence);
      return true;
    }
    if (!isRow(event.columns)) return false;
    if (event.action === 'removed') this.remove(state, query, event.columns);
    else this.add(state, query, event.columns, evidence);
    return true;
  }
}

function isRow(value: unknown): value is OsqueryRow {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function rowKey(query: string, record: SoftwareRecord): string {
  return `${query}\u0000${record.source}\u0000${record.name}\u0000${record.version ?? ''}\u0000${record.arch ?? ''}`;
}

/**
 * The host's records. A security product that is also an installed program (火绒 in both `programs`
 * and `windows_security_products`) is one installation: its state goes onto the program's record.
 */
function finish(state: HostState, ctx: ScanContext): HostInventory {
  const software: SoftwareRecord[] = [];
  const programs = new Map<string, SoftwareRecord>();
  for (const record of state.records.values())
    if (record.source !== 'osquery:windows_security_products')
      programs.set(record.name.toLowerCase(), record);
  for (const record of state.records.values()) {
    const program =
      record.source === 'osquery:windows_security_products'
        ? programs.get(record.name.toLowerCase())
        : undefined;
    if (program) {
      program.attributes = { ...program.attributes, ...record.attributes };
      ctx.ignore(1, 'security product merged into its program record');
    } else software.push(record);
  }
  state.host.software = software;
  return state.host;
}

export interface OsqueryScannerOptions {
  /** Unit names of the units file: a sub-folder named after one holds that unit's computers. */
  units?: Iterable<string>;
}

export function osqueryScanner(options: OsqueryScannerOptions = {}): Scanner {
  return {
    name: 'osquery',
    description:
      'osquery: osqueryi --json results and result logs (programs, deb/rpm packages, os_version, security products)',
    async *scan(input, ctx): AsyncGenerator<HostInventory> {
      const logState = new OsqueryState(ctx);
      const layout = await listHostFiles(input, { units: new Set(options.units ?? []) });
      reportLayoutNotes(ctx, layout);
      for (const group of layout.hosts) {
        const groupState = new OsqueryState(ctx);
        for (const file of group.files) {
          if (ctx.signal.aborted) return;
          try {
            await readOsqueryFile(file, group.id, logState, groupState, ctx);
          } catch (error) {
            // In a folder, one unreadable file costs that file only; the other files count.
            fileFailed(ctx, error, file, group.single);
          }
        }
        if (groupState.hosts.size > 0) reportHostNote(ctx, group);
        for (const state of groupState.hosts.values()) {
          const host = finish(state, ctx);
          if (host.hostname) host.id = host.hostname;
          if (group.unit !== undefined) host.unit = group.unit;
          yield host;
        }
      }
      for (const state of logState.hosts.values()) yield finish(state, ctx);
    },
  };
}

async function readOsqueryFile(
  file: string,
  groupId: string,
  logState: OsqueryState,
  groupState: OsqueryState,
  ctx: ScanContext,
): Promise<void> {
  const { chunks } = await openTextStream(file, ctx.signal);
  const lines = readLines(chunks);
  let first = await lines.next();
  while (!first.done && first.value.text.trim() === '') first = await lines.next();
  if (first.done)
    throw new InputError(
      `${file}: empty; expected osquery JSON results or a result log`,
      { file, source: 'osquery' },
      'osquery.format',
      { file, detail: { zh: '（文件为空）', en: '' } },
    );
  const firstEvent = tryJson(first.value.text);
  if (firstEvent !== undefined && logState.event(firstEvent, { file, line: first.value.line })) {
    for await (const { text, line, tooLong } of lines) {
      if (ctx.signal.aborted) return;
      if (text.trim() === '') continue;
      const value = tooLong ? undefined : tryJson(text);
      if (value === undefined || !logState.event(value, { file, line })) {
        ctx.problem({
          message: `line ${line} is not an osquery result event (JSON with name, hostIdentifier and columns or snapshot)`,
          code: 'osquery.line',
          params: { line },
          file,
          line,
          excerpt: excerpt(text),
        });
      }
    }
    return;
  }
  await lines.return(undefined);
  const { text } = await readTextFile(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${file}: not osquery output (${(error as Error).message}); expected an osqueryi --json array or a result log`,
      { file, source: 'osquery' },
      'osquery.format',
      { file, detail: { zh: `（无法解析：${(error as Error).message}）`, en: '' } },
    );
  }
  // The TLS logger posts {"data": [events], "log_type": "result"}.
  const envelope = data as { data?: unknown; log_type?: unknown };
  if (envelope && !Array.isArray(data) && Array.isArray(envelope.data)) {
    envelope.data.forEach((event, index) => {
      if (!logState.event(event, { file, key: `/data/${index}` })) {
        ctx.problem({
          message: `${file}: /data/${index} is not an osquery result event`,
          code: 'osquery.event',
          params: { file, index },
          file,
          key: `/data/${index}`,
        });
      }
    });
    return;
  }
  if (!Array.isArray(data))
    throw new InputError(
      `${file}: not osquery output; expected an osqueryi --json array or a result log`,
      { file, source: 'osquery' },
      'osquery.format',
      { file, detail: { zh: '', en: '' } },
    );
  const state = groupState.host(groupId);
  data.forEach((row, index) => {
    if (isRow(row)) groupState.add(state, file, row, { file, key: `/${index}` });
    else
      ctx.problem({
        message: `${file}: /${index} is not a row object`,
        code: 'osquery.row',
        params: { file, index },
        file,
        key: `/${index}`,
      });
  });
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
