import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReporterContext, renderJson } from '@zhengban/reporters';
import { describe, expect, it } from 'vitest';
import { fixtureReport } from '../../packages/reporters/test/fixtures/report.js';
import brief, { briefReporter } from './brief-reporter.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CORE_BUILT = existsSync(join(HERE, 'node_modules/@zhengban/core/dist/index.js'));

describe('examples/custom-reporter', () => {
  it('is a reporter the CLI accepts (default export with name, extension and render)', () => {
    expect(brief.name).toBe('brief');
    expect(brief.extension).toBe('txt');
    expect(typeof briefReporter().render).toBe('function');
  });

  it('renders the brief of the shared fixture report', () => {
    const text = brief.render(fixtureReport, createReporterContext(fixtureReport));
    expect(text).toBe(
      [
        '正版化工作简报 · 某市正版化验收 · 截至 2024-06-30',
        '总体正版率 81.82%（18/22）',
        '未达 100% 的单位：',
        '  财政局 81.82%（9/11）',
        '  教育局 88.89%（8/9）',
        '  信息中心<script>alert("unit")</script>"; DROP 50.00%（1/2）',
        '授权缺口：ent-office-2016（ms-office-2016）缺 1 套',
        '待整改问题 8 条，已豁免 1 条',
        '',
      ].join('\n'),
    );
  });

  (CORE_BUILT ? it : it.skip)(
    `runs with node on a saved json report${CORE_BUILT ? '' : ' — skipped: @zhengban/core is not built (pnpm build)'}`,
    () => {
      const folder = mkdtempSync(join(tmpdir(), 'zhengban-brief-'));
      try {
        const file = join(folder, 'report.json');
        writeFileSync(file, renderJson(fixtureReport));
        const out = execFileSync(process.execPath, [join(HERE, 'brief-reporter.mjs'), file, 'en'], {
          encoding: 'utf8',
        });
        expect(out.split('\n').slice(0, 2)).toEqual([
          'Genuine software brief · 某市正版化验收 · as of 2024-06-30',
          'Overall genuine rate 81.82% (18/22)',
        ]);
        expect(out).toContain(
          'Licence shortfall: ent-office-2016 (ms-office-2016) is 1 short\n8 findings to fix, 1 waived\n',
        );
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
});
