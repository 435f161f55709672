import type { Actor } from '../../../shared/modules/identity/domain/identity';
import { myDayWindow } from '../../../shared/modules/sales/domain/my-day';
import { accountContactRepository } from '../../../shared/modules/crm/db/account-contact.repository';
import { partyRepository } from '../../../shared/modules/identity/db/party.repository';
import { userRepository } from '../../../shared/modules/identity/db/user.repository';
import { activityService } from '../../../shared/modules/sales/services/activity.service';
import { opportunityService } from '../../../shared/modules/sales/services/opportunity.service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Rupiah in the API's minor units (sen). */
const rupiah = (amount: number) => ({ amount: amount * 100, currency: 'IDR' });
const dateIn = (now: Date, days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

/**
 * The demo pipeline of PT. Kaktus Berduri: opportunities across the stages for PT. KITA
 * and the other demo accounts, and the sales rep's calls, meetings and tasks — made through
 * the services, so stage history, running totals and timeline entries are the real ones.
 */
export async function seedPipelineDemo(accountIds: Record<string, string>, now = new Date()): Promise<void> {
  const salesUser = await userRepository.findByEmail('sales@kaktus.example');
  if (!salesUser) return;
  const rep: Actor = { userId: salesUser.userId, partyId: salesUser.partyId, audiences: ['staff'], roles: ['sales'], accountIds: [] };
  const kita = accountIds.kita!;
  const sinar = accountIds.sinar!;
  const harapan = accountIds.harapan!;
  const kitaPeople = await partyRepository.getMany(await accountContactRepository.partyIdsOf(kita));
  const hendra = kitaPeople.find((p) => p.lastName === 'Gunawan');

  // The worked example's deal: qualified after the lead, moved to negotiation after the menu tasting.
  const trial = await opportunityService.create(rep, {
    name: 'Menu trial — Cikarang plant (250 staff)',
    accountId: kita,
    contactId: hendra?.partyId,
    stage: 'qualified',
    expectedRevenue: rupiah(192_500_000),
    expectedCloseDate: dateIn(now, 21),
    priority: 3,
  });
  const proposed = await opportunityService.update(rep, trial.id, trial.version, { stage: 'proposition' });
  await opportunityService.update(rep, trial.id, proposed.version, { stage: 'negotiation' });

  await opportunityService.create(rep, { name: 'Ramadan iftar packages', accountId: kita, stage: 'proposition', expectedRevenue: rupiah(60_000_000), expectedCloseDate: dateIn(now, 45), priority: 2 });
  await opportunityService.create(rep, { name: 'Head office coffee breaks', accountId: kita, stage: 'qualified', expectedRevenue: rupiah(24_000_000), expectedCloseDate: dateIn(now, 60) });
  const lunch = await opportunityService.create(rep, { name: 'Daily lunch — Surabaya warehouse (80 staff)', accountId: sinar, stage: 'qualified', expectedRevenue: rupiah(52_800_000), probability: 35, expectedCloseDate: dateIn(now, 30), priority: 1 });
  await opportunityService.create(rep, { name: 'Driver meal boxes', accountId: sinar, expectedRevenue: rupiah(18_000_000), expectedCloseDate: dateIn(now, 75) });
  await opportunityService.create(rep, { name: 'Store opening catering', accountId: harapan, stage: 'proposition', expectedRevenue: rupiah(15_000_000), expectedCloseDate: dateIn(now, 14) });
  const party = await opportunityService.create(rep, { name: 'Year-end party catering', accountId: sinar, stage: 'negotiation', expectedRevenue: rupiah(35_000_000), expectedCloseDate: dateIn(now, -5) });
  await opportunityService.won(rep, party.id);
  const gathering = await opportunityService.create(rep, { name: 'Staff gathering lunch', accountId: harapan, expectedRevenue: rupiah(8_500_000) });
  await opportunityService.lost(rep, gathering.id, 'Chose a cheaper caterer');

  const { startOfToday } = myDayWindow(now);
  const at = (offsetMs: number) => new Date(Date.parse(startOfToday) + offsetMs).toISOString();
  if (hendra) {
    const call = await activityService.create(rep, { type: 'call', subject: 'Headcount and menu for the Cikarang trial', direction: 'outbound', dueAt: at(-DAY + 10 * HOUR), related: { type: 'contact', id: hendra.partyId } });
    await activityService.done(rep, call.id, { outcome: 'Confirmed 250 staff over two shifts; wants the halal certificate with the quote.', durationMinutes: 20 });
  }
  await activityService.create(rep, { type: 'meeting', subject: 'Menu tasting at PT. KITA', notes: 'Bring the two-week menu and the halal certificate.', dueAt: at(14 * HOUR), related: { type: 'opportunity', id: trial.id } });
  await activityService.create(rep, { type: 'task', subject: 'Prepare the quotation for the Cikarang trial', dueAt: at(DAY + 9 * HOUR), related: { type: 'opportunity', id: trial.id } });
  await activityService.create(rep, { type: 'call', subject: 'Follow up on the warehouse lunch proposal', direction: 'outbound', dueAt: at(-2 * DAY + 11 * HOUR), related: { type: 'opportunity', id: lunch.id } });
  await activityService.create(rep, { type: 'email', subject: 'Sent the opening-day menu options', status: 'done', related: { type: 'account', id: harapan } });
}
