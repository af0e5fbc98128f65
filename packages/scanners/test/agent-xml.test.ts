/** FusionInventory / OCS Inventory XML read by the glpi scanner: real samples and our own fixtures. */
import { deflateSync } from 'node:zlib';
import { glpiScanner } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { describeSamples, sample } from '../../../test-support/shared.js';
import { byName, scanAll, tempFolder } from './support/run.js';

const OCS = `<?xml version="1.0" encoding="UTF-8" ?>
<REQUEST>
  <CONTENT>
    <HARDWARE>
      <NAME>JTJ-BGS-05</NAME>
      <OSNAME>Microsoft Windows 10 专业版</OSNAME>
      <OSVERSION>10.0.19045</OSVERSION>
      <OSCOMMENTS></OSCOMMENTS>
      <ARCH>64-bit</ARCH>
    </HARDWARE>
    <SOFTWARES>
      <NAME>WPS Office (12.1.0.16910)</NAME>
      <PUBLISHER>Kingsoft Corp.</PUBLISHER>
      <VERSION>12.1.0.16910</VERSION>
      <INSTALLDATE>2024/01/02</INSTALLDATE>
      <BITSWIDTH>32</BITSWIDTH>
      <GUID>Kingsoft Office</GUID>
    </SOFTWARES>
    <SOFTWARES>
      <NAME><![CDATA[火绒安全软件 <5.0>]]></NAME>
      <PUBLISHER>北京火绒网络科技有限公司</PUBLISHER>
      <VERSION>5.0.75.8</VERSION>
      <ARCHITECTURE>64-bit</ARCHITECTURE>
    </SOFTWARES>
    <SOFTWARES>
      <PUBLISHER>Nobody</PUBLISHER>
    </SOFTWARES>
  </CONTENT>
  <DEVICEID>JTJ-BGS-05-2024-05-01-10-00-00</DEVICEID>
  <QUERY>INVENTORY</QUERY>
</REQUEST>
`;

