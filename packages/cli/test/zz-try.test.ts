import { it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
const cwd = new URL('./fixtures/', import.meta.url).pathname;
it('x', async () => {
  for (const argv of [
    ['audit','--policy','policies/small.yaml','--units','inventory/units.csv','--input','csv:inventory/small.csv','--report','json:/tmp/zb/m1.json','-q'],
    ['audit','--policy','policies/small.yaml','--units','inventory/units.csv','--input','csv:inventory/counties-gbk.csv','--report','json:/tmp/zb/m2.json','-q'],
    ['merge','/tmp/zb/m1.json','/tmp/zb/m2.json','--out','/tmp/zb/merged.json'],
    ['merge','/tmp/zb/m1.json','/tmp/zb/m1.json'],
    ['diff','/tmp/zb/before.json','/tmp/zb/merged.json'],
  ]) {
    const r = await runCli(argv, {cwd}); console.log(argv.join(' '), r.code, '\n', r.stdout.slice(0,700), '\nERR', r.stderr.slice(0,800));
  }
});
