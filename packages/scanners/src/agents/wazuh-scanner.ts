/**
 * The `wazuh` scanner: Wazuh 4 syscollector dbsync and state events and Wazuh 5 `VDSync` messages
 * (shapes in wazuh-events.ts), one JSON message per file or one per line. Computers by agent id and
 * host name (wazuh-fleet.ts); hosts are yielded at the end of the input. In a folder, a file that
 * holds no Wazuh message is a located error and costs that file only.
 */
import { stat } from 'node:fs/promises';
import { type HostInventory, InputError, type ScanContext, type Scanner } from '@zhengban/core';
import { filesBelow } from '../common/host-folders.js';
import { readTextFile } from '../text/text-file.js';
import { readWazuhMessage, type WazuhFacts } from './wazuh-events.js';
import { WazuhFleet } from './wazuh-fleet.js';

const NOT_WAZUH = 'not a Wazuh syscollector message (dbsync or state event, or a VDSync message)';

export function wazuhScanner(): Scanner {
  return {
    name: 'wazuh',
    description: 'Wazuh syscollector messages: Wazuh 4 dbsync/state events, Wazuh 5 VDSync',
    async *scan(input, ctx): AsyncGenerator<HostInventory> {
      const single = !(await stat(input).catch(() => undefined))?.isDirectory();
      const files = single ? [input] : await filesBelow(input);
      const fleet = new WazuhFleet();
      for (const file of files) {
        if (ctx.signal.aborted) return;
        const messages = await readMessages(file, ctx);
        if (messages.length === 0) {
          const message = `${file}: ${NOT_WAZUH}`;
          if (single) throw new InputError(message, { file, source: 'wazuh' }, 'wazuh.format', { file });
          ctx.problem({ message, code: 'wazuh.format', params: { file }, file, fatal: true });
          continue;
        }
        for (const facts of messages) applyMessage(fleet, facts, file, ctx);
      }
      for (const shared of fleet.sharedAgents())
        ctx.problem({
          message:
            `agent ${shared.agent} is reported under ${shared.hostnames.length} host names ` +
            `(${shared.hostnames.join(', ')}): Wazuh agent ids are per manager, so each host name is ` +
            `read as its own computer, named ${shared.agent}:<host name>`,
          code: 'wazuh.shared-agent',
          params: {
            agent: shared.agent,
            count: shared.hostnames.length,
            hostnames: shared.hostnames.join(', '),
          },
          severity: 'warning',
          rejects: false,
          file: shared.files[0],
        });
      yield* fleet.inventories();
    },
  };
}

/** A file's messages: one pretty-printed message, or one per line (lines that are no message are problems). */
async function readMessages(file: string, ctx: ScanContext): Promise<WazuhFacts[]> {
  const { text } = await readTextFile(file);
  const whole = tryJson(text);
  if (whole !== undefined) {
    const facts = readWazuhMessage(whole, { file });
    return facts ? [facts] : [];
  }
  const messages: WazuhFacts[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const facts = readWazuhMessage(tryJson(line), { file, line: index + 1 });
    if (facts) messages.push(facts);
    else badLines.push(index + 1);
  });
  // A file with no message at all is reported once, as a whole, by the caller.
  if (messages.length > 0)
    for (const line of badLines)
      ctx.problem({
        message: `line ${line} is not a Wazuh syscollector message`,
        code: 'wazuh.event',
        params: { line },
        file,
        line,
      });
  return messages;
}

function applyMessage(fleet: WazuhFleet, facts: WazuhFacts, file: string, ctx: ScanContext): void {
  for (const pointer of facts.nameless)
    ctx.problem({
      message: `${file}: a package without a usable name (none, or too long to be one) (${pointer})`,
      text: {
        zh: `${file}：一个软件包没有可用的名称（没有，或长得不像名称）（${pointer}）`,
        en: `${file}: a package without a usable name (none, or too long to be one) (${pointer})`,
      },
      code: 'wazuh.package',
      file,
      ...(facts.line ? { line: facts.line } : { key: pointer }),
    });
  for (const reason of facts.ignored) ctx.ignore(1, reason);
  const superseded = fleet.apply(facts, file);
  if (superseded > 0) ctx.ignore(superseded, 'replaced or deleted by a later message');
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
