import { checkMapping, chunkRows, columnNames, importStatus, leadSourceOf, suggestMapping, type ChunkRow, type ChunkWork } from '../../../shared/modules/sales/domain/lead-import';
import { detectDelimiter, readCsv, readCsvStart } from '../../../shared/modules/sales/services/lead-import/csv-table';
import { chunkRowsOf, importedLeadId, validateRow } from '../../../shared/modules/sales/services/lead-import/chunk-import';
import { ValidationError } from '../../../shared/platform/errors';
import { LeadImportCreateSchema } from '../../../shared/modules/sales/schemas/lead-import.schema';

describe('lead import: column mapping', () => {
  it('suggests fields from English and Indonesian header names, ignoring case, accents and punctuation', () => {
    expect(suggestMapping(['E-mail', 'Nama Lengkap', 'PERUSAHAAN', 'No. HP', 'Sumber', 'Judul', 'Produk', 'Wilayah', 'Keterangan', 'Gaji'])).toEqual({
      'E-mail': 'email',
      'Nama Lengkap': 'contactName',
      PERUSAHAAN: 'companyName',
      'No. HP': 'phone',
      Sumber: 'source',
      Judul: 'title',
      Produk: 'productInterest',
      Wilayah: 'territory',
      Keterangan: 'memo',
      Gaji: null,
    });
    expect(suggestMapping(['Surel', 'Email', 'Phone (mobile)'])).toEqual({ Surel: 'email', Email: null, 'Phone (mobile)': 'phone' });
  });

  it('names blank and repeated header cells so every column has its own name', () => {
    expect(columnNames([' Email ', '', 'Email', 'Email'])).toEqual(['Email', 'Column 2', 'Email (2)', 'Email (3)']);
  });

  it('checks a mapping: known columns, one column per field, e-mail and contact name present', () => {
    const columns = ['Name', 'E-mail', 'Notes'];
    expect(checkMapping(columns, { Name: 'contactName', 'E-mail': 'email', Notes: null })).toEqual({ columns: [{ field: 'contactName', index: 0 }, { field: 'email', index: 1 }] });
    expect(checkMapping(columns, { Name: 'contactName' })).toMatchObject({ problem: { code: 'mapping_incomplete', details: [{ field: 'email' }] } });
    expect(checkMapping(columns, { 'E-mail': 'email', Notes: 'memo' })).toMatchObject({ problem: { code: 'mapping_incomplete', details: [{ field: 'contactName' }] } });
    expect(checkMapping(columns, { Name: 'contactName', 'E-mail': 'email', Salary: 'memo' })).toMatchObject({ problem: { code: 'unknown_column' } });
    expect(checkMapping(columns, { Name: 'contactName', 'E-mail': 'email', Notes: 'contactName' })).toMatchObject({ problem: { code: 'duplicate_mapping', details: [{ field: 'contactName', columns: ['Name', 'Notes'] }] } });
  });

  describe('columns named like Object.prototype members', () => {
    const ODD = ['valueOf', 'constructor', 'toString', 'hasOwnProperty', '__proto__'];
    const columns = ['Name', 'E-mail', ...ODD];
    // As the API receives a mapping: parsed JSON, where "__proto__" is a key like any other.
    const fromJson = (mapping: Record<string, string | null>) => JSON.parse(JSON.stringify(mapping));

    it('suggests nothing for them, yet lists every one of them', () => {
      const suggested = suggestMapping(columns);
      expect(Object.keys(suggested)).toEqual(columns);
      expect(Object.entries(suggested)).toEqual([['Name', 'contactName'], ['E-mail', 'email'], ...ODD.map((c) => [c, null])]);
      expect(JSON.parse(JSON.stringify(suggested))).toEqual(Object.fromEntries([['Name', 'contactName'], ['E-mail', 'email'], ...ODD.map((c) => [c, null])]));
    });

    it('reads them from the file and checks a mapping that leaves them out or maps them', async () => {
      const table = await readCsv(`Name,E-mail,${ODD.join(',')}\r\nBudi,b@contoh.example,1,2,3,4,5\r\n`);
      expect(table.columns).toEqual(columns);
      expect(checkMapping(columns, fromJson({ Name: 'contactName', 'E-mail': 'email' }))).toEqual({ columns: [{ field: 'contactName', index: 0 }, { field: 'email', index: 1 }] });
      expect(checkMapping(columns, fromJson(Object.fromEntries([['__proto__', 'email'], ['valueOf', 'contactName'], ['constructor', null]])))).toEqual({
        columns: [{ field: 'contactName', index: 2 }, { field: 'email', index: 6 }],
      });
      expect(checkMapping(['Name', 'E-mail'], fromJson(Object.fromEntries([['Name', 'contactName'], ['E-mail', 'email'], ['__proto__', 'memo']])))).toMatchObject({
        problem: { code: 'unknown_column', details: [{ column: '__proto__' }] },
      });
    });

    it('keeps a "__proto__" column in the request mapping and refuses a target that is no lead field', () => {
      const request = (mapping: string) => LeadImportCreateSchema.safeParse(JSON.parse(`{"fileName":"a.csv","csv":"x","mapping":${mapping}}`));
      const parsed = request('{"__proto__":"email","valueOf":null,"Name":"contactName"}');
      expect(Object.entries(parsed.data!.mapping)).toEqual([['__proto__', 'email'], ['valueOf', null], ['Name', 'contactName']]);
      for (const target of ['"constructor"', '"__proto__"', '"toString"', '"salary"', '1', '{}']) {
        const refused = request(`{"Name":${target},"E-mail":"email"}`);
        expect([target, refused.success, refused.error?.issues.map((i) => i.path)]).toEqual([target, false, [['mapping', 'Name']]]);
      }
      expect(request('[["Name","contactName"]]').success).toBe(false);
      expect(request(`{"${'x'.repeat(201)}":null}`).success).toBe(false);
    });
  });

  it('reads lead sources in English and Indonesian', () => {
    expect(['Website', 'referensi', 'Mitra', 'PAMERAN', 'telepon', 'e-mail', 'lain-lain', 'import'].map(leadSourceOf)).toEqual(['web', 'referral', 'partner', 'event', 'phone', 'email', 'other', 'import']);
    expect(leadSourceOf('carrier pigeon')).toBeUndefined();
  });
});

