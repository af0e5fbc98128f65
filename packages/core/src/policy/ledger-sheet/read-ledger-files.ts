/**
 * The `ledger:` key of a policy file: spreadsheets (CSV or XLSX, relative to the policy file) whose
 * rows are entitlements beside the YAML `entitlements:`. Each row goes through the very reader the
 * YAML ledger uses (read-ledger.ts), so a sheet and the same ledger written as YAML give the same
 * entitlements. What differs is the cost of a mistake: a file that cannot be read at all stops the
 * policy (like any policy error), a row that cannot be read is left out with a located problem and
 * the rest of the ledger is used.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import type { Entitlement, LocalText, Problem, SourceLocation } from '../../model.js';
import { problemText } from '../../problem-text.js';
import type { LayerContext } from '../layer-context.js';
import { readStrings } from '../policy-values.js';
import type { Path, PolicyTree } from '../policy-yaml.js';
import { ProblemList } from '../problem-list.js';
import { readEntitlements } from '../read-ledger.js';
import { type LedgerField, REQUIRED_HEADINGS } from './ledger-columns.js';
import { readCsvGrid } from './read-csv-grid.js';
import { ledgerProblem, readLedgerGrid, rowLost, type SheetEntry } from './read-ledger-grid.js';
import { readXlsxGrids, XlsxReadError } from './read-xlsx-grid.js';
import type { SheetGrid } from './sheet-grid.js';

/** Largest ledger file read (a ledger of 100 000 lines is a few MB). */
const MAX_LEDGER_BYTES = 50 * 1024 * 1024;

export interface SheetLedger {
  entitlements: Entitlement[];
  /** Each sheet entitlement's 产品 cell: its product is the text written, resolved after merging. */
  productCells: Map<Entitlement, SourceLocation>;
  /** Rows left out and other problems that do not stop the policy. */
  problems: Problem[];
}

/**
 * Reads the files named by `ledger:`. `baseDir` is the policy file's folder, undefined when the
 * policy came from a resolver (`builtin:`), which has no folder to read from.
 */
export function readLedgerFiles(
  value: unknown,
  context: LayerContext,
  baseDir: string | undefined,
  takenIds: ReadonlySet<string>,
): SheetLedger {
  const result: SheetLedger = { entitlements: [], productCells: new Map(), problems: [] };
  const files = readStrings(value) ?? [];
  const ids = new Map<string, SourceLocation>();
  files.forEach((written, index) => {
    const at = context.tree.at(typeof value === 'string' ? ['ledger'] : ['ledger', index]);
    if (baseDir === undefined) {
      context.problems.error(
        'ledger-not-on-disk',
        `Ledger "${written}" cannot be read: this policy does not come from a folder.`,
        at,
        { file: written },
      );
      return;
    }
    // Cells are located in the file as a person would open it from where the policy was given.
    const display = isAbsolute(written) ? written : join(dirname(context.tree.file), written);
    const grids = readGrids(
      isAbsolute(written) ? written : resolve(baseDir, written),
      display,
      written,
      at,
      context,
    );
    if (!grids) return;
    const readings = grids.map(readLedgerGrid);
    if (!readings.some((reading) => reading.hasHeader)) {
      context.problems.error(
        'ledger-no-header',
        `Ledger "${written}" has no header row naming ${REQUIRED_HEADINGS.join(', ')} in its first rows${grids.length > 1 ? ' on any sheet' : ''}.`,
        at,
        { file: written, headings: REQUIRED_HEADINGS.join('、') },
      );
      return;
    }
    readings.forEach((reading, sheet) => {
      if (!reading.hasHeader && grids[sheet]!.rows.some((row) => row.length > 0)) {
        result.problems.push({
          ...ledgerProblem(
            'sheet-without-header',
            {
              zh: `工作表“${grids[sheet]!.sheet}”没有台账表头行，未读取。`,
              en: `Sheet "${grids[sheet]!.sheet}" has no ledger header row and is not read.`,
            },
            { file: grids[sheet]!.file, key: grids[sheet]!.sheet },
          ),
          severity: 'info',
        });
      }
      const sheetProblems = [...reading.problems];
      for (const entry of reading.entries) addEntry(entry, context, takenIds, ids, result, sheetProblems);
      // In the order a person goes down the sheet: by row, then column.
      sheetProblems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
      result.problems.push(...sheetProblems);
    });
  });
  return result;
}

