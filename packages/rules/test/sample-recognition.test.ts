/**
 * Quality of recognition, measured on real inventories (../shared/samples, read in place): every
 * sample goes through its real scanner and the built-in catalogue. Per sample the test prints how many
 * records were recognised and which OS / office / antivirus products were found, and asserts a
 * hand-checked list of every recognised record, so a catalogued product that is missed, or a record
 * recognised as the wrong product, fails the test.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecogniser, type HostInventory, runScanner, type Scanner } from '@zhengban/core';
import { glpiScanner, linuxScanner, osqueryScanner, wazuhScanner, windowsScanner } from '@zhengban/scanners';
import { afterAll, expect, it } from 'vitest';
import { describeSamples, sample } from '../../../test-support/shared.js';
import { loadBuiltin } from './builtin-policy.js';

interface Expected {
  sample: string;
  scanner: () => Scanner;
  records: number;
  /** OS product id and canonical edition, or null when the sample carries no OS. */
  os: [id: string, edition?: string] | null;
  office: string[];
  antivirus: string[];
  /** Every recognised record: name as the scanner read it → product id (hand-checked). */
  recognised: Record<string, string>;
}

const SAMPLES: Expected[] = [
  {
    sample: 'windows/fusioninventory_xp-Uninstall.reg',
    scanner: windowsScanner,
    records: 57,
    os: null,
    office: ['ms-office'],
    antivirus: ['symantec-endpoint-protection'],
    recognised: {
      'Microsoft Office Professional Plus 2010': 'ms-office',
      'Symantec Endpoint Protection': 'symantec-endpoint-protection',
      'Windows Internet Explorer 8': 'ms-internet-explorer',
      'Mozilla Firefox 10.0.2 (x86 en-US)': 'firefox',
      'Opera 11.52': 'opera',
      'Adobe Reader X (10.1.2)': 'adobe-reader',
      'Windows XP Service Pack 3': 'ms-update',
      'Java(TM) 6 Update 31': 'java-runtime',
      'Microsoft Visual C++ 2005 Redistributable': 'ms-vc-runtime',
      'Microsoft .NET Framework 1.1': 'ms-dotnet',
      'Microsoft .NET Framework 2.0 Service Pack 2': 'ms-dotnet',
      'Microsoft .NET Framework 3.0 Service Pack 2': 'ms-dotnet',
      'Microsoft .NET Framework 3.5 SP1': 'ms-dotnet',
      'Microsoft .NET Framework 4 Client Profile': 'ms-dotnet',
      'Microsoft .NET Framework 4 Extended': 'ms-dotnet',
    },
  },
  {
    sample: 'windows/fusioninventory_mssql-Uninstall.reg',
    scanner: windowsScanner,
    records: 7,
    os: null,
    office: [],
    antivirus: [],
    recognised: {
      'Microsoft SQL Server 2005': 'ms-sql-server',
      'Microsoft SQL Server 2008': 'ms-sql-server',
      'Microsoft SQL Server 2017': 'ms-sql-server',
      'Mozilla Firefox 57.0.2 (fr)': 'firefox',
    },
  },
  {
    sample: 'windows/fusioninventory_office_2016_01-SoftwareLicensingProduct.wmi',
    scanner: windowsScanner,
    records: 1,
    os: null,
    office: ['ms-office'],
    antivirus: [],
    recognised: { 'Office 16, Office16ProPlusVL_KMS_Client edition': 'ms-office' },
  },
  {
    sample: 'windows/MicrosoftDocs_configure-kms-host_slmgr-dlv-output.md',
    scanner: windowsScanner,
    records: 1,
    os: null,
    office: [],
    antivirus: [],
    // The KMS host licence pack of an activation server is not an Office installation.
    recognised: { 'Office 16, OfficeKMSHostVL_KMS_Host edition': 'ms-office-component' },
  },
  {
    sample: 'windows/glpi-agent_win7-sp1-x64-Win32_OperatingSystem.wmi',
    scanner: windowsScanner,
    records: 0,
    os: ['ms-windows', 'Professional'],
    office: [],
    antivirus: [],
    recognised: {},
  },
  {
    sample: 'linux/glpi-agent_os-release-debian-11.2',
    scanner: linuxScanner,
    records: 0,
    os: ['debian'],
    office: [],
    antivirus: [],
    recognised: {},
  },
  // Packages of the distribution itself are one grouped product (catalog/system.yaml): by the
  // maintainer or vendor when the sample has one, else by the base-system lists and package-name
  // shapes. What stays unrecognised is listed for review (apache2, aspell, apt-xapian-index, …).
  ...(
    [
      [
        'linux/fusioninventory_debian-squeeze_dpkg-query-W.txt',
        15,
        // no maintainer column: base system (adduser, apt, apt-utils, aptitude, at) and split parts
        // (-common, -utils, -bin)
        {
          adduser: 'linux-distribution-package',
          'anthy-common': 'linux-distribution-package',
          'apache2-utils': 'linux-distribution-package',
          'apache2.2-bin': 'linux-distribution-package',
          'apache2.2-common': 'linux-distribution-package',
          apt: 'linux-distribution-package',
          'apt-utils': 'linux-distribution-package',
          aptitude: 'linux-distribution-package',
          at: 'linux-distribution-package',
        },
      ],
      [
        'linux/jason416_ubuntu-base-20.04-armhf_var-lib-dpkg-status.PARTIAL',
        13,
        // every stanza is maintained by Ubuntu Developers
        {
          adduser: 'linux-distribution-package',
          apt: 'linux-distribution-package',
          'base-files': 'linux-distribution-package',
          'base-passwd': 'linux-distribution-package',
          bash: 'linux-distribution-package',
          bsdutils: 'linux-distribution-package',
          bzip2: 'linux-distribution-package',
          coreutils: 'linux-distribution-package',
          dash: 'linux-distribution-package',
          debconf: 'linux-distribution-package',
          debianutils: 'linux-distribution-package',
          diffutils: 'linux-distribution-package',
          dpkg: 'linux-distribution-package',
        },
      ],
      [
        'linux/fusioninventory_mageia2_rpm-qa-queryformat_fr-locale.txt',
        10,
        // vendor Mageia.Org on every row
        {
          'firebird-devel': 'linux-distribution-package',
          gjs: 'linux-distribution-package',
          lib64nss3: 'linux-distribution-package',
          'lib64pyglib2.0_0': 'linux-distribution-package',
          lib64swresample0: 'linux-distribution-package',
          'lib64tidy-devel': 'linux-distribution-package',
          libpciaccess0: 'linux-distribution-package',
          'perl-Gtk2-ImageView': 'linux-distribution-package',
          'ruby-term-ansicolor': 'linux-distribution-package',
          xfsprogs: 'linux-distribution-package',
        },
      ],
      // `centos-release` is a package, not the operating system: the distribution's own
      [
        'linux/ohai_centos7_rpmquery.output.txt',
        7,
        {
          'centos-release': 'linux-distribution-package',
          glibc: 'linux-distribution-package',
          kernel: 'linux-distribution-package',
          'libstdc++': 'linux-distribution-package',
          tzdata: 'linux-distribution-package',
        },
      ],
      [
        'linux/syft_cbl-mariner2_container-manifest-2_rpm-qf.txt',
        5,
        {
          filesystem: 'linux-distribution-package',
          glibc: 'linux-distribution-package',
          'openssl-libs': 'linux-distribution-package',
        },
      ],
    ] as const
  ).map(
    ([file, records, recognised]): Expected => ({
      sample: file,
      scanner: linuxScanner,
      records,
      os: null,
      office: [],
      antivirus: [],
      recognised,
    }),
  ),
  {
    sample: 'osquery/glpi-osquery_log-result-snapshot_os_version.json',
    scanner: osqueryScanner,
    records: 0,
    os: ['ubuntu'],
    office: [],
    antivirus: [],
    recognised: {},
  },
  {
    sample: 'glpi/glpi-inventory-format_computer_1_partial_softs.json',
    scanner: glpiScanner,
    records: 6,
    os: ['fedora'],
    office: [],
    antivirus: [],
    // rpm vendor "Fedora Project" on every row: the distribution's own packages
    recognised: {
      expat: 'linux-distribution-package',
      gettext: 'linux-distribution-package',
      gitg: 'linux-distribution-package',
      'gnome-calculator': 'linux-distribution-package',
      libcryptui: 'linux-distribution-package',
      tar: 'linux-distribution-package',
    },
  },
  {
    sample: 'glpi/glpi_tests_02-software_html_entities_uwp.json',
    scanner: glpiScanner,
    records: 1,
    os: null,
    office: [],
    antivirus: [],
    recognised: {},
  },
  {
    sample: 'wazuh',
    scanner: wazuhScanner,
    records: 1,
    os: ['debian'],
    office: [],
    antivirus: [],
    recognised: {},
  },
];

