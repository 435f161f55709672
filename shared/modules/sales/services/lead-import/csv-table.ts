import { columnNames } from '../../domain/lead-import';
import { ValidationError } from '../../../../platform/errors';

/** A CSV file read: its column names and its data rows, each with its row number in the file (the header is row 1). */
export type CsvTable = { columns: string[]; rows: { row: number; cells: string[] }[] };

const DELIMITERS = [',', ';', '\t'];

/**
 * The delimiter of a spreadsheet export: whichever of comma, semicolon and tab the header line
 * holds most of (outside quotes). Excel writes semicolons where the decimal mark is a comma,
 * as in Indonesia, so both are common.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

// csv-parse is a lazy module of the API function (functions/api/lazy-modules.ts): only an import
// parses it, never a cold start.
async function records(text: string, to?: number): Promise<string[][]> {
  const { CsvError, parse } = await import('csv-parse/sync');
  try {
    return parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      // CRLF (Windows, Excel), LF and old Mac CR alike, even mixed in one file.
      record_delimiter: ['\r\n', '\n', '\r'],
      // Rows shorter or longer than the header are read as they are (missing cells are blank).
      relax_column_count: true,
      // A stray quote inside an unquoted cell (5" pipe) is kept as text, as spreadsheets write it.
      relax_quotes: true,
      ...(to ? { to } : {}),
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      throw new ValidationError(`The file is not valid CSV: ${error.message}`, [{ code: error.code, line: (error as InstanceType<typeof CsvError> & { lines?: number }).lines }], 'invalid_csv');
    }
    throw error;
  }
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

function table(all: string[][]): CsvTable {
  const headerAt = all.findIndex((cells) => !isBlank(cells));
  if (headerAt < 0) return { columns: [], rows: [] };
  const columns = columnNames(all[headerAt]!);
  const rows: CsvTable['rows'] = [];
  for (let i = headerAt + 1; i < all.length; i++) {
    const cells = all[i]!;
    // Blank lines (and rows of empty cells, as spreadsheets export them) are no leads; the
    // numbering keeps counting them, so row numbers match what the spreadsheet shows.
    if (!isBlank(cells)) rows.push({ row: i + 1, cells: columns.map((_, c) => cells[c] ?? '') });
  }
  return { columns, rows };
}

/** The whole file: header and every data row. Malformed CSV is a 400 `invalid_csv`. */
export async function readCsv(text: string): Promise<CsvTable> {
  return table(await records(text));
}

/**
 * The header and the first rows of the start of a file. The start may end in the middle of a
 * row (the portal sends only the first ~64 KB): reading stops after the rows it needs, and a
 * quoted cell cut short is dropped with its line.
 */
export async function readCsvStart(text: string, sampleRows: number): Promise<CsvTable> {
  // Room for a few blank lines among the first rows.
  const wanted = sampleRows + 20;
  let start = text;
  for (let attempt = 0; ; attempt++) {
    try {
      const read = table(await records(start, wanted));
      return { columns: read.columns, rows: read.rows.slice(0, sampleRows) };
    } catch (error) {
      const lastLine = start.lastIndexOf('\n');
      if (!(error instanceof ValidationError) || attempt >= 2 || lastLine <= 0) throw error;
      start = start.slice(0, lastLine).replace(/\r$/, '');
    }
  }
}
