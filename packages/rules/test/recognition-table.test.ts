/**
 * Recognition table: real-world DisplayNames, package names and OS captions → the catalogue product
 * they must become (or none). Includes look-alikes that must NOT be claimed: Office components,
 * vendors' other programs (360安全浏览器 is a browser, Kingsoft PowerWord is not WPS), management
 * agents of antivirus vendors.
 */
import { canonicalEdition, createRecogniser, editionFromName } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { loadBuiltin } from './builtin-policy.js';

type Row = [name: string, publisher: string | undefined, expected: string | null];

const MS = 'Microsoft Corporation';

const SOFTWARE: Row[] = [
  // Microsoft Office suites (registry DisplayNames, English and Chinese, MSI and Click-to-Run)
  ['Microsoft Office Professional Plus 2016', MS, 'ms-office'],
  ['Microsoft Office 专业增强版 2016', MS, 'ms-office'],
  ['Microsoft Office Professional Plus 2010', MS, 'ms-office'],
  ['Microsoft Office 2010', undefined, 'ms-office'],
  ['Microsoft Office Standard 2019 - zh-cn', MS, 'ms-office'],
  ['Microsoft Office LTSC 专业增强版 2021 - zh-cn', MS, 'ms-office'],
  ['Microsoft Office Home and Student 2019 - en-us', MS, 'ms-office'],
  ['Microsoft Office Enterprise 2007', MS, 'ms-office'],
  // Registers typed by hand: Chinese edition words, no publisher (the edition word ends in CJK, where
  // an ASCII word boundary never holds)
  ['Microsoft Office 专业增强版 2010', undefined, 'ms-office'],
  ['Microsoft Office 标准版 2013', undefined, 'ms-office'],
  ['Microsoft Office 家庭和学生版 2016', undefined, 'ms-office'],
  ['Microsoft Office 专业版 2007', undefined, 'ms-office'],
  ['Microsoft Office专业增强版2019', undefined, 'ms-office'],
  ['Microsoft Office 2016 专业增强版', undefined, 'ms-office'],
  ['Microsoft Office Professional Plus 2016', undefined, 'ms-office'],
  ['Microsoft Office 校对工具', undefined, 'ms-office-component'],
  ['Microsoft Office', undefined, null], // no edition, no year, no publisher: not enough to claim
  ['Microsoft 365 Apps for enterprise - zh-cn', MS, 'ms-365-apps'],
  ['Microsoft 365 企业应用版 - zh-cn', MS, 'ms-365-apps'],
  ['Microsoft Office 365 ProPlus - en-us', MS, 'ms-365-apps'],
  ['Microsoft Visio Professional 2016', MS, 'ms-visio'],
  ['Microsoft Project Standard 2019', MS, 'ms-project'],
  // Office parts, packs and updates: never the suite
  ['Microsoft Office 2007 Service Pack 3 (SP3)', 'Microsoft', 'ms-office-component'],
  ['Microsoft Office 2010 Service Pack 1 (SP1)', 'Microsoft', 'ms-office-component'],
  ['Microsoft Office Proof (Chinese (Simplified)) 2010', MS, 'ms-office-component'],
  ['Microsoft Office Proofing (English) 2010', MS, 'ms-office-component'],
  ['Microsoft Office OSM MUI (Chinese (Simplified)) 2010', MS, 'ms-office-component'],
  ['Microsoft Office Shared Setup Metadata MUI (English) 2010', MS, 'ms-office-component'],
  ['Microsoft Office Click-to-Run Extensibility Component', MS, 'ms-office-component'],
  ['Microsoft Office Access database engine 2010 (English)', MS, 'ms-office-component'],
  ['Microsoft Office Language Pack 2010 - Chinese (Simplified)/简体中文', MS, 'ms-office-component'],
  ['Security Update for Microsoft Office 2010 (KB2553091)', 'Microsoft', 'ms-update'],
  ['Update for Microsoft Office 2010 (KB2553092)', 'Microsoft', 'ms-update'],
  ['Hotfix for Windows XP (KB2158563)', MS, 'ms-update'],
  ['Windows XP Service Pack 3', MS, 'ms-update'],
  ['Microsoft Visual C++ 2010  x86 Redistributable - 10.0.40219', MS, 'ms-vc-runtime'],
  ['Microsoft Visual C++ 2019 X86 Minimum Runtime - 14.28.29334', MS, 'ms-vc-runtime'],
  ['Microsoft .NET Framework 4 Client Profile', MS, 'ms-dotnet'],
  ['Microsoft SQL Server 2017', 'Microsoft', 'ms-sql-server'],
  ['Microsoft SQL Server 2008 Setup Support Files', MS, null],
  ['Office', 'Microsoft Corporation', null], // the Store "Office" hub app
  // Activation-only records (SoftwareLicensingProduct names) kept by the Windows scanner
  ['Office 16, Office16ProPlusVL_KMS_Client edition', MS, 'ms-office'],
  ['Office 16, Office16VisioProVL_KMS_Client edition', MS, 'ms-visio'],
  ['Office 16, Office16O365ProPlusR_Subscription1 edition', MS, 'ms-365-apps'],
  ['Office 16, OfficeKMSHostVL_KMS_Host edition', MS, 'ms-office-component'],
  // WPS Office and other office suites
  ['WPS Office (11.1.0.11704)', 'Kingsoft Corp.', 'wps-office'],
  ['WPS Office (12.1.0.16120)', 'Kingsoft Corp.', 'wps-office'],
  ['WPS 2019', 'Kingsoft Corp.', 'wps-office'],
  ['wps-office', 'Kingsoft Office Software', 'wps-office'],
  ['wpsoffice', undefined, 'wps-office'],
  ['WPS Office 2016 个人版', 'Kingsoft Corp.', 'wps-office-personal'],
  ['Kingsoft Office Free 2013', 'Kingsoft Corp.', 'wps-office-personal'],
  ['WPS Office 2019 专业增强版', '珠海金山办公软件有限公司', 'wps-office-pro'],
  ['WPS Office 2016 专业版', 'Kingsoft Corp.', 'wps-office-pro'],
  ['WPS Office 政务版', '北京金山办公软件股份有限公司', 'wps-office-pro'],
  ['WPS云文档', 'Kingsoft Corp.', null],
  ['Kingsoft PowerWord', 'Kingsoft Corp.', 'kingsoft-powerword'],
  ['金山词霸', 'Kingsoft Corp.', 'kingsoft-powerword'],
  ['永中Office 2019', '永中软件股份有限公司', 'yozo-office'],
  ['yozo-office', undefined, 'yozo-office'],
  ['LibreOffice 7.5.3.2', 'The Document Foundation', 'libreoffice'],
  ['libreoffice-core', 'Debian LibreOffice Maintainers', 'libreoffice'],
  ['libreoffice7.6-core', undefined, 'libreoffice'],
  ['libreoffice-writer', undefined, 'libreoffice-component'],
  ['libreoffice', undefined, 'libreoffice-component'],
  ['LibreOffice 7.5 Help Pack (Chinese (simplified))', 'The Document Foundation', 'libreoffice-component'],
  ['OpenOffice 4.1.13', 'Apache Software Foundation', 'openoffice'],
  // Antivirus, domestic
  ['火绒安全软件', '北京火绒网络科技有限公司', 'huorong-security'],
  ['火绒终端安全管理系统', '北京火绒网络科技有限公司', 'huorong-endpoint'],
  ['360安全卫士', '360安全中心', '360-safe'],
  ['360杀毒', '360安全中心', '360-antivirus'],
  ['360 Total Security', 'Qihoo 360', '360-total-security'],
  ['360天擎终端安全管理系统', '360安全中心', '360-endpoint'],
  ['奇安信天擎终端安全管理系统', '奇安信科技集团股份有限公司', 'qianxin-tianqing'],
  ['瑞星杀毒软件', '北京瑞星网安技术股份有限公司', 'rising-antivirus'],
  ['瑞星个人防火墙', '北京瑞星网安技术股份有限公司', null],
  ['金山毒霸', 'Kingsoft', 'kingsoft-antivirus'],
  ['江民杀毒软件KV2011', '北京江民新科技术有限公司', 'jiangmin-antivirus'],
  ['腾讯电脑管家', '腾讯科技(深圳)有限公司', 'tencent-pc-manager'],
  ['安天智甲终端防御系统', '安天科技集团股份有限公司', 'antiy-iep'],
  // 360's other programs are not antivirus
  ['360安全浏览器', '360安全中心', '360-secure-browser'],
  ['360极速浏览器', '360安全中心', '360-speed-browser'],
  ['360压缩', '360安全中心', '360-zip'],
  ['360驱动大师', '360安全中心', null],
  // Antivirus, foreign; vendors' management agents are not antivirus
  ['Kaspersky Endpoint Security for Windows', 'AO Kaspersky Lab', 'kaspersky'],
  ['Kaspersky Security Center Network Agent', 'AO Kaspersky Lab', null],
  ['Symantec Endpoint Protection', 'Symantec Corporation', 'symantec-endpoint-protection'],
  ['Symantec Backup Exec Remote Agent for Windows Systems', 'Symantec Corporation', 'symantec-backup-exec'],
  ['Norton 360', 'NortonLifeLock Inc', 'norton'],
  ['McAfee VirusScan Enterprise', 'McAfee, Inc.', 'mcafee'],
  ['McAfee Agent', 'McAfee, Inc.', null],
  ['ESET Endpoint Antivirus', 'ESET, spol. s r.o.', 'eset'],
  ['ESET Management Agent', 'ESET, spol. s r.o.', null],
  ['Trend Micro Apex One Security Agent', 'Trend Micro Inc.', 'trend-micro'],
  ['Windows Defender', MS, 'ms-defender'],
  ['Microsoft Defender Antivirus', MS, 'ms-defender'],
  ['Microsoft Security Essentials', MS, 'ms-security-essentials'],
  ['clamav', 'ClamAV Team', 'clamav'],
  // Activators and cracks (before everything else)
  ['KMSpico v10.2.0', undefined, 'kmspico'],
  ['AutoPico Daily Restart', undefined, 'kmspico'],
  ['KMSAuto Net 2016', undefined, 'kmsauto'],
  ['KMSAuto_Net_Portable', undefined, 'kmsauto'],
  ['KMS_VL_ALL_AIO', undefined, 'kms-vl-all'],
  ['SppExtComObjHook.dll', undefined, 'kms-vl-all'],
  ['HEU KMS Activator 24.6.0', undefined, 'heu-kms-activator'],
  ['HEU_KMS_Activator_v19.6.0', undefined, 'heu-kms-activator'],
  ['AAct Portable', undefined, 'aact'],
  ['AAct_x64', undefined, 'aact'],
  ['Microsoft Toolkit 2.6.7', undefined, 'microsoft-toolkit'],
  ['Re-Loader Activator 3.0', undefined, 're-loader'],
  ['Windows Loader 2.2.2', undefined, 'windows-loader'],
  ['C:\\Program Files\\Microsoft Office\\root\\vfs\\System\\sppc.dll', undefined, 'mas-activation-scripts'],
  ['Microsoft Office 2016 破解版', undefined, 'crack-tool'],
  ['WinRAR 注册机', undefined, 'crack-tool'],
  ['Adobe Photoshop CS6 Keygen', undefined, 'crack-tool'],
  ['Crackdown 3', undefined, null],
  // The domestic OS vendors' own activation clients are not crack tools (UOS ships `uos-activator`).
  ['uos-activator', undefined, 'os-vendor-activation-client'],
  ['kylin-activation', undefined, 'os-vendor-activation-client'],
  ['Some Activator Pro', undefined, 'crack-tool'],
  // Browsers, archivers, PDF readers, IM, remote tools, runtimes
  ['Google Chrome', 'Google LLC', 'google-chrome'],
  ['google-chrome-stable', undefined, 'google-chrome'],
  ['Microsoft Edge', MS, 'ms-edge'],
  ['Microsoft Edge Update', undefined, 'ms-edge-webview2'],
  ['Microsoft Edge WebView2 Runtime', MS, 'ms-edge-webview2'],
  ['Mozilla Firefox 10.0.2 (x86 en-US)', 'Mozilla', 'firefox'],
  ['firefox-esr', undefined, 'firefox'],
  ['Mozilla Thunderbird (2.0.0.23)', 'Mozilla', 'thunderbird'],
  ['Opera Stable 76.0.4017.123', 'Opera Software', 'opera'],
  ['Windows Internet Explorer 8', MS, 'ms-internet-explorer'],
  ['7-Zip 19.00 (x64)', 'Igor Pavlov', '7-zip'],
  ['WinRAR 6.02 (64-bit)', 'win.rar GmbH', 'winrar'],
  ['2345好压', '2345移动科技', 'haozip'],
  ['Adobe Reader X (10.1.2)', 'Adobe Systems Incorporated', 'adobe-reader'],
  ['Adobe Acrobat Reader DC', 'Adobe Systems Incorporated', 'adobe-reader'],
  ['Adobe Acrobat DC', 'Adobe Systems Incorporated', 'adobe-acrobat'],
  ['Adobe Acrobat 专业版', undefined, 'adobe-acrobat'],
  ['Adobe Acrobat X 标准版', undefined, 'adobe-acrobat'],
  ['Spelling Dictionaries Support For Adobe Reader 9', 'Adobe Systems Incorporated', 'adobe-component'],
  ['福昕阅读器', '福建福昕软件开发股份有限公司', 'foxit-reader'],
  ['数科OFD阅读器', '北京数科网维技术有限责任公司', 'suwell-ofd-reader'],
  ['微信', '腾讯科技(深圳)有限公司', 'wechat'],
  ['企业微信', '腾讯科技(深圳)有限公司', 'wecom'],
  ['钉钉', '钉钉(中国)信息技术有限公司', 'dingtalk'],
  ['腾讯QQ', '腾讯科技(深圳)有限公司', 'tencent-qq'],
  ['QQ音乐', '腾讯科技(深圳)有限公司', 'qq-player'],
  ['飞书', '北京飞书科技有限公司', 'feishu'],
  ['Teams Machine-Wide Installer', MS, 'ms-teams'],
  ['TeamViewer 15', 'TeamViewer', 'teamviewer'],
  ['向日葵远程控制', '上海贝锐信息科技股份有限公司', 'sunlogin'],
  ['Java(TM) 6 Update 31', 'Oracle', 'java-runtime'],
  ['Java 8 Update 291 (64-bit)', 'Oracle Corporation', 'java-runtime'],
  // Ordinary free tools are catalogued now (catalog/development); a server package is not
  ['PuTTY version 0.58', 'Simon Tatham', 'putty'],
  ['Git version 2.12.2.2', 'The Git Development Community', 'git'],
  ['apache2', undefined, null],
  // Distribution packages named after the distribution are not the operating system: they are its
  // own packages (catalog/system.yaml)
  ['centos-release', undefined, 'linux-distribution-package'],
  ['fedora-release', 'Fedora Project', 'linux-distribution-package'],
  ['ubuntu-keyring', 'Ubuntu Developers', 'linux-distribution-package'],
  ['deepin-terminal', undefined, 'linux-distribution-package'],
  // The distribution's own packages, by maintainer / vendor …
  ['gitg', 'Fedora Project', 'linux-distribution-package'],
  ['gnome-shell', 'Red Hat, Inc.', 'linux-distribution-package'],
  ['nginx', 'Ubuntu Developers', 'linux-distribution-package'],
  ['vim', 'Debian Vim Maintainers', 'linux-distribution-package'],
  ['ukui-panel', 'Kylin Team', 'linux-distribution-package'],
  ['dde-dock', 'Deepin Packages Builder', 'linux-distribution-package'],
  ['gcc', 'openEuler', 'linux-distribution-package'],
  ['apache2.2-bin', 'Debian Apache Maintainers', 'linux-distribution-package'],
  // … by the base system of a family, or a package name that says what it is
  ['coreutils', undefined, 'linux-distribution-package'],
  ['glibc-langpack-zh', undefined, 'linux-distribution-package'],
  ['NetworkManager-wifi', undefined, 'linux-distribution-package'],
  ['libssl3', undefined, 'linux-distribution-package'],
  ['python3-apt', undefined, 'linux-distribution-package'],
  ['fonts-noto-cjk', undefined, 'linux-distribution-package'],
  ['linux-image-5.15.0-91-generic', undefined, 'linux-distribution-package'],
  ['gcc-12-base', undefined, 'linux-distribution-package'],
  ['vim-common', undefined, 'linux-distribution-package'],
  ['kylin-nm', undefined, 'linux-distribution-package'],
  // Third-party titles on those systems stay listed (or are their own product)
  ['com.qq.weixin.deepin', 'Deepin Packages Builder', 'wechat'],
  ['com.example.notes.deepin', 'Deepin Packages Builder', null], // a store app deepin packaged
  ['cn.example.reader', 'UnionTech Software Technology Co., Ltd.', null],
  ['com.qq.weixin', undefined, null],
  ['sogoupinyin', undefined, 'sogou-pinyin'], // third party: its own product, not the distribution's
  ['google-chrome-stable', 'Chrome Linux Team', 'google-chrome'],
  ['wps-office', 'Kingsoft Office Software', 'wps-office'],
  ['libreoffice-core', 'Debian LibreOffice Maintainers', 'libreoffice'],
  ['LibreCAD 2.2', undefined, 'librecad'],
  ['mysql-community-server', 'Oracle and/or its affiliates', 'mysql-server'], // Oracle's own repository
  ['nodejs', 'NodeSource', 'nodejs'],
  // Windows drivers, hardware utilities and runtimes: one grouped component product
  ['Realtek High Definition Audio Driver', 'Realtek Semiconductor Corp.', 'windows-system-component'],
  ['NVIDIA 图形驱动程序 466.77', 'NVIDIA Corporation', 'windows-system-component'],
  ['NVIDIA Graphics Driver 466.77', 'NVIDIA Corporation', 'windows-system-component'],
  [
    'Windows Driver Package - Intel (e1dexpress) Net  (12/05/2019 12.18.9.10)',
    'Intel',
    'windows-system-component',
  ],
  ['Intel(R) Management Engine Components', 'Intel Corporation', 'windows-system-component'],
  ['Synaptics Pointing Device Driver', 'Synaptics Incorporated', 'windows-system-component'],
  ['Microsoft Edge WebView2 Runtime', 'Microsoft Corporation', 'ms-edge-webview2'],
  ['Microsoft Visual Studio 2010 Tools for Office Runtime (x64)', MS, 'windows-system-component'],
  ['NVIDIA PhysX 系统软件 9.19.0218', 'NVIDIA Corporation', 'windows-system-component'],
  ['Realtek Card Reader', 'Realtek Semiconductor Corp.', 'windows-system-component'],
  ['Microsoft Update Health Tools', MS, 'windows-system-component'],
  ['Driver Booster 9', 'IObit', null],
  ['驱动精灵', '驱动之家', 'drivergenius'], // a driver tool, not a driver
  ['debian-archive-keyring', undefined, null],
  ['Windows Media Player 10', undefined, null],
  ['Windows 10 Update Assistant', MS, null],
];

