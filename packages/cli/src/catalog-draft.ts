/**
 * A draft catalogue section for the titles an audit could not recognise (`zhengban catalog
 * suggest`): one product per base name — versions, architectures and language tags taken off, so
 * `Foo 1.2 (x64)` and `Foo 1.3` become one `Foo` — with the vendor from the publisher, a match
 * pattern anchored on that base name and a guessed class. The licence model is left `unreviewed`:
 * judged like commercial software until the officer fills it in, and listed by `policy validate`
 * until then. The draft is a policy file of its own, ready for `extends:`.
 */
import type { UnrecognisedSoftware, Vendor } from '@zhengban/core';
import { stringify } from 'yaml';

export interface DraftProduct {
  id: string;
  name: string;
  /** A catalogue vendor id when the publisher is a known spelling, else the publisher as written. */
  vendor?: string;
  category: string;
  domestic: boolean;
  /** The RE2 pattern the draft matches names with. */
  pattern: string;
  /** Computers the titles it gathers were found on, their spellings and a few hosts. */
  hosts: number;
  spellings: string[];
  sampleHosts: string[];
}

/** `(64-bit)`, `(x86 en-US)`, `(remove only)`, `(Build 12.0.7)`: parentheses saying how, not what. */
const HOW_PARENS =
  /\s*[(（][^()（）]*(\bbit\b|\bx64\b|\bx86\b|\bamd64\b|\barm64\b|\bbuild\b|\bversion\b|remove only|[a-z]{2}-[a-z]{2}\b|\d+(\.\d+)+|位)[^()（）]*[)）]/gi;
/** Architectures and language tags written without parentheses. */
const ARCH_WORDS = /\s+(x64|x86|amd64|arm64|64-?bit|32-?bit|\d{2}\s?位)\b/gi;
const LANGUAGE_SUFFIX = /\s+-\s+([a-z]{2}(-[a-z]{2,4})?|简体中文|中文|english)\s*$/i;
/** A trailing version, build or year: `12`, `v7.0.0099`, `2023`, `1.2.3 beta`, `V4.20a`. */
const TRAILING_VERSION =
  /[\s_-]+(v(er(sion)?)?\.?\s?)?\d+([.,]\d+)*[a-z]?(\s+(beta|alpha|rc\d*|sp\d+|update\s+\d+|build\s+\d+))*\s*$/i;
const VERSION_WORD = /\s+(version|release|build|update)\s*$/i;

/** The name without versions, architectures and language tags: what every version shares. */
export function baseName(name: string): string {
  let text = name.trim().replace(HOW_PARENS, '').replace(LANGUAGE_SUFFIX, '').replace(ARCH_WORDS, '');
  // Twice: `Foo version 1.2 build 3` loses the build, then the version.
  for (let i = 0; i < 3; i++) {
    const before = text;
    text = text.replace(TRAILING_VERSION, '').replace(VERSION_WORD, '').trim();
    if (text === before) break;
  }
  // A name that was nothing but a version keeps what it had.
  return text.length > 0 ? text : name.trim();
}

/** Words that suggest a class; the first that matches wins, the officer checks it anyway. */
const CLASS_HINTS: [category: string, pattern: RegExp][] = [
  ['antivirus', /杀毒|安全卫士|anti-?virus|endpoint (security|protection)|病毒/i],
  ['pdf', /pdf|ofd|阅读器|reader|ocr|文字识别/i],
  ['design', /cad|photo|图像|设计|design|draw|render|3d|video edit|剪辑|绘图/i],
  ['input', /输入法|input method|\bime\b|五笔|拼音/i],
  ['browser', /浏览器|browser/i],
  ['archiver', /压缩|\bzip\b|\brar\b|archiver/i],
  ['im', /会议|meeting|聊天|\bchat\b|mail|邮件|邮箱|messenger/i],
  ['cloud', /网盘|云盘|cloud drive|\bdrive\b|sync/i],
  ['media', /播放器|player|音乐|视频|music|media|codec/i],
  [
    'dev',
    /ssh|ftp|terminal|sql|database|数据库|\bide\b|studio|\bgit\b|python|java|\bsdk\b|editor|编辑器|开发/i,
  ],
  ['science', /统计|statistic|matlab|spss|gis|科研|文献/i],
  ['other', /driver|驱动|runtime|redistributable|运行库|\bkb\d+/i],
];

