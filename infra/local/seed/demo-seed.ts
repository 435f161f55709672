import type { Audience, StaffRole } from '../../../shared/modules/identity/domain/identity';
import { accountContactRepository } from '../../../shared/modules/crm/db/account-contact.repository';
import { accountRepository, newAccountRecord } from '../../../shared/modules/crm/db/account.repository';
import { newId } from '../../../shared/platform/db/keys';
import { companyProfileRepository } from '../../../shared/modules/commerce/db/company-profile.repository';
import { newPartyRecord, partyRepository } from '../../../shared/modules/identity/db/party.repository';
import { timelineRepository } from '../../../shared/modules/crm/db/timeline.repository';
import { newUserRecord, userRepository } from '../../../shared/modules/identity/db/user.repository';
import { op, transact } from '../../../shared/platform/db/transaction';
import { hashPassword } from '../../../shared/platform/crypto/password';
import { seedQuoteToCashDemo } from './quote-to-cash-demo';
import { seedPipelineDemo } from './pipeline-demo';
import { seedDemoLeads } from './lead-demo';
import { seedKbArticles } from './kb-demo';
import { seedDefaultSlaPolicy } from '../../../shared/modules/desk/services/sla-policy.service';
import { seedServiceDemo } from './service-demo';

/** The demo partner organisation's id until partner organisations arrive with the partner module. */
export const DEMO_PARTNER_ID = 'mitra-solusi';

type DemoPerson = { firstName: string; lastName: string; email: string; audiences: Audience[]; roles?: StaffRole[]; accountKey?: string; role?: string; partnerId?: string; isContact: boolean };

const ACCOUNTS = {
  kita: { name: 'PT. KITA', tier: 'high' as const, industry: 'Manufacturing', website: 'https://kita.example', email: 'info@kita.example', phone: '+62 21 555 0101', address: 'Jl. Jend. Sudirman Kav. 52, Jakarta Selatan 12190', tags: ['catering', 'key-account'] },
  sinar: { name: 'PT. Sinar Pagi', industry: 'Logistics', website: 'https://sinarpagi.example', phone: '+62 31 555 0199', address: 'Jl. Basuki Rahmat 8, Surabaya', tags: ['catering'] },
  harapan: { name: 'CV. Harapan Jaya', industry: 'Retail', email: 'halo@harapan.example', address: 'Jl. Asia Afrika 12, Bandung', tags: [] },
};

const PEOPLE: DemoPerson[] = [
  { firstName: 'Ayu', lastName: 'Pratiwi', email: 'admin@kaktus.example', audiences: ['staff'], roles: ['admin'], isContact: false },
  { firstName: 'Budi', lastName: 'Santoso', email: 'sales@kaktus.example', audiences: ['staff'], roles: ['sales'], isContact: false },
  { firstName: 'Citra', lastName: 'Lestari', email: 'service@kaktus.example', audiences: ['staff'], roles: ['service'], isContact: false },
  { firstName: 'Yeyen', lastName: 'Wulandari', email: 'yeyen@kita.example', audiences: ['customer'], accountKey: 'kita', role: 'primary', isContact: true },
  { firstName: 'Rudi', lastName: 'Hartono', email: 'partner@mitra.example', audiences: ['partner'], partnerId: DEMO_PARTNER_ID, isContact: false },
  { firstName: 'Dewi', lastName: 'Anggraini', email: 'investor@example.com', audiences: ['investor'], isContact: false },
];

/** Contacts without a login. */
const CONTACTS = [
  { firstName: 'Hendra', lastName: 'Gunawan', email: 'hendra@kita.example', phone: '+62 812 555 0102', title: 'Procurement Manager', accountKey: 'kita', role: 'billing' },
  { firstName: 'Sari', lastName: 'Indah', email: 'sari@sinarpagi.example', title: 'General Affairs', accountKey: 'sinar', role: 'primary' },
];