describe('glpi scanner: OCS Inventory NG XML', () => {
  it('reads HARDWARE, SOFTWARES (CDATA, entities), and rejects an entry without NAME at its line', async () => {
    const file = tempFolder().write('JTJ-BGS-05.xml', OCS);
    const { hosts, summary, problems } = await scanAll(glpiScanner(), file);
    expect(hosts.map((host) => [host.id, host.software.map((record) => record.name)])).toEqual([
      ['JTJ-BGS-05', ['WPS Office (12.1.0.16910)', '火绒安全软件 <5.0>']],
    ]);
    expect(byName(hosts[0]!.software, 'WPS Office (12.1.0.16910)')).toMatchObject({
      version: '12.1.0.16910',
      installDate: '2024-01-02',
      arch: 'x86',
      source: 'glpi:xml',
      evidence: { line: 11 },
    });
    expect(hosts[0]!.os).toMatchObject({
      name: 'Microsoft Windows 10 专业版',
      id: 'windows',
      edition: 'Professional',
    });
    expect(summary).toMatchObject({ hosts: 1, read: 3, accepted: 2, rejected: 1 });
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [25, 'line 25: a SOFTWARES entry without a NAME'],
    ]);
  });

  it('the encoding the XML declaration names is used (old OCS agents: ISO-8859-1)', async () => {
    const latin = OCS.replace('UTF-8', 'ISO-8859-1').replace('Kingsoft Corp.', 'Société Générale');
    const text = latin.replace(/火绒安全软件 <5.0>|北京火绒网络科技有限公司|专业版/g, 'x');
    const file = tempFolder().write('latin.xml', Buffer.from(text, 'latin1'));
    const { hosts } = await scanAll(glpiScanner(), file);
    expect(hosts[0]!.software[0]!.publisher).toBe('Société Générale');
  });

  it('a zlib-compressed .ocs is inflated first', async () => {
    const file = tempFolder().write('pc.ocs', deflateSync(Buffer.from(OCS, 'utf8')));
    const { hosts } = await scanAll(glpiScanner(), file);
    expect(hosts.map((host) => host.software.length)).toEqual([2]);
  });

  it('in a folder, a broken XML file and a stray file cost themselves only', async () => {
    const folder = tempFolder();
    folder.write('in/a.xml', OCS);
    folder.write('in/b.xml', OCS.replace('</SOFTWARES>', '</SOFTWARE>'));
    folder.write('in/c.xml', OCS.replace(/JTJ-BGS-05/g, 'JTJ-BGS-06'));
    folder.write('in/readme.txt', '采集说明');
    folder.write(
      'in/config.xml',
      '<?xml version="1.0"?><configuration><add key="a" value="b"/></configuration>',
    );
    folder.write(
      'in/deep.json',
      `{"content":{"softwares":[],"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
    );
    const { hosts, problems: all } = await scanAll(glpiScanner(), `${folder.root}/in`);
    expect(hosts.map((host) => host.id)).toEqual(['JTJ-BGS-05', 'JTJ-BGS-06', 'deep']);
    const problems = all.filter((problem) => problem.code !== 'glpi.software');
    expect(problems.map((problem) => [problem.code, problem.severity, problem.fileFailed ?? false])).toEqual([
      ['glpi.xml', 'error', true],
      ['glpi.format', 'warning', false],
      ['glpi.format', 'warning', false],
    ]);
    expect(problems[0]!.message).toMatch(/b\.xml:\d+: not well-formed XML/);
  });

  it('files below a unit-named folder are that unit’s computers', async () => {
    const folder = tempFolder();
    folder.write('agents/规划科/2024/a.xml', OCS);
    folder.write('agents/b.xml', OCS.replace(/JTJ-BGS-05/g, 'JTJ-BGS-06'));
    const { hosts } = await scanAll(glpiScanner({ units: ['规划科'] }), `${folder.root}/agents`);
    expect(hosts.map((host) => [host.id, host.unit])).toEqual([
      ['JTJ-BGS-06', undefined],
      ['JTJ-BGS-05', '规划科'],
    ]);
  });

  it('elements nested deeper than any inventory are refused, not followed', async () => {
    const file = tempFolder().write('deep.xml', `<REQUEST>${'<A>'.repeat(50)}${'</A>'.repeat(50)}</REQUEST>`);
    const { problems } = await scanAll(glpiScanner(), file);
    expect(problems[0]).toMatchObject({
      code: 'glpi.xml',
      message: expect.stringContaining('nested more than 32 deep'),
    });
  });
});

describeSamples('glpi scanner on real FusionInventory XML', () => {
  it.each([
    ['fusioninventory-2.1.6_win2k.xml', 'WIN2K', 5, 5, 0, 'Microsoft Windows 2000 Professionnel'],
    ['fusioninventory-2.1.7_russewin7.xml', 'ВЙМШВ-ПК', 3, 3, 0, 'Microsoft Windows 7 Black Edition'],
    // 1008 SOFTWARES, 8 of them rpm's gpg-pubkey signing keys.
    ['fusioninventory-2.1.7_opensuse-11.3_rpm.xml', 'opensuse', 1008, 1000, 8, 'openSUSE 11.3 (i586)'],
  ])('%s: %s, %i entries read, %i programs', async (name, id, read, programs, ignored, os) => {
    const { hosts, summary, problems } = await scanAll(glpiScanner(), sample(`agents-xml/${name}`));
    expect(problems).toEqual([]);
    expect(hosts.map((host) => [host.id, host.software.length, host.os?.name])).toEqual([[id, programs, os]]);
    expect(summary).toMatchObject({ hosts: 1, read, accepted: read, rejected: 0, ignored });
  });

  it('reads the fields a person sees: names, versions, publishers, rpm install dates', async () => {
    const { hosts } = await scanAll(glpiScanner(), sample('agents-xml/fusioninventory-2.1.6_win2k.xml'));
    expect(byName(hosts[0]!.software, 'Mozilla Firefox (3.6.3)')).toMatchObject({
      version: '3.6.3 (fr)',
      publisher: 'Mozilla',
      arch: 'x86',
    });
    const linux = await scanAll(
      glpiScanner(),
      sample('agents-xml/fusioninventory-2.1.7_opensuse-11.3_rpm.xml'),
    );
    expect(byName(linux.hosts[0]!.software, 'tcpd.i586')).toMatchObject({
      version: '7.6-863.1',
      installDate: '2010-07-06',
    });
  });
});
