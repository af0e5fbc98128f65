/**
 * FusionInventory / GLPI agent XML and OCS Inventory NG XML (`.xml`, `.ocs`): one computer per file,
 * `REQUEST/CONTENT/SOFTWARES` (one element per program), `HARDWARE/NAME` (the computer name),
 * `HARDWARE/OSNAME` / `OSVERSION` / `OSCOMMENTS` or `OPERATINGSYSTEM` (the OS), `ANTIVIRUS`,
 * `REQUEST/DEVICEID` (the agent's id, used when there is no computer name). OCS's `.ocs` files may be
 * zlib-compressed; they are inflated first.
 *
 * Read with saxes, a streaming (SAX) parser: only the children of the elements above are kept, one
 * element at a time, and a file nested deeper than any inventory is refused rather than followed.
 */
import { inflateSync } from 'node:zlib';
import { bilingual, InputError } from '@zhengban/core';
import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';
import { decodeText } from '../text/decode-text.js';

/** The children of one element as text, by upper-case tag (`NAME` → `7-Zip 4.65`). */
export type XmlFields = Map<string, string>;

export interface AgentXml {
  deviceId?: string;
  hardware?: XmlFields;
  operatingSystem?: XmlFields;
  softwares: Array<{ fields: XmlFields; line: number }>;
  antivirus: Array<{ fields: XmlFields; line: number }>;
}

/** Inventories are a few levels deep; anything deeper is not one (and must not cost the stack). */
const MAX_DEPTH = 32;
/** Sections whose children are read: path below CONTENT → what to do with them. */
const SECTIONS = new Set(['HARDWARE', 'OPERATINGSYSTEM', 'SOFTWARES', 'ANTIVIRUS']);

/** True for bytes that are XML (after a BOM and blanks) or a zlib stream (an OCS `.ocs`). */
export function looksLikeAgentXml(bytes: Uint8Array): boolean {
  if (isZlib(bytes)) return true;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/\u0000/g, '');
  return /^\uFEFF?\s*<(?:\?xml|REQUEST\b)/i.test(head);
}

function isZlib(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(bytes[1]!);
}

/**
 * The XML's text: in the encoding its declaration names when that is a single-byte or legacy one
 * (old OCS agents write `encoding="ISO-8859-1"`, some `GBK`), else detected from the bytes.
 */
function xmlText(bytes: Uint8Array, file: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\uFEFF?\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  if (declared && !/^(?:utf-?8|utf-?16\w*)$/i.test(declared) && iconv.encodingExists(declared))
    return iconv.decode(Buffer.from(bytes), declared);
  return decodeText(bytes, file).text;
}

export function parseAgentXml(bytes: Uint8Array, file: string): AgentXml {
  let raw = bytes;
  if (isZlib(bytes)) {
    try {
      raw = inflateSync(bytes);
    } catch (error) {
      throw new InputError(
        `${file}: a compressed OCS inventory that cannot be inflated (${(error as Error).message})`,
        { file, source: 'glpi' },
        'glpi.xml',
        {
          where: file,
          what: bilingual(
            `压缩的 OCS 清单无法解压（${(error as Error).message}）`,
            `a compressed OCS inventory that cannot be inflated (${(error as Error).message})`,
          ),
        },
      );
    }
  }
  const text = xmlText(raw, file);
  const result: AgentXml = { softwares: [], antivirus: [] };
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  let section: { name: string; fields: XmlFields; line: number } | undefined;
  let field: { name: string; text: string } | undefined;
  let deviceText: string | undefined;
  parser.on('opentag', (tag) => {
    const name = tag.name.toUpperCase();
    stack.push(name);
    if (stack.length > MAX_DEPTH) {
      throw new InputError(
        `${file}:${parser.line}: elements nested more than ${MAX_DEPTH} deep; not an agent inventory`,
        { file, line: parser.line, source: 'glpi' },
        'glpi.xml',
        {
          where: `${file}:${parser.line}`,
          what: bilingual(
            `元素嵌套超过 ${MAX_DEPTH} 层；不是 agent 清单`,
            `elements nested more than ${MAX_DEPTH} deep; not an agent inventory`,
          ),
        },
      );
    }
    if (stack.length === 2 && stack[0] === 'REQUEST' && name === 'DEVICEID') deviceText = '';
    else if (stack.length === 3 && stack[1] === 'CONTENT' && SECTIONS.has(name))
      section = { name, fields: new Map(), line: parser.line };
    else if (section !== undefined && stack.length === 4) field = { name, text: '' };
  });
  const onText = (text: string) => {
    if (field !== undefined && stack.length === 4) field.text += text;
    else if (deviceText !== undefined && stack.length === 2) deviceText += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const depth = stack.length;
    stack.pop();
    if (depth === 2 && deviceText !== undefined) {
      result.deviceId ??= deviceText.trim();
      deviceText = undefined;
    } else if (depth === 4 && field !== undefined && section !== undefined) {
      section.fields.set(field.name, field.text.trim());
      field = undefined;
    } else if (depth === 3 && section !== undefined) {
      const { name, fields, line } = section;
      if (name === 'SOFTWARES') result.softwares.push({ fields, line });
      else if (name === 'ANTIVIRUS') result.antivirus.push({ fields, line });
      else if (name === 'HARDWARE') result.hardware ??= fields;
      else if (name === 'OPERATINGSYSTEM') result.operatingSystem ??= fields;
      section = undefined;
    }
  });
  try {
    parser.write(text.replace(/^\uFEFF/, '')).close();
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = (error as Error).message.replace(/^[^:]*:\d+:\d+: /, '');
    throw new InputError(
      `${file}:${parser.line}: not well-formed XML (${reason}); the file was not read`,
      { file, line: parser.line, source: 'glpi' },
      'glpi.xml',
      {
        where: `${file}:${parser.line}`,
        what: bilingual(
          `不是格式正确的 XML（${reason}）；未读取此文件`,
          `not well-formed XML (${reason}); the file was not read`,
        ),
      },
    );
  }
  return result;
}