const COMPANY = {
  name: 'PT. Kaktus Berduri',
  tagline: { en: 'Catering that keeps Indonesian workplaces going.', id: 'Katering yang menjaga semangat kerja di Indonesia.' },
  overview: {
    en: 'PT. Kaktus Berduri supplies daily catering to offices and factories across Java: fresh Indonesian meals, delivered on time, planned with each client.',
    id: 'PT. Kaktus Berduri memasok katering harian untuk kantor dan pabrik di seluruh Jawa: masakan Indonesia yang segar, diantar tepat waktu, direncanakan bersama setiap klien.',
  },
  vision: { en: 'To be the most trusted workplace caterer in Indonesia.', id: 'Menjadi penyedia katering tempat kerja paling tepercaya di Indonesia.' },
  mission: {
    en: ['Serve healthy, halal meals made from local ingredients.', 'Deliver on time, every working day.', 'Grow with our clients, partners and communities.'],
    id: ['Menyajikan makanan sehat dan halal dari bahan lokal.', 'Mengantar tepat waktu, setiap hari kerja.', 'Tumbuh bersama klien, mitra, dan masyarakat.'],
  },
};

/**
 * Seed the PT. Kaktus Berduri demo once; a table that already has it is left as it is, except
 * that what later modules add (each seed idempotent) reaches a table seeded before they existed.
 */
export async function seedDemoData(password = process.env.RELASI_DEMO_PASSWORD ?? 'relasi-demo-2026'): Promise<{ seeded: boolean }> {
  await seedDefaultSlaPolicy();
  await seedKbArticles();
  const seeded = !(await userRepository.emailTaken(PEOPLE[0]!.email));
  if (seeded) await seedPeopleAndSales(password);
  // Needs the demo people and PT. KITA: after them, and on a table seeded before the service module.
  await seedServiceDemo();
  return { seeded };
}

async function seedPeopleAndSales(password: string): Promise<void> {

  const accountIds: Record<string, string> = {};
  for (const [key, input] of Object.entries(ACCOUNTS)) {
    const record = newAccountRecord(input);
    await transact([
      op.put(accountRepository.createOperation(record)),
      timelineRepository.addOperation({ accountId: record.accountId, type: 'audit', recordId: record.accountId, title: 'Account created', summary: record.name }),
    ]);
    accountIds[key] = record.accountId;
  }
  let adminUserId: string | undefined;
  let salesUserId: string | undefined;
  // One hash for all demo logins: they share a published password anyway, and each scrypt costs 128 MiB and ~0.3 s.
  const passwordHash = await hashPassword(password);
  for (const person of PEOPLE) {
    const party = newPartyRecord({ firstName: person.firstName, lastName: person.lastName, email: person.email, isContact: person.isContact, locale: 'id' });
    const user = newUserRecord({
      partyId: party.partyId,
      email: person.email,
      name: `${person.firstName} ${person.lastName}`,
      passwordHash,
      status: 'active',
      audiences: person.audiences,
      roles: person.roles ?? [],
      partnerId: person.partnerId,
      locale: 'id',
    });
    adminUserId ??= user.userId;
    if (person.roles?.includes('sales')) salesUserId ??= user.userId;
    const accountId = person.accountKey ? accountIds[person.accountKey] : undefined;
    await transact([
      op.put(partyRepository.createOperation({ ...party, userId: user.userId })),
      ...userRepository.createOperations(user).map(op.put),
      ...(accountId ? [op.put(accountContactRepository.putOperation(accountId, party.partyId, person.role ?? 'contact'))] : []),
    ]);
  }
  for (const contact of CONTACTS) {
    const { accountKey, role, ...fields } = contact;
    const party = newPartyRecord({ ...fields, isContact: true, locale: 'id' });
    await transact([op.put(partyRepository.createOperation(party)), op.put(accountContactRepository.putOperation(accountIds[accountKey]!, party.partyId, role))]);
  }
  await timelineRepository.add({ accountId: accountIds.kita!, type: 'note', recordId: newId(), title: 'Menu trial for 250 staff', summary: 'PT. KITA wants a two-week menu trial for 250 staff at the Cikarang plant, starting next month.', channel: 'internal', actorId: adminUserId });
  await companyProfileRepository.create(COMPANY, { bankName: 'Bank Central Asia (BCA)', accountNumber: '123-456-7890', accountHolder: 'PT. Kaktus Berduri' });
  if (salesUserId) await seedDemoLeads(salesUserId, accountIds);
  await seedQuoteToCashDemo(accountIds.kita!, adminUserId!);
  await seedPipelineDemo(accountIds);
}