describe('lead import: chunks', () => {
  const rows = (n: number, cell = 'x'): ChunkRow[] => Array.from({ length: n }, (_, i) => [i + 2, `${cell}${i}`, `orang${i}@contoh.example`]);

  it('cuts rows into chunks by count and by size, never splitting a row', () => {
    expect(chunkRows(rows(1001)).map((c) => c.length)).toEqual([500, 500, 1]);
    const big = chunkRows(rows(30, 'y'.repeat(1000)), { chunkRows: 500, chunkBytes: 10_000, maxCellChars: 10_000 });
    expect(big.every((c) => new TextEncoder().encode(JSON.stringify(c)).length <= 10_000 + c.length)).toBe(true);
    expect(big.flat().map((r) => r[0])).toEqual(rows(30).map((r) => r[0]));
  });

  it('cuts an over-long cell (still too long for any field), so one row stays small', () => {
    const [chunk] = chunkRows([[2, 'z'.repeat(50_000)]], { chunkRows: 500, chunkBytes: 200 * 1024, maxCellChars: 10_000 });
    expect(chunk![0]![1]).toHaveLength(10_000);
  });

  it('reads back what it stores and refuses anything else', () => {
    const stored = { fields: ['contactName', 'email'], rows: JSON.stringify(rows(2)) };
    expect(chunkRowsOf(stored)).toEqual({ fields: ['contactName', 'email'], rows: rows(2) });
    expect(chunkRowsOf({ ...stored, fields: ['salary'] })).toBeUndefined();
    expect(chunkRowsOf({ ...stored, rows: '{"not":"rows"}' })).toBeUndefined();
    expect(chunkRowsOf({ ...stored, rows: '[[2, 3]]' })).toBeUndefined();
    expect(chunkRowsOf({ ...stored, rows: 'garbage' })).toBeUndefined();
  });

  it('derives the same lead id for the same import row, and another for any other', () => {
    expect(importedLeadId('imp-1', 2)).toBe(importedLeadId('imp-1', 2));
    expect(importedLeadId('imp-1', 2)).not.toBe(importedLeadId('imp-1', 3));
    expect(importedLeadId('imp-1', 2)).not.toBe(importedLeadId('imp-2', 2));
    expect(importedLeadId('imp-1', 2)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('lead import: status', () => {
  const job = (processedRows: number, status: 'queued' | 'processing' | 'completed' | 'failed' = 'queued') => ({ status, processedRows, totalRows: 1_000 });
  const chunk = (workState: string, workAttempts = 1): ChunkWork => ({ workState, workAttempts });

  it('is queued until a chunk is tried, processing while any chunk is still to work', () => {
    expect(importStatus(job(0), [chunk('pending', 0), chunk('pending', 0)])).toBe('queued');
    expect(importStatus(job(0), [chunk('claimed'), chunk('pending', 0)])).toBe('processing');
    // A chunk waiting for another attempt, or retried by a person after the others were counted.
    expect(importStatus(job(0), [chunk('pending', 1), chunk('pending', 0)])).toBe('processing');
    expect(importStatus(job(500), [chunk('done'), chunk('pending', 0)])).toBe('processing');
    expect(importStatus(job(500), [chunk('failed', 5), chunk('claimed')])).toBe('processing');
  });

  it('is completed once every row is counted, whatever the status stored', () => {
    expect(importStatus(job(1_000), [])).toBe('completed');
    expect(importStatus(job(1_000, 'processing'), [chunk('done'), chunk('done')])).toBe('completed');
  });

  it('is incomplete, not processing for ever, when nothing is left to work but rows are not counted', () => {
    expect(importStatus(job(500), [chunk('done'), chunk('failed', 5)])).toBe('incomplete');
    expect(importStatus(job(0), [chunk('failed', 1)])).toBe('incomplete');
    // Its chunks gone (their TTL ran out) before every row was counted.
    expect(importStatus(job(500, 'processing'), [])).toBe('incomplete');
  });

  it('is failed when its rows could not all be stored, whatever its chunks say', () => {
    expect(importStatus(job(0, 'failed'), [chunk('pending', 0)])).toBe('failed');
  });
});

describe('lead import: rows', () => {
  const fields = ['contactName', 'email', 'companyName', 'source', 'title'] as const;

  it('turns a good row into lead fields: blank cells left out, source and title defaulted', () => {
    expect(validateRow(2, fields, ['  Budi ', 'Budi@Contoh.Example', 'PT. Contoh', '', ''])).toEqual({
      valid: {
        row: 2,
        email: 'budi@contoh.example',
        fields: { contactName: 'Budi', email: 'budi@contoh.example', companyName: 'PT. Contoh', source: 'import', title: 'PT. Contoh' },
        provided: { contactName: 'Budi', email: 'budi@contoh.example', companyName: 'PT. Contoh' },
      },
    });
    expect(validateRow(3, fields, ['Sari', 'sari@contoh.example', '', 'Mitra', 'Makan siang'])).toMatchObject({ valid: { fields: { source: 'partner', title: 'Makan siang' }, provided: { source: 'partner', title: 'Makan siang' } } });
  });

  it('reports each bad field of a row with a stable code', () => {
    expect(validateRow(4, fields, ['', 'not-mail', '', 'pigeon', 'x'.repeat(161)])).toEqual({
      errors: [
        { row: 4, field: 'source', code: 'invalid_source', message: expect.stringContaining('pigeon'), value: 'pigeon' },
        { row: 4, field: 'title', code: 'too_long', message: 'At most 160 characters.', maxLength: 160 },
        { row: 4, field: 'contactName', code: 'required', message: 'Required.' },
        { row: 4, field: 'email', code: 'invalid_email', message: 'Not a valid e-mail address.' },
      ],
    });
    expect(validateRow(5, fields, ['Tanpa Surel', '', '', '', ''])).toEqual({ errors: [{ row: 5, field: 'email', code: 'required', message: expect.any(String) }] });
  });
});

describe('lead import: reading CSV', () => {
  it('reads a BOM, quoted cells with delimiters, quotes and line breaks, and CRLF line ends', async () => {
    const text = '\uFEFFName,E-mail,Notes\r\n"Budi, S.",budi@contoh.example,"two\r\nlines, ""quoted"""\r\nSari,sari@contoh.example\r\n';
    expect(await readCsv(text)).toEqual({
      columns: ['Name', 'E-mail', 'Notes'],
      rows: [
        { row: 2, cells: ['Budi, S.', 'budi@contoh.example', 'two\r\nlines, "quoted"'] },
        { row: 3, cells: ['Sari', 'sari@contoh.example', ''] },
      ],
    });
  });

  it('skips blank lines and rows of empty cells but keeps counting rows as the spreadsheet does', async () => {
    expect((await readCsv('\r\nName,E-mail\n\nBudi,b@contoh.example\n,\nSari,s@contoh.example')).rows.map((r) => r.row)).toEqual([4, 6]);
  });

  it('finds the delimiter: comma, semicolon (Excel with a decimal comma) or tab', async () => {
    expect(detectDelimiter('Nama;Surel;"Catatan, lain"\r\n')).toBe(';');
    expect(detectDelimiter('Name\tE-mail\tNotes')).toBe('\t');
    expect(detectDelimiter('"Nama; lengkap",Surel')).toBe(',');
    expect((await readCsv('Nama;Surel\nBudi;b@contoh.example\n')).rows[0]!.cells).toEqual(['Budi', 'b@contoh.example']);
  });

  it('refuses malformed CSV with invalid_csv', async () => {
    const read = readCsv('Name,E-mail\n"Budi,b@contoh.example\n');
    await expect(read).rejects.toThrow(ValidationError);
    await expect(read).rejects.toMatchObject({ code: 'invalid_csv' });
  });

  it('previews the start of a file cut in the middle of a quoted cell', async () => {
    const start = 'Name,E-mail,Notes\r\nBudi,b@contoh.example,ok\r\nSari,s@contoh.example,"a long note that was cut';
    expect(await readCsvStart(start, 5)).toEqual({ columns: ['Name', 'E-mail', 'Notes'], rows: [{ row: 2, cells: ['Budi', 'b@contoh.example', 'ok'] }] });
    const many = ['Name,E-mail', ...Array.from({ length: 20 }, (_, i) => `N${i},n${i}@contoh.example`)].join('\n');
    expect((await readCsvStart(many, 5)).rows.map((r) => r.cells[0])).toEqual(['N0', 'N1', 'N2', 'N3', 'N4']);
  });
});