export function guessCategory(name: string): string {
  for (const [category, pattern] of CLASS_HINTS) if (pattern.test(name)) return category;
  return 'tool';
}

/** RE2 text matching `name` literally. */
function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * `(?i)^<base name>` and, after a Latin letter or digit, a word end — so `Foo` does not claim
 * `Foobar` (`\b` does not work after a Chinese character, so none is added there).
 */
export function draftPattern(base: string): string {
  const literal = escapeRegex(base).replace(/\s+/g, '\\s+');
  return `(?i)^${literal}${/[A-Za-z0-9]$/.test(base) ? '\\b' : ''}`;
}

/** A stable id: `draft-` and the Latin words of the name, or a short hash when it has none. */
function draftId(base: string, taken: Set<string>): string {
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  let id = `draft-${slug || hash(base)}`;
  if (taken.has(id)) id = `${id}-${hash(base)}`;
  taken.add(id);
  return id;
}

/** FNV-1a over UTF-16 units, 8 hex digits: the same name always gets the same id. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const CJK = /[\u3400-\u9fff]/;

/**
 * Drafts for the `top` base names found on the most computers (titles that share a base name are
 * gathered, their computers added up: an upper bound when one computer has two versions).
 */
export function draftProducts(
  unrecognised: readonly UnrecognisedSoftware[],
  top: number,
  vendorOf: (publisher: string | undefined) => Vendor | undefined,
): DraftProduct[] {
  const byBase = new Map<string, { base: string; items: UnrecognisedSoftware[] }>();
  for (const item of unrecognised) {
    const base = baseName(item.name);
    const key = `${base.toLowerCase()}\u0000${item.publisher ?? ''}`;
    const group = byBase.get(key) ?? { base, items: [] };
    group.items.push(item);
    byBase.set(key, group);
  }
  const groups = [...byBase.values()]
    .map((group) => ({ ...group, hosts: group.items.reduce((n, item) => n + item.hosts, 0) }))
    .sort((a, b) => b.hosts - a.hosts || (a.base < b.base ? -1 : a.base > b.base ? 1 : 0))
    .slice(0, top);
  const taken = new Set<string>();
  return groups.map(({ base, items, hosts }) => {
    const publisher = items[0]!.publisher;
    const vendor = vendorOf(publisher);
    const draft: DraftProduct = {
      id: draftId(base, taken),
      name: base,
      category: guessCategory(items.map((item) => item.name).join(' ')),
      domestic: vendor ? vendor.domestic : CJK.test(`${publisher ?? ''}${base}`),
      pattern: draftPattern(base),
      hosts,
      spellings: items.map((item) => item.name),
      sampleHosts: [...new Set(items.flatMap((item) => item.sampleHosts))].sort().slice(0, 5),
    };
    const vendorName = vendor?.id ?? publisher;
    if (vendorName) draft.vendor = vendorName;
    return draft;
  });
}

export interface DraftTexts {
  /** Header comment lines (without `#`). */
  header: string[];
  /** The `notes` of a product: where it was found. */
  notes: (draft: DraftProduct) => string;
}

/** The draft as a policy file: header comments, then a `catalog.products` section. */
export function draftYaml(name: string, drafts: readonly DraftProduct[], texts: DraftTexts): string {
  const document = {
    apiVersion: 'zhengban/v1',
    metadata: { name, version: '0.1.0' },
    catalog: {
      products: drafts.map((draft) => ({
        id: draft.id,
        name: draft.name,
        ...(draft.vendor ? { vendor: draft.vendor } : {}),
        category: draft.category,
        domestic: draft.domestic,
        license: 'unreviewed',
        notes: texts.notes(draft),
        match: [{ name: { regex: draft.pattern } }],
      })),
    },
  };
  const header = texts.header.map((line) => `# ${line}`.trimEnd()).join('\n');
  return `${header}\n${stringify(document, { lineWidth: 0 })}`;
}