type OsRow = [name: string, id: string | undefined, expected: string | null, edition?: string];

const OPERATING_SYSTEMS: OsRow[] = [
  ['Microsoft Windows 7 Professionnel ', 'windows', 'ms-windows', 'Professional'],
  ['Microsoft Windows 10 专业版', 'windows', 'ms-windows', 'Professional'],
  ['Microsoft Windows 10 家庭中文版', 'windows', 'ms-windows', 'Home'],
  ['Windows 10 Pro', undefined, 'ms-windows', 'Professional'],
  ['Майкрософт Windows 10 Pro', undefined, 'ms-windows', 'Professional'],
  ['Microsoft Windows 11 企业版', undefined, 'ms-windows', 'Enterprise'],
  // Registers typed by hand: Chinese edition words without os-release id or publisher
  ['Windows 7 旗舰版', undefined, 'ms-windows', 'Ultimate'],
  ['Windows 10 专业工作站版', undefined, 'ms-windows', 'Professional'],
  ['Microsoft Windows 10 企业版 LTSC', undefined, 'ms-windows', 'LTSC'],
  ['Windows Server 2008 R2 企业版', undefined, 'ms-windows-server', 'Enterprise'],
  ['Windows Server 2019 数据中心版', undefined, 'ms-windows-server', 'Server'],
  ['Microsoft Windows Server 2019 Standard', 'windows', 'ms-windows-server', 'Standard'],
  ['Windows Server 2016 Datacenter', undefined, 'ms-windows-server', 'Server'],
  ['Kylin Linux Advanced Server V10 (Sword)', 'kylin', 'kylin-server'],
  ['Kylin V10 SP1', 'kylin', 'kylin-desktop'],
  ['银河麒麟桌面操作系统V10', undefined, 'kylin-desktop'],
  ['NeoKylin Linux Desktop 7.0', 'neokylin', 'neokylin'],
  ['UnionTech OS Server 20', 'UOS', 'uos-server'],
  ['UnionTech OS Desktop 20 Pro', 'uos', 'uos-desktop'],
  ['Deepin 20.4', 'Deepin', 'deepin'],
  ['openKylin 1.0', 'openkylin', 'openkylin'],
  ['openEuler 20.03 (LTS)', 'openEuler', 'openeuler'],
  ['Anolis OS 8.8', 'anolis', 'anolis'],
  ['Debian GNU/Linux 11 (bullseye)', 'debian', 'debian'],
  ['Ubuntu', 'ubuntu', 'ubuntu'],
  ['CentOS Linux 7 (Core)', 'centos', 'centos'],
  ['Rocky Linux 9.2 (Blue Onyx)', 'rocky', 'rocky-linux'],
  ['AlmaLinux 9.2 (Turquoise Kodkod)', 'almalinux', 'almalinux'],
  ['Fedora 31 (Workstation Edition)', undefined, 'fedora'],
  ['Red Hat Enterprise Linux 9.2 (Plow)', 'rhel', 'rhel'],
  ['Mageia 2', 'mageia', null],
  ['Microsoft < Windows', undefined, null],
];

