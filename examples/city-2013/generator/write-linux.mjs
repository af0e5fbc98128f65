/**
 * Evidence from the two domestic-OS pilot computers of 市经信委: /etc/os-release (and UOS's
 * /etc/os-version) and /var/lib/dpkg/status, copied as they are. A desktop's status file lists a
 * couple of thousand packages; these list a representative few dozen to keep the example small.
 */
import { SOFTWARE_TITLES } from './titles.mjs';

const KYLIN_OS_RELEASE = `NAME="Kylin"
VERSION="银河麒麟桌面操作系统V10 (SP1)"
VERSION_US="Kylin Linux Desktop V10 (SP1)"
ID=kylin
ID_LIKE=debian
PRETTY_NAME="Kylin V10 SP1"
VERSION_ID="v10"
HOME_URL="http://www.kylinos.cn/"
SUPPORT_URL="http://www.kylinos.cn/support/technology.html"
BUG_REPORT_URL="http://www.kylinos.cn/"
PRIVACY_POLICY_URL="http://www.kylinos.cn"
VERSION_CODENAME=kylin
UBUNTU_CODENAME=kylin
`;

const UOS_OS_RELEASE = `PRETTY_NAME="UnionTech OS Desktop 20 Pro"
NAME="UnionTech OS Desktop"
VERSION_ID="20"
VERSION="20"
ID=uos
HOME_URL="https://www.chinauos.com/"
BUG_REPORT_URL="http://bbs.chinauos.com"
VERSION_CODENAME=eagle
`;

const UOS_OS_VERSION = `[Version]
SystemName=UOS Desktop
SystemName[zh_CN]=统信桌面操作系统
ProductType=Desktop
ProductType[zh_CN]=桌面
EditionName=Professional
EditionName[zh_CN]=专业版
MajorVersion=20
MinorVersion=1050
OsBuild=11018.107
`;

/** [package, version, architecture, maintainer]: the base system every pilot machine has. */
const BASE_PACKAGES = {
  kylin: [
    ['base-files', '11ubuntu5kylin4', 'amd64', 'KylinSoft <support@kylinos.cn>'],
    ['bash', '5.0-6ubuntu1.1kylin1', 'amd64', 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>'],
    ['coreutils', '8.30-3ubuntu2', 'amd64', 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>'],
    ['dpkg', '1.19.7ubuntu3', 'amd64', 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>'],
    ['apt', '2.0.2ubuntu0.2kylin1', 'amd64', 'KylinSoft <support@kylinos.cn>'],
    ['libc6', '2.31-0kylin9.2k0.1', 'amd64', 'KylinSoft <support@kylinos.cn>'],
    ['systemd', '245.4-4kylin3.11k5', 'amd64', 'KylinSoft <support@kylinos.cn>'],
    ['ukui-control-center', '3.0.4.1-0k0.46', 'amd64', 'KylinSoft <support@kylinos.cn>'],
    ['ukui-panel', '3.0.4.0-0k0.11', 'amd64', 'KylinSoft <support@kylinos.cn>'],
    ['peony', '3.0.4.0-0k0.22', 'amd64', 'KylinSoft <support@kylinos.cn>'],
    ['kylin-activation', '1.3.11-0k0.5', 'amd64', 'KylinSoft <support@kylinos.cn>'],
    ['kylin-software-center', '1.0.15-0k0.10', 'amd64', 'KylinSoft <support@kylinos.cn>'],
    ['fcitx', '1:4.2.9.7-3kylin1', 'all', 'KylinSoft <support@kylinos.cn>'],
  ],
  uos: [
    ['base-files', '1:2020.1207', 'amd64', 'UnionTech <support@uniontech.com>'],
    ['bash', '5.0-4', 'amd64', 'Matthias Klose <doko@debian.org>'],
    ['coreutils', '8.30-3', 'amd64', 'Michael Stone <mstone@debian.org>'],
    ['dpkg', '1.19.7-deepin', 'amd64', 'Dpkg Developers <debian-dpkg@lists.debian.org>'],
    ['apt', '1.8.2.3-deepin1', 'amd64', 'APT Development Team <deity@lists.debian.org>'],
    ['libc6', '2.28.12-1+eagle', 'amd64', 'GNU Libc Maintainers <debian-glibc@lists.debian.org>'],
    [
      'systemd',
      '241.53-1+dde',
      'amd64',
      'Debian systemd Maintainers <pkg-systemd-maintainers@lists.alioth.debian.org>',
    ],
    ['dde-control-center', '5.4.47-1', 'amd64', 'Deepin Packages Builder <packages@deepin.com>'],
    ['dde-file-manager', '5.2.24-1', 'amd64', 'Deepin Packages Builder <packages@deepin.com>'],
    ['deepin-terminal', '5.4.0.17-1', 'amd64', 'Deepin Packages Builder <packages@deepin.com>'],
    ['deepin-app-store', '5.7.13.1-1', 'amd64', 'Deepin Packages Builder <packages@deepin.com>'],
  ],
};

/** A package removed with its configuration kept: read, but not installed. */
const REMOVED = [
  'libreoffice-core',
  '1:6.4.7-0ubuntu0.20.04.1',
  'amd64',
  'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>',
];

export function basePackagesOf(host) {
  return BASE_PACKAGES[host.osKind];
}

function paragraph([name, version, arch, maintainer], status = 'install ok installed') {
  return [
    `Package: ${name}`,
    `Status: ${status}`,
    'Priority: optional',
    'Section: utils',
    'Installed-Size: 1024',
    `Maintainer: ${maintainer}`,
    `Architecture: ${arch}`,
    `Version: ${version}`,
    `Description: ${name}`,
    ` ${name} as shipped with the distribution.`,
    '',
  ].join('\n');
}

/** The files of one pilot computer: [{ name, bytes }]. */
export function linuxEvidenceFiles(host) {
  const office =
    SOFTWARE_TITLES[host.software.find((s) => SOFTWARE_TITLES[s.title].category === 'office').title];
  const packages = [
    ...BASE_PACKAGES[host.osKind],
    [office.name, office.version, 'amd64', `${office.publisher} <wps@wps.cn>`],
  ];
  packages.sort((a, b) => a[0].localeCompare(b[0]));
  const status = [...packages.map((p) => paragraph(p)), paragraph(REMOVED, 'deinstall ok config-files')].join(
    '\n',
  );
  const files = [
    { name: 'os-release', bytes: Buffer.from(host.osKind === 'kylin' ? KYLIN_OS_RELEASE : UOS_OS_RELEASE) },
    { name: 'status', bytes: Buffer.from(status) },
  ];
  if (host.osKind === 'uos') files.push({ name: 'os-version', bytes: Buffer.from(UOS_OS_VERSION) });
  return files;
}
