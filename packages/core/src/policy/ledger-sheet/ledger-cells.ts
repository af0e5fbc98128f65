/**
 * The cell values of a ledger sheet, as offices write them, turned into the values of the YAML
 * format: 授权类型 and 状态 words, 不限 seats, dates as Excel serials or 2013/5/20 or 2013年5月20日,
 * lists separated by 、 or commas, money with ¥ and thousands separators. Each reader returns the
 * value or the reason the cell cannot be read; nothing is guessed.
 */
import { canonicalEdition } from '../../editions.js';
import type { EntitlementStatus, EntitlementType, LocalText } from '../../model.js';
import { parseVersionRange } from '../../versions/range.js';
import { isRealDate } from '../policy-values.js';
import { cellText, type SheetCell } from './sheet-grid.js';

/** A value, or why the cell cannot be read, in both languages (en first, as messages are written). */
export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: LocalText };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = <T>(en: string, zh: string): CellResult<T> => ({ ok: false, reason: { zh, en } });

const compact = (text: string): string => text.replace(/\s+/g, '').toLowerCase();

const TYPE_WORDS: Readonly<Record<string, EntitlementType>> = {
  oem: 'oem',
  预装: 'oem',
  'oem/预装': 'oem',
  批量: 'volume',
  批量许可: 'volume',
  批量授权: 'volume',
  volume: 'volume',
  零售: 'retail',
  retail: 'retail',
  订阅: 'subscription',
  subscription: 'subscription',
  场地: 'site',
  场地授权: 'site',
  site: 'site',
  按用户: 'per-user',
  'per-user': 'per-user',
  免费: 'freeware',
  freeware: 'freeware',
  开源: 'open-source',
  'open-source': 'open-source',
};

const STATUS_WORDS: Readonly<Record<string, EntitlementStatus>> = {
  在用: 'active',
  有效: 'active',
  active: 'active',
  停用: 'retired',
  报废: 'retired',
  retired: 'retired',
  调出: 'disposed',
  处置: 'disposed',
  disposed: 'disposed',
};

/** 授权类型: the Chinese words, the YAML words. */
export function readType(cell: SheetCell): CellResult<EntitlementType> {
  const word = cellText(cell);
  const type = word === undefined ? undefined : TYPE_WORDS[compact(word)];
  return type
    ? ok(type)
    : bad(
        `"${word}" is not a 授权类型 (OEM/预装, 批量, 零售, 订阅, 场地, 按用户, 免费, 开源)`,
        `“${word}”不是授权类型（OEM/预装、批量、零售、订阅、场地、按用户、免费、开源）`,
      );
}

/** 状态: 在用 → active, 停用/报废 → retired, 调出/处置 → disposed. */
export function readStatus(cell: SheetCell): CellResult<EntitlementStatus> {
  const word = cellText(cell);
  const status = word === undefined ? undefined : STATUS_WORDS[compact(word)];
  return status
    ? ok(status)
    : bad(
        `"${word}" is not a 状态 (在用, 停用/报废, 调出/处置)`,
        `“${word}”不是状态（在用、停用/报废、调出/处置）`,
      );
}

/** 数量: a whole number ≥ 1 (a trailing 套/个/份 allowed), or 不限 / unlimited. */
export function readSeats(cell: SheetCell): CellResult<number | 'unlimited'> {
  if (typeof cell === 'number')
    return Number.isInteger(cell) && cell >= 1
      ? ok(cell)
      : bad(`${cell} is not a whole number of seats ≥ 1`, `${cell} 不是不小于 1 的整数`);
  const word = compact(cellText(cell) ?? '');
  if (word === '不限' || word === '无限' || word === 'unlimited') return ok('unlimited');
  const match = /^([0-9]{1,9})(?:套|个|份|用户)?$/.exec(word.replace(/,/g, ''));
  const seats = match ? Number(match[1]) : Number.NaN;
  return seats >= 1
    ? ok(seats)
    : bad(
        `"${cellText(cell)}" is not a number of seats (a whole number ≥ 1, or 不限)`,
        `“${cellText(cell)}”不是数量（不小于 1 的整数，或“不限”）`,
      );
}

