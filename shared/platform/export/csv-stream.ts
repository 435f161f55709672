import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

/** A cell of an exported row: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | undefined | null;

/**
 * An export's CSV as a stream, written as pages of rows arrive (a 50,000-row list never sits
 * in memory whole). A BOM so that Excel reads UTF-8 (Indonesian names); CRLF as spreadsheets
 * write; cells starting with `=`, `+`, `-`, `@`, a tab or a CR get a leading `'`, so a
 * spreadsheet shows them as text instead of running them as formulas (CSV injection).
 */
export function csvStream(header: readonly string[], pages: AsyncIterable<readonly CsvCell[][]>, onRow: () => void = () => undefined): Readable {
  // A lone line break inside a cell is quoted too (csv-stringify quotes only the record delimiter, CRLF).
  const stringifier = stringify({ bom: true, record_delimiter: 'windows', escape_formulas: true, quoted_match: /[\r\n]/ });
  async function* records() {
    yield [...header];
    for await (const rows of pages) {
      for (const row of rows) {
        onRow();
        yield row.map((cell) => cell ?? '');
      }
    }
  }
  return Readable.from(records()).pipe(stringifier);
}
