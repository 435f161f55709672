import { parse } from 'csv-parse/sync';
import { csvStream, type CsvCell } from '../../../shared/platform/export/csv-stream';

async function csvOf(header: string[], pages: CsvCell[][][]): Promise<{ text: string; rows: number }> {
  let rows = 0;
  async function* source() {
    for (const page of pages) yield page;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of csvStream(header, source(), () => (rows += 1))) chunks.push(Buffer.from(chunk));
  return { text: Buffer.concat(chunks).toString('utf8'), rows };
}

describe('CSV export cells', () => {
  it('starts with a byte order mark and ends each row with CRLF', async () => {
    const { text } = await csvOf(['Nama', 'Kota'], [[['Budi', 'Jakarta']]]);
    expect(text).toBe('\uFEFFNama,Kota\r\nBudi,Jakarta\r\n');
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+62 812 3456', "'+62 812 3456"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tindented', "'\tindented"],
    ['\rreturn', "'\rreturn"],
  ])('writes %j as text a spreadsheet does not run: %j', async (value, cell) => {
    const { text } = await csvOf(['A'], [[[value]]]);
    expect(parse(text, { bom: true })[1]).toEqual([cell]);
  });

  it('leaves numbers, plain text and empty cells as they are, and quotes commas, quotes and line breaks', async () => {
    const { text } = await csvOf(['A', 'B', 'C', 'D', 'E', 'F'], [[[-5, 'PT. KITA, Tbk', 'kata "kutip"', undefined, null, 'baris satu\nbaris dua']]]);
    expect(text.split('\r\n')[1]).toBe('-5,"PT. KITA, Tbk","kata ""kutip""",,,"baris satu\nbaris dua"');
    expect(parse(text, { bom: true })[1]).toEqual(['-5', 'PT. KITA, Tbk', 'kata "kutip"', '', '', 'baris satu\nbaris dua']);
  });

  it('counts the rows of every page, not the header', async () => {
    const { rows, text } = await csvOf(['A'], [[['1'], ['2']], [], [['3']]]);
    expect(rows).toBe(3);
    expect(parse(text, { bom: true })).toEqual([['A'], ['1'], ['2'], ['3']]);
  });
});
