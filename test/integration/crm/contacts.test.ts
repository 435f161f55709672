import { randomBytes } from 'node:crypto';
import type { StreamPump } from '../../../infra/local/stream-pump';
import { call, demoWorld, SETUP_TIMEOUT_MS, type Answer, type DemoLogin } from '../../support/api.helper';
import { startMailPump, waitForMail, type CaughtMail } from '../../support/mail.helper';

let tokens: Record<DemoLogin, string>;
let pump: StreamPump;
let kitaId: string;
let sinarId: string;
let harapanId: string;

beforeAll(async () => {
  tokens = await demoWorld();
  pump = await startMailPump();
  const accounts = await call('GET', '/accounts?limit=100', { token: tokens.admin });
  const idOf = (name: string) => accounts.body.items.find((a: any) => a.name === name).id as string;
  [kitaId, sinarId, harapanId] = [idOf('PT. KITA'), idOf('PT. Sinar Pagi'), idOf('CV. Harapan Jaya')];
}, SETUP_TIMEOUT_MS);

afterAll(() => pump?.stop());

const hex = () => randomBytes(4).toString('hex');
const uniqueEmail = (label: string) => `${label}-${hex()}@contacts.test`;

async function createContact(body: Record<string, unknown>, token = tokens.sales) {
  const answer = await call('POST', '/contacts', { token, body });
  expect(answer.status).toBe(201);
  return answer.body;
}

