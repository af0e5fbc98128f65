/**
 * The html and xlsx reporters render in steps that hear ctx.signal: an aborted signal stops them
 * (the CLI then exits 130), and without one the html is renderHtml's text to the byte.
 */
import { createReporterContext, getReporter, renderHtml } from '@zhengban/reporters';
import { describe, expect, it } from 'vitest';
import { fixtureReport } from './fixtures/report.js';

/** The fixture's findings 3 000 times over: enough rows for the render to take several steps. */
const large = {
  ...fixtureReport,
  findings: Array.from({ length: 3000 }, (_, copy) =>
    fixtureReport.findings.map((finding) => ({ ...finding, id: `${finding.id}-${copy}` })),
  ).flat(),
};

describe('a render in steps', () => {
  it('html: the same text as renderHtml', async () => {
    const ctx = createReporterContext(large, { signal: new AbortController().signal });
    expect(await getReporter('html')!.render(large, ctx)).toBe(
      renderHtml(large, createReporterContext(large)),
    );
  });

  for (const format of ['html', 'xlsx']) {
    it(`${format}: stops once the signal is aborted`, async () => {
      const controller = new AbortController();
      const ctx = createReporterContext(large, { signal: controller.signal });
      const reason = new Error('interrupted');
      setTimeout(() => controller.abort(reason), 5);
      await expect(Promise.resolve(getReporter(format)!.render(large, ctx))).rejects.toBe(reason);
    });
  }
});
