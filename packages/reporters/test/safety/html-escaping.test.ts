/**
 * Reports are opened by officials: no string from an inventory or a policy may turn into markup.
 * For random hostile strings in every field, the HTML report contains only the tags and the two
 * scripts of its own template (the page script and the findings data block, JSON that is never
 * run), no event-handler attribute and no `javascript:` URL; the hostile text is still shown
 * (escaped), not dropped, and no `<` reaches the data block, so no string can end it.
 */
import { createReporterContext, renderHtml } from '@zhengban/reporters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileReport, hostileStrings, PAYLOADS } from './hostile-report.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Bidi embeddings, overrides, isolates and marks: `\u202Egnp.exe` shows as `exe.png`. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

interface StartTag {
  name: string;
  /** Attribute name → value (values are escaped, so they hold no raw quote). */
  attributes: Array<[string, string]>;
}

/** Every start tag in the document with its attributes. */
function startTags(html: string): StartTag[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attributes: [
      ...m[2]!.matchAll(/\s([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g),
    ].map((a) => [a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? ''] as [string, string]),
  }));
}

/** Attributes that run code: event handlers, and URLs with the javascript: scheme. */
function dangerous(tags: StartTag[]): string[] {
  return tags.flatMap((tag) =>
    tag.attributes
      .filter(
        ([name, value]) =>
          name.startsWith('on') ||
          (/^(href|src|action|formaction|xlink:href)$/.test(name) && /^\s*javascript:/i.test(value)),
      )
      .map(([name, value]) => `<${tag.name} ${name}="${value}">`),
  );
}

const TEMPLATE_STRINGS = {
  unit: 'u',
  host: 'h',
  software: 's',
  publisher: 'p',
  version: '1',
  policyName: 'n',
  productName: 'wps',
  evidence: 'e',
  reason: 'r',
  ruleMessage: 'm',
  justification: 'j',
  problem: 'x',
};

describe('html reporter: output safety', async () => {
  const plain = renderHtml(
    await hostileReport(TEMPLATE_STRINGS),
    createReporterContext(await hostileReport(TEMPLATE_STRINGS)),
  );
  const templateTags = new Set(startTags(plain).map((tag) => tag.name));

  /** The page script, and the findings as JSON data that is never run. */
  const scriptsOf = (html: string) => {
    const scripts = startTags(html).filter((tag) => tag.name === 'script');
    expect(scripts.map((tag) => tag.attributes)).toEqual([
      [
        ['type', 'application/json'],
        ['id', 'findings-data'],
      ],
      [],
    ]);
    const data = /<script type="application\/json" id="findings-data">([\s\S]*?)<\/script>/.exec(html);
    expect(data).not.toBeNull();
    expect(data![1]).not.toContain('<');
    return scripts;
  };

  it('the template itself has its two scripts and no event handlers', () => {
    scriptsOf(plain);
    expect(dangerous(startTags(plain))).toEqual([]);
  });

  it('escapes every hostile string: no new tag, script, handler or javascript: URL', async () => {
    await fc.assert(
      fc.asyncProperty(hostileStrings, async (strings) => {
        const report = await hostileReport(strings);
        const html = renderHtml(report, createReporterContext(report));
        const tags = startTags(html);
        expect(tags.filter((tag) => !templateTags.has(tag.name)).map((tag) => tag.name)).toEqual([]);
        scriptsOf(html);
        expect(dangerous(tags)).toEqual([]);
        expect(html).not.toMatch(/<(img|iframe|svg onload)|<!--/i);
        // Nothing a browser would choke on: no raw controls or lone surrogates.
        expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
        expect(html).not.toMatch(LONE_SURROGATE);
        expect(html).not.toMatch(BIDI);
      }),
      { numRuns: 40 },
    );
  });

  it('shows each payload as text (escaped), in names, units, publishers and policy messages', async () => {
    const strings = {
      ...TEMPLATE_STRINGS,
      software: PAYLOADS[1]!,
      unit: PAYLOADS[0]!,
      publisher: PAYLOADS[2]!,
      ruleMessage: PAYLOADS[3]!,
    };
    const report = await hostileReport(strings);
    const html = renderHtml(report, createReporterContext(report));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;svg onload=alert(2)&gt;');
    expect(html).toContain('&quot;&gt;&lt;iframe src=javascript:alert(3)&gt;');
  });

  it('shows no name reordered: bidi overrides and isolates become U+FFFD, in the page and its data', async () => {
    const strings = {
      ...TEMPLATE_STRINGS,
      software: '\u202Egnp.exe',
      unit: '\u2066局\u2069',
      host: 'pc\u202D01\u202C',
      publisher: '\u202Bpub\u202A',
      ruleMessage: 'm\u2067\u2068',
    };
    const report = await hostileReport(strings);
    const html = renderHtml(report, createReporterContext(report));
    expect(html).not.toMatch(BIDI);
    expect(html).toContain('\uFFFDgnp.exe');
    expect(html).toContain('\uFFFD局\uFFFD');
  });
});