/** Every contact whose last name starts with the prefix, walking all pages. */
async function contactsNamed(prefix: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const answer: Answer = await call('GET', `/contacts?q=${encodeURIComponent(prefix)}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: tokens.admin });
    expect(answer.status).toBe(200);
    items.push(...answer.body.items);
    cursor = answer.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('too many pages');
}

/** The token of the link in an invitation or reset mail. */
function tokenIn(mail: CaughtMail): string {
  const match = /[?&]token=([^&\s"<]+)/.exec(mail.body.text ?? '');
  if (!match) throw new Error(`no token link in mail "${mail.subject}"`);
  return decodeURIComponent(match[1]!);
}

describe('contact CRUD', () => {
  it('creates a contact at version 1 and reads it back', async () => {
    const email = uniqueEmail('dewi');
    const created = await createContact({ firstName: 'Dewi', lastName: `Kusuma${hex()}`, email: email.toUpperCase(), phone: '+62 811 1', title: 'HR Manager' });
    expect(created).toMatchObject({ firstName: 'Dewi', email, phone: '+62 811 1', title: 'HR Manager', hasPortalAccess: false, version: 1 });
    const read = await call('GET', `/contacts/${created.id}`, { token: tokens.service });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created);
  });

  it('lists contacts by last name and finds them by a case-insensitive last-name prefix', async () => {
    const tag = hex();
    await createContact({ firstName: 'Zed', lastName: `Lubis${tag}c` });
    await createContact({ firstName: 'Ani', lastName: `lubis${tag}a` });
    await createContact({ firstName: 'Budi', lastName: `LUBIS${tag}b` });
    await createContact({ firstName: `Lubis${tag}`, lastName: 'Other' });

    const found = await call('GET', `/contacts?q=${encodeURIComponent(`LuBiS${tag}`)}`, { token: tokens.service });
    expect(found.status).toBe(200);
    expect(found.body.items.map((c: any) => c.lastName)).toEqual([`lubis${tag}a`, `LUBIS${tag}b`, `Lubis${tag}c`]);

    const gunawan = await call('GET', '/contacts?q=gunaw', { token: tokens.sales });
    expect(gunawan.body.items.map((c: any) => `${c.firstName} ${c.lastName}`)).toEqual(['Hendra Gunawan']);
  });

  it('lists only contacts, not staff, partner or investor logins', async () => {
    const all = await call('GET', '/contacts?limit=100', { token: tokens.sales });
    expect(all.status).toBe(200);
    const names = all.body.items.map((c: any) => `${c.firstName} ${c.lastName}`);
    expect(names).toEqual(expect.arrayContaining(['Hendra Gunawan', 'Sari Indah', 'Yeyen Wulandari']));
    for (const notContact of ['Ayu Pratiwi', 'Budi Santoso', 'Citra Lestari', 'Rudi Hartono', 'Dewi Anggraini']) expect(names).not.toContain(notContact);
    const lastNames: string[] = all.body.items.map((c: any) => c.lastName.toLowerCase());
    expect(lastNames).toEqual([...lastNames].sort());
  });

  it('pages through contacts without duplicates or gaps', async () => {
    const prefix = `Halaman${hex()}`;
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await createContact({ lastName: `${prefix}${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const answer: Answer = await call('GET', `/contacts?q=${prefix}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: tokens.sales });
      expect(answer.status).toBe(200);
      seen.push(...answer.body.items.map((c: any) => c.id));
      cursor = answer.body.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(ids);

    const first = await call('GET', `/contacts?q=${prefix}&limit=2`, { token: tokens.sales });
    const foreign = await call('GET', `/contacts?q=${prefix}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: tokens.service });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('invalid_cursor');
  });

  it('changes a contact with If-Match, clears a field with null, and refuses stale or missing versions', async () => {
    const lastName = `Ubah${hex()}`;
    const contact = await createContact({ firstName: 'Rini', lastName, title: 'Staff', phone: '+62 1' });

    const noVersion = await call('PATCH', `/contacts/${contact.id}`, { token: tokens.sales, body: { title: 'Manager' } });
    expect(noVersion.status).toBe(428);
    expect(noVersion.body.error.code).toBe('precondition_required');

    const patched = await call('PATCH', `/contacts/${contact.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { title: 'Manager', phone: null } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Manager', firstName: 'Rini', version: 2 });
    expect(patched.body).not.toHaveProperty('phone');

    const stale = await call('PATCH', `/contacts/${contact.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { title: 'Director' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');

    const read = await call('GET', `/contacts/${contact.id}`, { token: tokens.sales });
    expect(read.body).toMatchObject({ title: 'Manager', version: 2 });
    expect(read.body).not.toHaveProperty('phone');
    // Still listed under its last name after the change.
    expect((await contactsNamed(lastName)).map((c) => c.id)).toEqual([contact.id]);
  });

  it('moves a contact in the list when its last name changes', async () => {
    const tag = hex();
    const contact = await createContact({ firstName: 'Tono', lastName: `Lama${tag}` });
    const patched = await call('PATCH', `/contacts/${contact.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { lastName: `Baru${tag}`, firstName: null } });
    expect(patched.status).toBe(200);
    expect(patched.body).not.toHaveProperty('firstName');
    expect(await contactsNamed(`Lama${tag}`)).toEqual([]);
    expect((await contactsNamed(`Baru${tag}`)).map((c) => c.id)).toEqual([contact.id]);
  });

  it('deletes a contact with If-Match, with its account links', async () => {
    const lastName = `Hapus${hex()}`;
    const contact = await createContact({ lastName, accountId: sinarId, role: 'ops' });
    expect((await call('DELETE', `/contacts/${contact.id}`, { token: tokens.sales })).status).toBe(428);
    const stale = await call('DELETE', `/contacts/${contact.id}`, { token: tokens.sales, headers: { 'if-match': '5' } });
    expect(stale.status).toBe(409);
    expect((await call('GET', `/contacts/${contact.id}`, { token: tokens.sales })).status).toBe(200);

    const deleted = await call('DELETE', `/contacts/${contact.id}`, { token: tokens.sales, headers: { 'if-match': '1' } });
    expect(deleted.status).toBe(204);
    const read = await call('GET', `/contacts/${contact.id}`, { token: tokens.sales });
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('not_found');
    expect(await contactsNamed(lastName)).toEqual([]);
    const links = await call('GET', `/accounts/${sinarId}/contacts?limit=100`, { token: tokens.sales });
    expect(links.body.items.map((l: any) => l.contactId)).not.toContain(contact.id);
  });

  it('answers 404 for a missing contact', async () => {
    for (const [method, extra] of [
      ['GET', {}],
      ['PATCH', { headers: { 'if-match': '1' }, body: { title: 'x' } }],
      ['DELETE', { headers: { 'if-match': '1' } }],
    ] as const) {
      const answer = await call(method, '/contacts/no-such-contact', { token: tokens.sales, ...extra });
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
  });

  it('does not treat a staff person as a contact', async () => {
    const me = await call('GET', '/auth/me', { token: tokens.sales });
    const answer = await call('GET', `/contacts/${me.body.user.partyId}`, { token: tokens.admin });
    expect(answer.status).toBe(404);
  });
});

describe('contacts and accounts', () => {
  it('links a contact created with accountId and role', async () => {
    const contact = await createContact({ firstName: 'Joko', lastName: `Widodo${hex()}`, accountId: kitaId, role: 'operations' });
    const accounts = await call('GET', `/contacts/${contact.id}/accounts`, { token: tokens.sales });
    expect(accounts.status).toBe(200);
    expect(accounts.body.items).toEqual([expect.objectContaining({ accountId: kitaId, accountName: 'PT. KITA', role: 'operations' })]);
    const ofKita = await call('GET', `/accounts/${kitaId}/contacts?limit=100`, { token: tokens.sales });
    expect(ofKita.body.items).toContainEqual(expect.objectContaining({ contactId: contact.id, role: 'operations', contactName: `Joko ${contact.lastName}` }));
    const timeline = await call('GET', `/accounts/${kitaId}/timeline?limit=1`, { token: tokens.sales });
    expect(timeline.body.items[0]).toMatchObject({ type: 'contact_linked', id: contact.id });
  });

  it('links with the role "contact" when none is given', async () => {
    const contact = await createContact({ lastName: `Peran${hex()}`, accountId: harapanId });
    const accounts = await call('GET', `/contacts/${contact.id}/accounts`, { token: tokens.sales });
    expect(accounts.body.items).toEqual([expect.objectContaining({ accountId: harapanId, role: 'contact' })]);
  });

  it('refuses a contact for a missing account with 404 and creates nothing', async () => {
    const lastName = `Yatim${hex()}`;
    const answer = await call('POST', '/contacts', { token: tokens.sales, body: { lastName, accountId: 'no-such-account' } });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
    expect(await contactsNamed(lastName)).toEqual([]);
  });
});

describe('roles', () => {
  it('refuses the customer, partner and investor the contact book', async () => {
    for (const who of ['customer', 'partner', 'investor'] as const) {
      const list = await call('GET', '/contacts', { token: tokens[who] });
      expect(list.status).toBe(403);
      const lastName = `Luar${hex()}`;
      const create = await call('POST', '/contacts', { token: tokens[who], body: { lastName } });
      expect(create.status).toBe(403);
      expect(await contactsNamed(lastName)).toEqual([]);
    }
  });

  it('lets service edit but only sales and admin delete', async () => {
    const contact = await createContact({ lastName: `Peran${hex()}` }, tokens.service);
    expect((await call('PATCH', `/contacts/${contact.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { title: 'Chef' } })).status).toBe(200);
    const refused = await call('DELETE', `/contacts/${contact.id}`, { token: tokens.service, headers: { 'if-match': '2' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await call('DELETE', `/contacts/${contact.id}`, { token: tokens.admin, headers: { 'if-match': '2' } })).status).toBe(204);
  });
});

