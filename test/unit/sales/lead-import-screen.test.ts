import { IMPORT_LIMITS } from '../../../shared/modules/sales/domain/lead-import';
import { fileProblem, isSettled, looksBinary, mappingProblems, MAX_FILE_BYTES, previewSlice, progressMark, rowsLeft, samplesOf } from '../../../portals/ui/src/features/sales/lead-import/lead-import-rules';

const FIELDS = [
  { field: 'email', required: true },
  { field: 'contactName', required: true },
  { field: 'companyName', required: false },
] as const;

describe('staff lead import screen rules', () => {
  it('refuses what the API would refuse: over 5 MB, empty, not CSV', () => {
    expect(MAX_FILE_BYTES).toBe(IMPORT_LIMITS.maxBytes);
    expect(fileProblem({ name: 'leads.csv', size: 1_000, type: 'text/csv' })).toBeUndefined();
    // Windows reports CSV files as Excel's; the extension still says CSV.
    expect(fileProblem({ name: 'LEADS.CSV', size: 1_000, type: 'application/vnd.ms-excel' })).toBeUndefined();
    expect(fileProblem({ name: 'leads.csv', size: MAX_FILE_BYTES, type: '' })).toBeUndefined();
    expect(fileProblem({ name: 'leads.csv', size: MAX_FILE_BYTES + 1, type: 'text/csv' })).toBe('tooLarge');
    expect(fileProblem({ name: 'leads.csv', size: 0, type: 'text/csv' })).toBe('emptyFile');
    expect(fileProblem({ name: 'leads.xlsx', size: 1_000, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).toBe('notCsv');
    expect(looksBinary('PK\u0003\u0004\u0000\u0000')).toBe(true);
    expect(looksBinary('Nama;Surel\nBudi;budi@example.com\n')).toBe(false);
  });

  it('sends the start of a large file cut after a line break', () => {
    expect(previewSlice('a,b\n1,2\n')).toBe('a,b\n1,2\n');
    const rows = Array.from({ length: 5_000 }, (_, i) => `Nama ${i},nama${i}@example.com`).join('\r\n');
    const start = previewSlice(`Nama,Surel\r\n${rows}`, 1_000);
    expect(start.length).toBeLessThanOrEqual(1_000);
    expect(start.endsWith('\r\n')).toBe(true);
    expect(start.split('\r\n').slice(1, -1).every((line) => /^Nama \d+,nama\d+@example\.com$/.test(line))).toBe(true);
    // No line break that early: the cut as it is (the API drops a row cut short).
    expect(previewSlice('x'.repeat(2_000), 1_000)).toHaveLength(1_000);
  });

  it('names the required fields without a column and the fields chosen twice', () => {
    expect(mappingProblems([...FIELDS], { Surel: 'email', Nama: 'contactName', Perusahaan: null })).toEqual({ missing: [], doubled: [] });
    expect(mappingProblems([...FIELDS], { Surel: null, Nama: 'contactName' })).toEqual({ missing: ['email'], doubled: [] });
    expect(mappingProblems([...FIELDS], { Surel: 'email', Nama: 'contactName', PIC: 'contactName' })).toEqual({
      missing: [],
      doubled: [{ field: 'contactName', columns: ['Nama', 'PIC'] }],
    });
  });

  it('shows the first non-blank values of a column', () => {
    const preview = { sampleRows: [['Budi', ''], ['  ', 'x'], ['Sari', 'y'], ['Ani'], ['Dewi', 'z']] };
    expect(samplesOf(preview, 0)).toEqual(['Budi', 'Sari', 'Ani']);
    expect(samplesOf(preview, 1)).toEqual(['x', 'y', 'z']);
  });

  it('counts the rows still to come apart from those in failed chunks, and stops asking once nothing moves without a person', () => {
    const failed = (chunkNo: number, rowCount: number) => ({ chunkNo, firstRow: 2, lastRow: rowCount + 1, rowCount, attempts: 5, reason: 'x' });
    expect(rowsLeft({ totalRows: 1_200, processedRows: 500, failedChunks: [] })).toEqual({ remaining: 700, inFailedChunks: 0 });
    expect(rowsLeft({ totalRows: 1_200, processedRows: 1_000, failedChunks: [failed(2, 200)] })).toEqual({ remaining: 0, inFailedChunks: 200 });
    expect(['queued', 'processing', 'completed', 'incomplete', 'failed'].filter((status) => isSettled({ status: status as 'queued' }))).toEqual(['completed', 'incomplete', 'failed']);
    // Any change of status, counted rows or failed chunks is progress; the same answer again is none.
    const job = { status: 'processing' as const, processedRows: 500, failedChunks: [] };
    expect(progressMark(job)).toBe(progressMark({ ...job }));
    expect(new Set([job, { ...job, processedRows: 1_000 }, { ...job, status: 'incomplete' as const }, { ...job, failedChunks: [failed(3, 10)] }].map(progressMark)).size).toBe(4);
  });
});
