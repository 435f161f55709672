import type { Locator } from 'playwright-core';
import { DEMO_PASSWORD, open, submitSignIn, suitePage, waitForHydration, withPageReport } from '../support/browser';
import { stackUrls } from '../support/stack-env';
import { DEMO, text, type TextKey } from '../support/texts';

jest.setTimeout(180_000);

const tr = (key: TextKey, params?: Record<string, string | number>) => text('en', key, params);
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (value: string) => new RegExp(`^${escape(value)}$`);

/** The value of a `<dt>` in a details list. */
function detail(scope: Locator, term: string): Locator {
  return scope.locator('dt', { hasText: exactly(term) }).locator('xpath=following-sibling::dd[1]');
}

/** Three chunks of the API's 500 rows, so the bar has steps to show. */
const ROWS = 1_200;
const CREATED = ROWS - 3;
/** Counts as the page prints them in English (en-GB grouping). */
const n = (value: number) => value.toLocaleString('en-GB');
/** Data rows (0-based) with something to see: Lina's e-mail (a seeded lead), a bad e-mail, no name. */
const EXISTING_AT = 10;
const BAD_EMAIL_AT = 100;
const NO_NAME_AT = 200;
/** The header is row 1 of the file, so data row i is row i + 2. */
const fileRow = (index: number) => index + 2;

/**
 * A spreadsheet export as an Indonesian office writes it: semicolons, Indonesian headers, a
 * running number the import should skip, and a "Keperluan" (purpose) column that no header
 * name suggests, mapped to the title by hand.
 */