/** os-release files of domestic distributions, embedded in ansible's fixtures → OS product. */
const OS_RELEASE_FIXTURES: [file: string, expected: string][] = [
  ['linux/ansible_os-release-fixture_kylin_linux_advanced_server_v10.json', 'kylin-server'],
  ['linux/ansible_os-release-fixture_deepin_20.4.json', 'deepin'],
  ['linux/ansible_os-release-fixture_openeuler_20.03.json', 'openeuler'],
  ['linux/ansible_os-release-fixture_uos_20.json', 'uos-server'],
  ['linux/ansible_os-release-fixture_uniontech_os_server_20_uelc20.json', 'uos-server'],
];

async function scanAll(scanner: Scanner, input: string): Promise<HostInventory[]> {
  const hosts: HostInventory[] = [];
  const run = runScanner(scanner, input);
  for await (const host of run.hosts) hosts.push(host);
  expect(run.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return hosts;
}

const unique = (ids: string[]) => [...new Set(ids)].sort();

describeSamples('recognition quality over the real samples', () => {
  const recogniser = createRecogniser(loadBuiltin('catalog'));
  const scratch = mkdtempSync(join(tmpdir(), 'zhengban-rules-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(SAMPLES)('$sample', async (expected) => {
    const hosts = await scanAll(expected.scanner(), sample(expected.sample));
    expect(hosts).toHaveLength(1);
    const host = hosts[0]!;
    const os = host.os ? recogniser.recogniseOs(host.os) : undefined;
    const recognised: Record<string, string> = {};
    for (const record of host.software) {
      const found = recogniser.recognise({
        name: record.name,
        publisher: record.publisher,
        version: record.version,
        edition: record.attributes?.edition,
      });
      if (found) recognised[record.name] = found.product.id;
    }
    const inClass = (category: string) =>
      unique(
        host.software
          .map((record) => recogniser.recognise({ name: record.name, publisher: record.publisher }))
          .filter((found) => found?.product.category === category)
          .map((found) => found!.product.id),
      );
    const summary = {
      os: os ? `${os.product.id}${os.edition ? ` (${os.edition})` : ''}` : '—',
      office: inClass('office'),
      antivirus: inClass('antivirus'),
    };
    console.log(
      `${expected.sample}: ${Object.keys(recognised).length} of ${host.software.length} records recognised; ` +
        `os ${summary.os}; office ${summary.office.join(', ') || '—'}; antivirus ${summary.antivirus.join(', ') || '—'}`,
    );
    expect(host.software).toHaveLength(expected.records);
    expect(os ? [os.product.id, ...(os.edition ? [os.edition] : [])] : null).toEqual(expected.os);
    expect(summary.office).toEqual(expected.office);
    expect(summary.antivirus).toEqual(expected.antivirus);
    expect(recognised).toEqual(expected.recognised);
  });

  it.each(OS_RELEASE_FIXTURES)('os-release in %s → %s', async (file, expected) => {
    const fixture = JSON.parse(readFileSync(sample(file), 'utf8')) as { input: Record<string, string> };
    // The linux scanner reads os-release files; the fixture embeds one, so it is written to a
    // temporary file outside the project and scanned there.
    const path = join(scratch, `${file.replace(/\W+/g, '_')}-os-release`);
    writeFileSync(path, fixture.input['/etc/os-release']!);
    const [host] = await scanAll(linuxScanner(), path);
    const os = recogniser.recogniseOs(host!.os!);
    console.log(`${file}: os ${host!.os!.name} [${host!.os!.id}] → ${os?.product.id ?? 'unrecognised'}`);
    expect(os?.product.id).toBe(expected);
  });
});
