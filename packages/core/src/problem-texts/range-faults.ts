/**
 * zh-CN words for why a version range cannot be read (versions/range.ts gives the fault's kind and
 * the part at fault; its `reason` is the English). Used as the `why` of `policy.bad-range`.
 */
import type { RangeFault } from '../versions/range.js';

const RANGE_FAULT_TEXTS: Readonly<Record<RangeFault['kind'], string>> = {
  'not-text': '版本范围必须是文字',
  control: '范围中有控制字符',
  empty: '范围是空的',
  'too-long': '范围超过 512 个字符',
  'empty-alternative': '“||” 的一侧什么也没有',
  'star-combined': '“*” 不能和其他比较条件写在一起',
  'tilde-caret': '“{token}”：不支持 ~ 和 ^ 运算符，请改写成 >= 和 <',
  'no-version': '“{token}” 只有运算符，没有版本号',
  wildcard: '版本号“{token}”带通配符，请写成 {meant}',
  'not-a-version': '“{token}” 不是版本号（可写成 >=9 <13 这样）',
};

/** Why the range cannot be read, in Chinese. */
export function rangeFaultText(fault: RangeFault): string {
  return RANGE_FAULT_TEXTS[fault.kind]
    .replace('{token}', fault.token ?? '')
    .replace('{meant}', fault.meant ?? '');
}