function leadsCsv(unique: string): string {
  const sources = ['Situs web', 'Pameran', 'Rujukan', 'Telepon'];
  const lines = ['No.;Nama;Surel;Perusahaan;Telepon;Sumber;Kota;Keperluan'];
  for (let i = 0; i < ROWS; i++) {
    let cells = [
      String(i + 1),
      `Pelanggan ${i}`,
      `e2e-${unique}-${i}@impor.example`,
      `PT. Impor ${unique} ${i}`,
      `+62 812 700 ${String(i).padStart(4, '0')}`,
      sources[i % sources.length]!,
      i % 2 ? 'Bandung' : 'Jakarta',
      `Katering kantor ${unique} #${i}`,
    ];
    // Lina's seeded lead (infra/local/seed/lead-demo.ts), her e-mail written in capitals: updated, not doubled.
    if (i === EXISTING_AT) cells = [String(i + 1), 'Lina Marlina', 'Lina@Harapan.example', 'CV. Harapan Jaya', '+62 22 555 0110', 'Rujukan', 'Bandung', 'Year-end gathering, 120 guests'];
    if (i === BAD_EMAIL_AT) cells[2] = 'pelanggan.at.impor.example';
    if (i === NO_NAME_AT) cells[1] = '';
    // "; and quotes inside a cell are written the CSV way.
    lines.push(cells.map((cell) => (/[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('staff portal: lead CSV import', () => {
  const { staff } = stackUrls();
  const suite = suitePage();

  it('a sales rep previews an Indonesian CSV, fixes the mapping, imports 1,200 rows with a progress bar and sees the row errors', () =>
    withPageReport(suite.page, async () => {
      const { page } = suite;
      const unique = Date.now().toString(36).toUpperCase();
      const fileName = `leads-${unique}.csv`;

      await open(page, `${staff}/sign-in/`);
      await submitSignIn(page, DEMO.sales.email, DEMO_PASSWORD);
      await page.waitForURL(`${staff}/`);
      await waitForHydration(page);
      // The demo rep prefers Bahasa Indonesia; this device shows English until we switch (the profile keeps "id").
      await page.evaluate("localStorage.setItem('relasi.locale', 'en')");

      // --- from the leads list to the import page --------------------------------------------
      await open(page, `${staff}/leads/`);
      await page.getByRole('link', { name: tr('sales.lead.importCsv') }).click();
      await page.waitForURL(`${staff}/leads/import/`);
      await waitForHydration(page);
      await page.getByRole('heading', { level: 1, name: tr('sales.import.title') }).waitFor();

      // --- a file that is not CSV is refused before it is sent -------------------------------
      const fileInput = page.getByLabel(tr('sales.import.fileLabel'), { exact: true });
      await fileInput.setInputFiles({ name: 'leads.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('PK\u0003\u0004') });
      await page.getByRole('alert').getByText(tr('sales.import.notCsv', { name: 'leads.xlsx' })).waitFor();
      // …nor a file over 5 MB, here dropped on the drop zone.
      // (A string, as the test code has no DOM types: the page builds the DataTransfer a drop carries.)
      const bigFile = await page.evaluateHandle(`(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['Nama;Surel\\r\\n', 'x'.repeat(5 * 1024 * 1024)], 'besar.csv', { type: 'text/csv' }));
        return transfer;
      })()`);
      await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: bigFile });
      await page.getByRole('alert').getByText(tr('sales.import.tooLarge', { name: 'besar.csv', size: tr('sales.import.megabytes', { n: '5.1' }), max: tr('sales.import.megabytes', { n: '5' }) })).waitFor();

      // --- the preview suggests the mapping from the Indonesian headers ---------------------
      await fileInput.setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(leadsCsv(unique), 'utf8') });
      await page.getByRole('heading', { level: 2, name: tr('sales.import.mappingTitle') }).waitFor();
      const field = (column: string) => page.getByLabel(tr('sales.import.fieldFor', { column }), { exact: true });
      const suggested: Record<string, string> = { 'No.': '', Nama: 'contactName', Surel: 'email', Perusahaan: 'companyName', Telepon: 'phone', Sumber: 'source', Kota: 'territory', Keperluan: '' };
      for (const [column, value] of Object.entries(suggested)) expect([column, await field(column).inputValue()]).toEqual([column, value]);
      // The first values of each column are shown next to it.
      const mapTable = page.locator('table.import-map');
      await mapTable.getByRole('row', { name: /^Nama\b/ }).getByText('Pelanggan 0', { exact: true }).waitFor();
      await mapTable.getByRole('row', { name: /^Keperluan\b/ }).getByText(`Katering kantor ${unique} #0`, { exact: true }).waitFor();
      const importButton = page.getByRole('button', { name: tr('sales.import.start'), exact: true });
      await page.getByRole('status').getByText(tr('sales.import.ready')).waitFor();
      expect(await importButton.isEnabled()).toBe(true);

      // Without a column for the e-mail, Import waits and says what is missing.
      await field('Surel').selectOption('');
      await page.getByRole('status').getByText(tr('sales.import.missing', { fields: tr('common.email') })).waitFor();
      expect(await importButton.isDisabled()).toBe(true);
      await field('Surel').selectOption({ label: tr('sales.import.requiredField', { field: tr('common.email') }) });
      // By hand: the purpose column becomes the leads' title.
      await field('Keperluan').selectOption({ label: tr('common.title') });
      expect(await field('Keperluan').inputValue()).toBe('title');
      await page.getByRole('status').getByText(tr('sales.import.ready')).waitFor();

      // --- import: the progress bar runs to the end -------------------------------------------
      await importButton.click();
      await page.getByRole('heading', { level: 2, name: tr('sales.import.progressTitle', { name: fileName }) }).or(page.getByRole('heading', { level: 2, name: tr('sales.import.resultTitle', { name: fileName }) })).waitFor();
      expect(new URL(page.url()).searchParams.get('id')).toBeTruthy();
      const progress = page.getByRole('progressbar', { name: tr('sales.import.progressLabel') });
      await progress.waitFor();
      expect(await progress.getAttribute('aria-valuemax')).toBe(String(ROWS));
      // Every value the bar shows, until it is full: it only moves forward.
      const seen: number[] = [];
      const deadline = Date.now() + 120_000;
      for (;;) {
        const now = Number(await progress.getAttribute('aria-valuenow'));
        if (seen.at(-1) !== now) seen.push(now);
        if (now === ROWS || Date.now() > deadline) break;
        await page.waitForTimeout(200);
      }
      expect(seen.at(-1)).toBe(ROWS);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
      expect(await progress.getAttribute('aria-valuetext')).toBe(tr('sales.import.progressText', { done: n(ROWS), total: n(ROWS) }));
      await page.getByText(tr('sales.import.progressText', { done: n(ROWS), total: n(ROWS) }), { exact: true }).waitFor();

      // --- the summary: 1,197 new, Lina's lead updated, two rows refused with their numbers -----
      await page.getByRole('status').getByText(tr('sales.import.completed')).waitFor();
      await page.getByRole('heading', { level: 2, name: tr('sales.import.resultTitle', { name: fileName }) }).waitFor();
      const main = page.getByRole('main');
      await detail(main, tr('sales.import.totalRows')).getByText(n(ROWS), { exact: true }).waitFor();
      await detail(main, tr('sales.import.created')).getByText(n(CREATED), { exact: true }).waitFor();
      await detail(main, tr('sales.import.updated')).getByText('1', { exact: true }).waitFor();
      await detail(main, tr('sales.import.failedRows')).getByText('2', { exact: true }).waitFor();
      const errorRows = page.getByRole('region', { name: tr('sales.import.errorsTitle') }).locator('tbody tr');
      await errorRows.first().waitFor();
      expect(await errorRows.allInnerTexts()).toEqual([
        `${fileRow(BAD_EMAIL_AT)}\t${tr('common.email')}\t${tr('sales.rowError.invalid_email')}`,
        `${fileRow(NO_NAME_AT)}\t${tr('sales.lead.contactName')}\t${tr('sales.rowError.required')}`,
      ]);

      // The recent imports list shows this import with the same counts.
      const recent = page.getByRole('region', { name: tr('sales.import.recentTitle') });
      const recentRow = recent.getByRole('row').filter({ has: page.getByRole('link', { name: fileName, exact: true }) });
      await recentRow.getByText(tr('sales.importStatus.completed'), { exact: true }).waitFor();
      expect((await recentRow.locator('td.numeric').allInnerTexts()).map((cell) => cell.trim())).toEqual([n(ROWS), n(CREATED), '1', '2']);

      // Lina's lead took the new phone number; no second lead with her e-mail appeared.
      const lina = (await (await page.request.get(`${staff}/api/v1/leads?status=qualified&limit=100`)).json()) as { items: { email?: string; phone?: string }[] };
      const linas = lina.items.filter((lead) => lead.email?.toLowerCase() === 'lina@harapan.example');
      expect(linas.map((lead) => lead.phone)).toEqual(['+62 22 555 0110']);

      // --- Bahasa Indonesia ---------------------------------------------------------------------
      await page.getByLabel(tr('common.language')).selectOption('id');
      await page.getByRole('heading', { level: 1, name: text('id', 'sales.import.title') }).waitFor();
      await detail(main, text('id', 'sales.import.created')).getByText(CREATED.toLocaleString('id-ID'), { exact: true }).waitFor();
      await main.getByRole('cell', { name: text('id', 'sales.rowError.invalid_email') }).waitFor();
      // Back to English on this device only: the switch would also save "en" to the rep's profile,
      // which other tests (signing in as the same rep) expect to stay "id".
      await page.evaluate("localStorage.setItem('relasi.locale', 'en')");

      // --- back to the leads: the imported leads are there ----------------------------------------
      await page.getByRole('link', { name: text('id', 'sales.import.toLeads'), exact: true }).click();
      await page.waitForURL(`${staff}/leads/`);
      await waitForHydration(page);
      await main.getByRole('link', { name: new RegExp(`^Katering kantor ${escape(unique)} #\\d+$`) }).first().waitFor();
    }));
});
