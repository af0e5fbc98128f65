/**
 * The shape of a province: cities, their departments and county departments (单位), with sizes from
 * 5 to 2 000 computers and a long tail of small units, and the hosts in them. Depends only on
 * (seed, N): the same inputs give the same units, names and host ids.
 */
import { mixSeed, mulberry32, shuffleInPlace } from './prng.mjs';

export const CITIES = [
  ['江州', 'JZ'],
  ['临川', 'LC'],
  ['青阳', 'QY'],
  ['南屏', 'NP'],
  ['云港', 'YG'],
  ['石门', 'SM'],
  ['安平', 'AP'],
  ['清河', 'QH'],
  ['白沙', 'BS'],
  ['东渡', 'DD'],
  ['北塘', 'BT'],
  ['西岭', 'XL'],
];

const DEPARTMENTS = [
  '财政局',
  '教育局',
  '公安局',
  '卫生健康委员会',
  '发展和改革委员会',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '应急管理局',
  '司法局',
  '民政局',
  '科学技术局',
  '工业和信息化局',
  '退役军人事务局',
  '林业局',
  '税务局',
  '档案馆',
  '信访局',
  '机关事务管理局',
  '政务服务中心',
];

const COUNTIES = [
  '东城区',
  '西城区',
  '南湖县',
  '北山县',
  '长宁县',
  '永安县',
  '平乐县',
  '金溪县',
  '高桥县',
  '龙泉县',
];

/**
 * Unit number `i` → its name, parent and code. City departments come first (12 cities × 30
 * departments), then county departments.
 */
export function unitIdentity(i) {
  const [city, cityCode] = CITIES[i % CITIES.length];
  const j = Math.floor(i / CITIES.length);
  if (j < DEPARTMENTS.length) {
    return { name: `${city}市${DEPARTMENTS[j]}`, parent: `${city}市人民政府`, city: cityCode, county: null };
  }
  const k = j - DEPARTMENTS.length;
  const county = COUNTIES[Math.floor(k / DEPARTMENTS.length) % COUNTIES.length];
  const round = Math.floor(k / (DEPARTMENTS.length * COUNTIES.length));
  const dept = DEPARTMENTS[k % DEPARTMENTS.length];
  const suffix = round === 0 ? '' : `第${round + 1}分局`;
  return {
    name: `${city}市${county}${dept}${suffix}`,
    parent: `${city}市${county}人民政府`,
    city: cityCode,
    county,
  };
}

/**
 * Unit sizes: log-uniform-ish between 5 and 2 000, skewed to small (median ≈ 11, mean ≈ 130, a few very
 * large), until the units hold exactly N hosts. A tiny fleet keeps at least two units.
 */
function unitSizes(random, hosts) {
  const sizes = [];
  const cap = Math.max(5, Math.min(2000, Math.floor(hosts / 2)));
  let left = hosts;
  while (left > 0) {
    const u = random();
    let size = Math.round(5 * 400 ** (u * u * u));
    size = Math.min(size, cap, left);
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/**
 * The province for N hosts: units (name, parent, staff, code, size) and a host list in unit order,
 * each host `{ index, id, unit }`. `order` gives the file order: identity, or a seeded permutation.
 */
export function buildProvince(seed, hosts, { shuffle = false } = {}) {
  const random = mulberry32(mixSeed(seed, 0x50726f76));
  const sizes = unitSizes(random, hosts);
  const units = sizes.map((size, i) => {
    const identity = unitIdentity(i);
    const staff = Math.round(size * (1.05 + random() * 0.6));
    return { ...identity, index: i, size, staff, code: `${identity.city}${String(i).padStart(4, '0')}` };
  });
  const hostList = [];
  for (const unit of units) {
    for (let seq = 1; seq <= unit.size; seq++) {
      hostList.push({
        index: hostList.length,
        id: `${unit.code}-PC${String(seq).padStart(4, '0')}`,
        unit,
      });
    }
  }
  const order = hostList.map((_, i) => i);
  if (shuffle) shuffleInPlace(mulberry32(mixSeed(seed, 0x53687566)), order);
  return { units, hosts: hostList, order };
}
