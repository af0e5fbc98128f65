/**
 * GLPI agent / FusionInventory inventory JSON: `content.softwares[]`, `content.operatingsystem`,
 * `content.antivirus[]`; host id = `content.hardware.name`, else `deviceid`, else the file's stem.
 */
import {
  editionFromName,
  type HostInventory,
  InputError,
  type ScanContext,
  type SoftwareRecord,
} from '@zhengban/core';
import { cleanValue, overlongNameText } from '../common/clean-text.js';
import { parseIsoDate } from '../common/dates.js';
import { osIdFromName } from '../common/os-identity.js';

const SOURCE = 'glpi';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  !!value && typeof value === 'object' && !Array.isArray(value);

export function hostFromGlpiJson(text: string, file: string, stem: string, ctx: ScanContext): HostInventory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${file}: not JSON (${(error as Error).message}); expected a GLPI agent inventory`,
      { file, source: SOURCE },
      'glpi.format',
      { file, detail: { zh: '不是有效的 JSON', en: `not JSON (${(error as Error).message})` } },
    );
  }
  const content = isObject(data) ? data.content : undefined;
  if (!isObject(content) || !Array.isArray(content.softwares)) {
    throw new InputError(
      `${file}: not a GLPI agent inventory (no content.softwares array)`,
      { file, source: SOURCE },
      'glpi.format',
      { file, detail: { zh: '没有 content.softwares 数组', en: 'no content.softwares array' } },
    );
  }
  const hardware = isObject(content.hardware) ? content.hardware : {};
  const id = cleanValue(hardware.name) ?? cleanValue((data as Json).deviceid) ?? stem;
  const host: HostInventory = { id, hostname: id, software: [], scanner: SOURCE };
  content.softwares.forEach((item, index) => {
    const name = isObject(item) ? cleanValue(item.name) : undefined;
    if (!isObject(item) || !name) {
      ctx.problem({
        message: `${file}: /content/softwares/${index} has no name`,
        code: 'glpi.software',
        params: { file, index },
        file,
        key: `/content/softwares/${index}`,
      });
      return;
    }
    // A name of megabytes is no software name; comparing it against the catalogue would cost seconds.
    const overlong = overlongNameText(name);
    if (overlong) {
      ctx.problem({
        message: `${file}: /content/softwares/${index}: ${overlong.en}`,
        text: {
          zh: `${file}：/content/softwares/${index}：${overlong.zh}`,
          en: `${file}: /content/softwares/${index}: ${overlong.en}`,
        },
        code: 'glpi.software',
        file,
        key: `/content/softwares/${index}`,
      });
      return;
    }
    const record: SoftwareRecord = {
      name,
      source: SOURCE,
      evidence: { source: SOURCE, file, key: `/content/softwares/${index}` },
    };
    const version = cleanValue(item.version);
    const publisher = cleanValue(item.publisher);
    const arch = cleanValue(item.arch);
    const installDate = parseIsoDate(cleanValue(item.install_date) ?? '');
    if (version) record.version = version;
    if (publisher) record.publisher = publisher;
    if (arch) record.arch = arch;
    if (installDate) record.installDate = installDate;
    const from = cleanValue(item.from);
    if (from) record.attributes = { origin: from };
    host.software.push(record);
  });
  if (Array.isArray(content.antivirus)) {
    content.antivirus.forEach((item, index) => {
      const name = isObject(item) ? cleanValue(item.name) : undefined;
      if (!isObject(item) || !name) return;
      const overlong = overlongNameText(name);
      if (overlong) {
        ctx.problem({
          message: `${file}: /content/antivirus/${index}: ${overlong.en}`,
          text: {
            zh: `${file}：/content/antivirus/${index}：${overlong.zh}`,
            en: `${file}: /content/antivirus/${index}: ${overlong.en}`,
          },
          code: 'glpi.software',
          file,
          key: `/content/antivirus/${index}`,
        });
        return;
      }
      const record: SoftwareRecord = {
        name,
        source: SOURCE,
        evidence: { source: SOURCE, file, key: `/content/antivirus/${index}` },
        attributes: {
          antivirusActive: String(item.enabled) === '1',
          signaturesUpToDate: String(item.uptodate) === '1',
        },
      };
      const version = cleanValue(item.version);
      if (version) record.version = version;
      const publisher = cleanValue(item.company);
      if (publisher) record.publisher = publisher;
      host.software.push(record);
    });
  }
  const os = isObject(content.operatingsystem) ? content.operatingsystem : undefined;
  if (os) {
    const name = cleanValue(os.full_name) ?? cleanValue(os.name) ?? 'unknown';
    host.os = { name, evidence: { source: SOURCE, file, key: '/content/operatingsystem' } };
    const osId = osIdFromName(name);
    const version = cleanValue(os.version);
    const edition = editionFromName(name);
    if (osId) host.os.id = osId;
    if (version) host.os.version = version;
    if (edition) host.os.edition = edition;
    const arch = cleanValue(os.arch);
    if (arch) host.os.arch = arch;
  }
  return host;
}