/** Days from 1899-12-30 (Excel's day 0 in the 1900 date system, past its 1900-02-29 bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A date: an Excel serial number, or `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`, `YYYYMMDD`. */
export function readSheetDate(cell: SheetCell): CellResult<string> {
  if (typeof cell === 'number') {
    // 20130520 typed into a number cell is a date written without separators, not a serial.
    if (cell >= 19000101 && cell <= 29991231 && Number.isInteger(cell)) return readSheetDate(String(cell));
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465)
      return bad(
        `${cell} is not a date (an Excel date number between 1 and 2958465)`,
        `${cell} 不是日期（Excel 日期序号应在 1 到 2958465 之间）`,
      );
    return ok(new Date(EXCEL_EPOCH + Math.floor(cell) * DAY_MS).toISOString().slice(0, 10));
  }
  const written = cellText(cell) ?? '';
  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]0{1,2}:00(?::00)?)?$/.exec(written) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(written);
  if (!match)
    return bad(
      `"${written}" is not a date (write 2013-05-20, 2013/5/20 or 2013年5月20日)`,
      `“${written}”不是日期（请写成 2013-05-20、2013/5/20 或 2013年5月20日）`,
    );
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isRealDate(iso)
    ? ok(iso)
    : bad(`"${written}" is a day that does not exist`, `“${written}”是不存在的日期`);
}

/** A list cell: items separated by 、 , ， ; ； or line breaks. */
export function readList(cell: SheetCell): string[] {
  return (cellText(cell) ?? '')
    .split(/[、,，;；\n\r]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** 版本类型: each word an edition the vocabulary knows (专业版, 企业版, Professional …). */
export function readEditionList(cell: SheetCell): CellResult<string[]> {
  const words = readList(cell);
  const unknown = words.filter((word) => canonicalEdition(word) === undefined);
  return unknown.length === 0
    ? ok(words)
    : bad(
        `"${unknown[0]}" is not a known edition (专业版, 企业版, 家庭版 …)`,
        `“${unknown[0]}”不是已知的版本类型（专业版、企业版、家庭版……）`,
      );
}

/** 版本范围: a version range in the product's scheme (`>=9 <13`, `2019`). */
export function readVersionRange(cell: SheetCell): CellResult<string> {
  const written = cellText(cell) ?? '';
  const parsed = parseVersionRange(written);
  return parsed.ok
    ? ok(written)
    : bad(
        `"${written}" is not a version range: ${parsed.reason}`,
        `“${written}”不是有效的版本范围：${parsed.reason}`,
      );
}

/** Money: a number ≥ 0; text may carry ¥ / ￥ / 元 / CNY and thousands separators. */
export function readMoney(cell: SheetCell): CellResult<number> {
  if (typeof cell === 'number')
    return Number.isFinite(cell) && cell >= 0
      ? ok(cell)
      : bad(`${cell} is not an amount of money ≥ 0`, `${cell} 不是不小于 0 的金额`);
  const written = cellText(cell) ?? '';
  const digits = written.replace(/^(?:¥|￥|cny|rmb)\s*/i, '').replace(/\s*(?:元|cny|rmb)$/i, '');
  if (
    !/^[0-9]{1,3}(?:,?[0-9]{3})*(?:\.[0-9]{1,4})?$/.test(digits) &&
    !/^[0-9]+(?:\.[0-9]{1,4})?$/.test(digits)
  )
    return bad(
      `"${written}" is not an amount of money (write 1200 or ¥1,200.00)`,
      `“${written}”不是金额（请写成 1200 或 ￥1,200.00）`,
    );
  return ok(Number(digits.replace(/,/g, '')));
}

/** An id as the YAML format allows it: letters, digits, '.', '_' and '-'. */
export function readId(cell: SheetCell): CellResult<string> {
  const written = cellText(cell);
  if (written === undefined) return bad('the row has no 授权编号', '该行没有授权编号');
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(written)
    ? ok(written)
    : bad(
        `"${written}" is not a valid 授权编号 (letters, digits, '.', '_' and '-', starting with a letter or digit)`,
        `“${written}”不是有效的授权编号（由字母、数字、“.”“_”“-”组成，以字母或数字开头）`,
      );
}
