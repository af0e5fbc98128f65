/**
 * os-release style ids for operating system names as inventories write them (`银河麒麟`,
 * `UnionTech OS Desktop 20 Pro`, `Microsoft Windows 10 专业版`), so hosts from CSV, osquery or GLPI
 * carry the same `os.id` as hosts from /etc/os-release.
 */

const NAME_TO_ID: ReadonlyArray<readonly [RegExp, string]> = [
  [/windows/i, 'windows'],
  [/openkylin/i, 'openkylin'],
  [/neokylin|中标麒麟/i, 'neokylin'],
  [/kylin|麒麟/i, 'kylin'],
  [/uniontech|\buos\b|统信/i, 'uos'],
  [/deepin|深度/i, 'deepin'],
  [/openeuler|欧拉/i, 'openEuler'],
  [/ubuntu/i, 'ubuntu'],
  [/debian/i, 'debian'],
  [/centos/i, 'centos'],
  [/red ?hat|rhel/i, 'rhel'],
  [/fedora/i, 'fedora'],
  [/anolis|龙蜥/i, 'anolis'],
  [/mac ?os|darwin/i, 'macos'],
];

/** The os-release-style id of an OS display name, or undefined. */
export function osIdFromName(name: string): string | undefined {
  for (const [pattern, id] of NAME_TO_ID) if (pattern.test(name)) return id;
  return undefined;
}