/** Editions read from names typed in Chinese (the policy restricts office editions, or the product declares them). */
type EditionRow = [name: string, product: string, edition: string];

const EDITIONS: EditionRow[] = [
  ['Microsoft Office 专业增强版 2010', 'ms-office', 'ProPlus'],
  ['Microsoft Office 标准版 2013', 'ms-office', 'Standard'],
  ['Microsoft Office 家庭和学生版 2016', 'ms-office', 'HomeStudent'],
  ['Microsoft Office 专业版 2007', 'ms-office', 'Professional'],
  ['Microsoft Office专业增强版2019', 'ms-office', 'ProPlus'],
  ['Microsoft Office Home and Student 2019 - en-us', 'ms-office', 'HomeStudent'],
  ['WPS Office 2019 专业增强版', 'wps-office-pro', 'ProPlus'],
];

describe('recognition table over the built-in catalogue', () => {
  const recogniser = createRecogniser(loadBuiltin('catalog'));

  it('holds at least 80 real-world rows', () => {
    expect(SOFTWARE.length + OPERATING_SYSTEMS.length).toBeGreaterThanOrEqual(80);
  });

  it.each(SOFTWARE)('%s (%s) → %s', (name, publisher, expected) => {
    const found = recogniser.recognise({ name, publisher });
    expect(found?.product.id ?? null).toBe(expected);
  });

  it.each(EDITIONS)('%s → %s, edition %s', (name, product, edition) => {
    const found = recogniser.recognise({ name });
    expect(found?.product.id).toBe(product);
    expect(found?.edition).toBe(edition);
  });

  it('reads no edition out of an OS name whose only edition-like word is an EditionID (CentOS "(Core)")', () => {
    // The policy packs deny Home for the OS class, so a name read as Home would fail a genuine CentOS.
    expect(editionFromName('CentOS Linux 7 (Core)')).toBeUndefined();
    expect(editionFromName('Microsoft Windows 10 Home')).toBe('Home');
    expect(canonicalEdition('Core')).toBe('Home');
  });

  it.each(OPERATING_SYSTEMS)('OS %s [%s] → %s %s', (name, id, expected, edition) => {
    const found = recogniser.recogniseOs({ name, id });
    expect(found?.product.id ?? null).toBe(expected);
    if (edition) expect(found?.edition).toBe(edition);
  });
});
