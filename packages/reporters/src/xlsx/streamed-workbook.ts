/**
 * An exceljs streaming workbook written to memory, made one way for every workbook the reporters
 * write (the xlsx report, the ledger export): inline strings, styles, and the creation date fixed to
 * the day the workbook speaks for, which keeps its bytes reproducible.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';

export interface StreamedWorkbook {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  /** Commits the workbook (every sheet committed before) and gives its bytes. */
  bytes(): Promise<Uint8Array>;
}

export async function streamedWorkbook(creator: string, asOf: string): Promise<StreamedWorkbook> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  // Loaded here, not at import: exceljs is slow to load and most runs write no workbook.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  workbook.creator = creator;
  workbook.created = new Date(`${asOf}T00:00:00Z`);
  workbook.modified = workbook.created;
  return {
    workbook,
    async bytes() {
      await workbook.commit();
      await finished;
      const bytes = Buffer.concat(chunks);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}