function readGrids(
  path: string,
  display: string,
  written: string,
  at: SourceLocation,
  context: LayerContext,
): SheetGrid[] | undefined {
  const extension = extname(path).toLowerCase();
  if (extension !== '.csv' && extension !== '.txt' && extension !== '.xlsx') {
    context.problems.error(
      'ledger-format',
      `Ledger "${written}" must be a .csv or .xlsx file (an .xls workbook must be saved as .xlsx first).`,
      at,
      { file: written },
    );
    return undefined;
  }
  try {
    if (statSync(path).size > MAX_LEDGER_BYTES) {
      context.problems.error('ledger-too-large', `Ledger "${written}" is larger than 50 MB; refused.`, at, {
        file: written,
      });
      return undefined;
    }
    const bytes = readFileSync(path);
    return extension === '.xlsx' ? readXlsxGrids(bytes, display) : [readCsvGrid(bytes, display)];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason: LocalText =
      error instanceof XlsxReadError
        ? error.reason
        : code === 'ENOENT'
          ? { zh: '没有这个文件', en: 'no such file' }
          : code === 'EISDIR'
            ? { zh: '这是一个文件夹', en: 'it is a folder' }
            : { zh: (error as Error).message, en: (error as Error).message };
    context.problems.error('ledger-unreadable', `Cannot read ledger "${written}": ${reason.en}.`, at, {
      file: written,
      reason,
    });
    return undefined;
  }
}

/** Runs one row through the YAML ledger reader; a problem there costs the row, as a bad cell does. */
function addEntry(
  entry: SheetEntry,
  context: LayerContext,
  takenIds: ReadonlySet<string>,
  ids: Map<string, SourceLocation>,
  result: SheetLedger,
  problems: Problem[],
): void {
  const id = entry.item.id as string;
  const row = entry.cells.get('row')!;
  const first = ids.get(id);
  if (takenIds.has(id) || first) {
    problems.push(
      ledgerProblem(
        'duplicate-id',
        rowLost({
          zh: `授权编号“${id}”已在${first ? ` ${first.key ?? `第 ${first.line} 行`} ` : '本策略文件的 entitlements 中'}使用`,
          en: `授权编号 "${id}" is already used ${first ? `at ${first.key ?? `line ${first.line}`}` : "in this policy file's entitlements"}`,
        }),
        entry.cells.get('id') ?? row,
      ),
    );
    return;
  }
  ids.set(id, entry.cells.get('id') ?? row);
  const rowProblems = new ProblemList();
  const [entitlement] = readEntitlements([entry.item], {
    tree: rowTree(entry, context.tree.file),
    problems: rowProblems,
    references: [],
  });
  if (rowProblems.count > 0 || !entitlement) {
    for (const problem of rowProblems.items) {
      const text = {
        zh: `${problemText(problem, 'zh-CN')}此台账行未读入。`,
        en: `${problem.message} This ledger line is not read.`,
      };
      problems.push({
        ...problem,
        message: text.en,
        text,
        code: problem.code.replace(/^policy\./, 'ledger.'),
        source: 'ledger',
      });
    }
    return;
  }
  entitlement.location = row;
  result.entitlements.push(entitlement);
  result.productCells.set(entitlement, entry.cells.get('product') ?? row);
}

/** The row as a one-item `entitlements:` tree whose locations are the row's cells. */
function rowTree(entry: SheetEntry, file: string): PolicyTree {
  const locate = (path: Path): SourceLocation => {
    const key = path[2];
    const field = (key === 'scope' || key === 'evidence' ? path[3] : key === 'retired' ? 'status' : key) as
      | LedgerField
      | undefined;
    return (field !== undefined && entry.cells.get(field)) || entry.cells.get('row')!;
  };
  return { file, root: { entitlements: [entry.item] }, at: locate, keyAt: locate };
}