describe('portal access', () => {
  it('refuses to delete a contact that has a login with 409 contact_has_login', async () => {
    const me = await call('GET', '/auth/me', { token: tokens.customer });
    const yeyen = await call('GET', `/contacts/${me.body.user.partyId}`, { token: tokens.sales });
    expect(yeyen.body).toMatchObject({ firstName: 'Yeyen', hasPortalAccess: true });
    const answer = await call('DELETE', `/contacts/${yeyen.body.id}`, { token: tokens.sales, headers: { 'if-match': String(yeyen.body.version) } });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('contact_has_login');
    expect((await call('GET', `/contacts/${yeyen.body.id}`, { token: tokens.sales })).status).toBe(200);
    expect((await call('GET', '/auth/me', { token: tokens.customer })).status).toBe(200);
  });

  it('invites a contact, who sets a password from the mail and then sees exactly its own accounts', async () => {
    const email = uniqueEmail('invitee');
    const contact = await createContact({ firstName: 'Putri', lastName: `Undangan${hex()}`, email, accountId: kitaId, role: 'purchasing' });
    expect((await call('PUT', `/accounts/${sinarId}/contacts/${contact.id}`, { token: tokens.sales, body: { role: 'billing' } })).status).toBe(200);

    const invited = await call('POST', `/contacts/${contact.id}/portal-access`, { token: tokens.sales });
    expect(invited.status).toBe(202);
    expect((await call('GET', `/contacts/${contact.id}`, { token: tokens.sales })).body.hasPortalAccess).toBe(true);

    const mail = await waitForMail(email);
    expect(mail.body.text).toContain('Putri');
    expect(mail.body.text).toMatch(/http:\/\/localhost:4001\//);
    const token = tokenIn(mail);

    // Before the password is set, the login cannot sign in.
    const early = await call('POST', '/auth/login', { body: { email, password: 'a-new-password-2026' } });
    expect(early.status).not.toBe(200);

    const confirmed = await call('POST', '/auth/password-reset/confirm', { body: { token, password: 'a-new-password-2026' } });
    expect(confirmed.status).toBe(200);
    const reused = await call('POST', '/auth/password-reset/confirm', { body: { token, password: 'another-password-2026' } });
    expect(reused.status).toBe(400);

    const signIn = await call('POST', '/auth/login', { body: { email, password: 'a-new-password-2026' } });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user).toMatchObject({ email, audiences: ['customer'], partyId: contact.id });
    const customer = signIn.body.token as string;

    const accounts = await call('GET', '/accounts', { token: customer });
    expect(accounts.status).toBe(200);
    expect(accounts.body.items.map((a: any) => a.name)).toEqual(['PT. KITA', 'PT. Sinar Pagi']);
    expect((await call('GET', `/accounts/${sinarId}`, { token: customer })).status).toBe(200);
    expect((await call('GET', `/accounts/${harapanId}`, { token: customer })).status).toBe(404);
    expect((await call('GET', `/contacts/${contact.id}`, { token: customer })).status).toBe(200);

    // Unlinking takes the account out of the customer's reach at once.
    expect((await call('DELETE', `/accounts/${sinarId}/contacts/${contact.id}`, { token: tokens.sales })).status).toBe(204);
    expect((await call('GET', '/accounts', { token: customer })).body.items.map((a: any) => a.name)).toEqual(['PT. KITA']);
    expect((await call('GET', `/accounts/${sinarId}`, { token: customer })).status).toBe(404);

    // A contact with a login cannot be deleted; a second invitation is refused.
    const again = await call('POST', `/contacts/${contact.id}/portal-access`, { token: tokens.sales });
    expect(again.status).toBe(409);
    const del = await call('DELETE', `/contacts/${contact.id}`, { token: tokens.sales, headers: { 'if-match': '1' } });
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('contact_has_login');
  }, 30_000);

  it('answers 409 when the contact already has portal access', async () => {
    const me = await call('GET', '/auth/me', { token: tokens.customer });
    const answer = await call('POST', `/contacts/${me.body.user.partyId}/portal-access`, { token: tokens.service });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('already_invited');
  });

  it('answers 422 contact_has_no_email for a contact without an e-mail, and gives no access', async () => {
    const contact = await createContact({ lastName: `TanpaSurel${hex()}` });
    const answer = await call('POST', `/contacts/${contact.id}/portal-access`, { token: tokens.sales });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('contact_has_no_email');
    expect((await call('GET', `/contacts/${contact.id}`, { token: tokens.sales })).body).toMatchObject({ hasPortalAccess: false, version: 1 });
  });

  it('refuses an invitation when the e-mail already belongs to a login, and leaves the contact as it was', async () => {
    const contact = await createContact({ lastName: `Kembar${hex()}`, email: 'sales@kaktus.example' });
    const answer = await call('POST', `/contacts/${contact.id}/portal-access`, { token: tokens.sales });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('email_in_use');
    expect((await call('GET', `/contacts/${contact.id}`, { token: tokens.sales })).body).toMatchObject({ hasPortalAccess: false, version: 1 });
  });

  it('lets only sales, service and admin invite', async () => {
    const contact = await createContact({ lastName: `Izin${hex()}`, email: uniqueEmail('izin') });
    for (const who of ['customer', 'partner', 'investor'] as const) {
      const answer = await call('POST', `/contacts/${contact.id}/portal-access`, { token: tokens[who] });
      expect(answer.status).toBe(403);
    }
    expect((await call('GET', `/contacts/${contact.id}`, { token: tokens.sales })).body.hasPortalAccess).toBe(false);
    expect((await call('POST', `/contacts/${contact.id}/portal-access`, { token: tokens.admin })).status).toBe(202);
  });
});
