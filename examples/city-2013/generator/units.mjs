/**
 * The departments (单位) of the city campaign, with their authorised headcount (编制人数) and the
 * prefix of their computer names. Order is the order of the statistics table.
 */

export const UNITS = [
  { name: '市政府办公室', staff: 86, parent: '市人民政府', prefix: 'ZFB', county: false },
  { name: '市财政局', staff: 112, parent: '市人民政府', prefix: 'CZJ', county: false },
  { name: '市经信委', staff: 64, parent: '市人民政府', prefix: 'JXW', county: false },
  { name: '市科技局', staff: 45, parent: '市人民政府', prefix: 'KJJ', county: false },
  // Set up in 2013; its computers are bought with the 2014 budget, so it has none in either snapshot.
  { name: '市服务业委员会', staff: 28, parent: '市人民政府', prefix: 'FWY', county: false },
  // 领导小组办公室 (the campaign's lead office) sits here.
  { name: '市文化广电局', staff: 73, parent: '市人民政府', prefix: 'WGJ', county: false },
  { name: '双台子区', staff: 156, parent: '市', prefix: 'STZ', county: true },
  { name: '兴隆台区', staff: 143, parent: '市', prefix: 'XLT', county: true },
  { name: '大洼县', staff: 168, parent: '市', prefix: 'DWX', county: true },
  { name: '盘山县', staff: 135, parent: '市', prefix: 'PSX', county: true },
];

export const CITY_UNITS = UNITS.filter((unit) => !unit.county).map((unit) => unit.name);
export const COUNTY_UNITS = UNITS.filter((unit) => unit.county).map((unit) => unit.name);

export function unitByName(name) {
  const unit = UNITS.find((candidate) => candidate.name === name);
  if (!unit) throw new Error(`unknown unit ${name}`);
  return unit;
}

/** `CZJ-PC-007`: the naming the city's asset register uses. */
export function hostName(unit, number) {
  return `${unit.prefix}-PC-${String(number).padStart(3, '0')}`;
}

/** units.csv: UTF-8 with a BOM, as Excel saves "CSV UTF-8". */
export function unitsCsv() {
  const lines = ['单位,编制人数,上级单位', ...UNITS.map((u) => `${u.name},${u.staff},${u.parent}`)];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
