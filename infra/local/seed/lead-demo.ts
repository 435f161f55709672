import type { Actor } from '../../../shared/modules/identity/domain/identity';
import { DEFAULT_SCORING_RULES } from '../../../shared/modules/sales/domain/lead-scoring';
import { leadSettingsRepository } from '../../../shared/modules/sales/db/lead-setting.repository';
import { leadService } from '../../../shared/modules/sales/services/lead.service';
import { leadConversionService } from '../../../shared/modules/sales/services/lead-conversion.service';

/**
 * PT. Kaktus Berduri's leads, one or more in each state: Hendra's web enquiry from PT. KITA
 * with the internal memo, a colleague of his flagged as a possible duplicate, a qualified
 * referral, a disqualified request and a lead already converted into PT. Sinar Pagi.
 */
export async function seedDemoLeads(salesUserId: string, accountIds: Record<string, string>): Promise<void> {
  await leadSettingsRepository.putRules({
    scoring: DEFAULT_SCORING_RULES,
    assignment: { rules: [{ productInterest: 'Catering', repIds: [salesUserId] }], defaultRepIds: [salesUserId] },
  });
  const sales: Actor = { userId: salesUserId, partyId: '', audiences: ['staff'], roles: ['sales'], accountIds: [] };

  await leadService.create(sales, {
    title: 'Catering trial for 250 staff — PT. KITA',
    companyName: 'PT. KITA',
    contactName: 'Hendra Gunawan',
    email: 'hendra@kita.example',
    phone: '+62 812 555 0102',
    source: 'web',
    memo: 'Internal memo: Hendra asks for a two-week catering trial for 250 staff at the Cikarang plant. Halal menu, lunch only, delivery by 11:30. Budget decided by procurement next month.',
    productInterest: 'Catering',
    territory: 'Jakarta',
    ownerId: salesUserId,
  });
  await leadService.create(sales, {
    title: 'Canteen for the night shift — Cikarang plant',
    companyName: 'PT Kita Tbk',
    contactName: 'Rina Susanti',
    email: 'rina@kita.example',
    source: 'phone',
    productInterest: 'Catering',
    territory: 'Jakarta',
  });

  const referral = await leadService.create(sales, {
    title: 'Year-end gathering, 120 guests',
    companyName: 'CV. Harapan Jaya',
    contactName: 'Lina Marlina',
    email: 'lina@harapan.example',
    source: 'referral',
    productInterest: 'Event catering',
    territory: 'Bandung',
    ownerId: salesUserId,
  });
  await leadService.update(sales, referral.id, referral.version, { status: 'qualified' });

  const sponsorship = await leadService.create(sales, {
    title: 'Free lunch sponsorship for a futsal tournament',
    contactName: 'Joko Widodo',
    email: 'joko.futsal@gmail.com',
    source: 'email',
    ownerId: salesUserId,
  });
  await leadService.disqualify(sales, sponsorship.id, sponsorship.version, 'Looking for a sponsor, not buying catering.');

  const warehouse = await leadService.create(sales, {
    title: 'Warehouse shift meals — PT. Sinar Pagi',
    companyName: 'PT. Sinar Pagi',
    contactName: 'Agus Salim',
    email: 'agus@sinarpagi.example',
    source: 'event',
    productInterest: 'Catering',
    territory: 'Surabaya',
    ownerId: salesUserId,
  });
  if (accountIds.sinar) {
    await leadConversionService.convert(sales, warehouse.id, {
      accountId: accountIds.sinar,
      opportunity: { name: 'Sinar Pagi warehouse meals 2027', expectedRevenue: { amount: 36_000_000_000, currency: 'IDR' }, probability: 30, expectedCloseDate: '2027-01-31' },
    });
  }
}
