// The world of the access tests (access-*.test.ts): the demo, a lead import of the sales team and a
// service ticket of PT. Sinar Pagi, with the ids of the records they reach or must not reach.
import { call, demoWorld, type DemoLogin } from '../../support/api.helper';

/** The demo logins' tokens, filled in by setUpAccessWorld. */
export const tokens = {} as Record<DemoLogin, string>;
export const ids = {} as {
  kita: string;
  sinar: string;
  harapan: string;
  yeyen: string;
  hendra: string;
  sari: string;
  adminUser: string;
  salesUser: string;
  leadImport: string;
  sinarTicket: string;
};

/** The file's beforeAll: a fresh demo table, the import and the ticket, and the ids above. */
export async function setUpAccessWorld(): Promise<void> {
  Object.assign(tokens, await demoWorld());
  const accounts = await call('GET', '/accounts?limit=100', { token: tokens.admin });
  const accountId = (name: string) => accounts.body.items.find((a: any) => a.name === name).id as string;
  const contacts = await call('GET', '/contacts?limit=100', { token: tokens.admin });
  const contactId = (lastName: string) => contacts.body.items.find((c: any) => c.lastName === lastName).id as string;
  const [adminMe, salesMe] = await Promise.all([call('GET', '/auth/me', { token: tokens.admin }), call('GET', '/auth/me', { token: tokens.sales })]);
  // A lead import of the sales team (no events function runs here: it stays queued, which is enough to be read).
  const leadImport = await call('POST', '/lead-imports', { token: tokens.sales, body: { fileName: 'pameran.csv', csv: 'Name,E-mail\r\nHendra Gunawan,hendra@kita.example\r\n', mapping: { Name: 'contactName', 'E-mail': 'email' } } });
  expect(leadImport.status).toBe(202);
  // A service ticket of PT. Sinar Pagi, logged by the service desk from a call.
  const sinarTicket = await call('POST', '/tickets', { token: tokens.service, body: { accountId: accountId('PT. Sinar Pagi'), channel: 'phone', subject: 'Katering terlambat', description: 'Pesanan makan siang terlambat.' } });
  expect(sinarTicket.status).toBe(201);
  Object.assign(ids, {
    kita: accountId('PT. KITA'),
    sinar: accountId('PT. Sinar Pagi'),
    harapan: accountId('CV. Harapan Jaya'),
    yeyen: contactId('Wulandari'),
    hendra: contactId('Gunawan'),
    sari: contactId('Indah'),
    adminUser: adminMe.body.user.id,
    salesUser: salesMe.body.user.id,
    leadImport: leadImport.body.id,
    sinarTicket: sinarTicket.body.id,
  });
}

export const version1 = { 'if-match': '1' };
