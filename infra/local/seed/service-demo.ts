import type { Actor } from '../../../shared/modules/identity/domain/identity';
import { DEFAULT_ESCALATION_RULE } from '../../../shared/modules/desk/domain/escalation';
import { accountContactRepository } from '../../../shared/modules/crm/db/account-contact.repository';
import { accountRepository } from '../../../shared/modules/crm/db/account.repository';
import { partyRepository } from '../../../shared/modules/identity/db/party.repository';
import { serviceSettingsRepository } from '../../../shared/modules/desk/db/service-settings.repository';
import { userRepository } from '../../../shared/modules/identity/db/user.repository';
import { ticketConversationService } from '../../../shared/modules/desk/services/conversation.service';
import { ticketIntakeService } from '../../../shared/modules/desk/services/intake.service';
import { ticketQueueService } from '../../../shared/modules/desk/services/queue.service';
import { serviceSettingsService } from '../../../shared/modules/desk/services/settings.service';

const DEMO = { admin: 'admin@kaktus.example', agent: 'service@kaktus.example', customer: 'yeyen@kita.example', billing: 'hendra@kita.example' };

const CANNED_REPLIES = [
  { id: 'late-delivery-en', title: 'Late delivery: apology', language: 'en' as const, body: 'We are sorry that your delivery arrived late. We are checking with our driver and will tell you what happened and how we prevent it.' },
  { id: 'late-delivery-id', title: 'Pengiriman terlambat: permohonan maaf', language: 'id' as const, body: 'Mohon maaf atas keterlambatan pengiriman. Kami sedang memeriksa dengan pengemudi kami dan akan menginformasikan penyebabnya serta langkah pencegahannya.' },
  { id: 'need-po-en', title: 'Ask for the PO number', language: 'en' as const, body: 'Could you send us the purchase order number for this invoice? We will look into it as soon as we have it.' },
  { id: 'need-po-id', title: 'Minta nomor PO', language: 'id' as const, body: 'Mohon kirimkan nomor purchase order (PO) untuk faktur ini. Kami akan segera menindaklanjutinya setelah menerimanya.' },
];

/**
 * The service desk part of the demo, once: the settings (one service team of the service
 * agent for delivery, menu and invoice questions; the admin and the agent as service
 * managers; the default escalation rule; canned replies) and two PT. KITA tickets — a late
 * delivery (high, severity 2, open, with a public reply and an internal note) and an invoice
 * question waiting for the customer. Runs through the services, as people would.
 */
export async function seedServiceDemo(): Promise<{ seeded: boolean }> {
  if (await serviceSettingsRepository.get()) return { seeded: false };
  const [admin, agent, customer] = await Promise.all([DEMO.admin, DEMO.agent, DEMO.customer].map((email) => userRepository.findByEmail(email)));
  const kita = (await accountRepository.list({ limit: 5, callerId: 'service-demo', list: 'service-demo' }, 'PT. KITA')).items.find((a) => a.name === 'PT. KITA');
  if (!admin || !agent || !customer || !kita) return { seeded: false };
  const billing = (await partyRepository.getMany(await accountContactRepository.partyIdsOf(kita.accountId))).find((p) => p.email === DEMO.billing);

  await serviceSettingsService.store({
    teams: [{ id: 'service-desk', name: 'Service desk', categories: ['delivery', 'menu', 'invoice'], memberIds: [agent.userId] }],
    defaultTeamId: 'service-desk',
    cannedReplies: CANNED_REPLIES,
    escalationRules: [DEFAULT_ESCALATION_RULE],
    managerEmails: [admin.email, agent.email],
  });

  const yeyen: Actor = { userId: customer.userId, partyId: customer.partyId, audiences: ['customer'], roles: [], accountIds: [kita.accountId] };
  const citra: Actor = { userId: agent.userId, partyId: agent.partyId, audiences: ['staff'], roles: ['service'], accountIds: [] };

  const late = await ticketIntakeService.create(yeyen, {
    subject: 'Lunch delivery to the Cikarang plant arrived 90 minutes late',
    description: 'Today the lunch boxes for 250 staff arrived at 13:30 instead of 12:00. Our shift had to wait. Please explain what happened and make sure it does not happen again.',
    category: 'delivery',
  });
  await ticketConversationService.update(citra, late.id, late.version, { priority: 'high', severity: 2, status: 'open' });
  await ticketConversationService.postMessage(citra, late.id, { visibility: 'public', body: 'Mohon maaf atas keterlambatan hari ini. Armada kami tertahan banjir di tol Cikampek; kami sedang menyiapkan rute cadangan dan akan mengabari Anda sore ini.' });
  await ticketConversationService.postMessage(citra, late.id, { visibility: 'internal', body: 'Driver confirmed the flood on the Cikampek toll road. Ask dispatch for a backup route via Jl. Raya Bekasi for the Cikarang run.' });

  const question = await ticketIntakeService.create(citra, {
    accountId: kita.accountId,
    ...(billing ? { contactId: billing.partyId } : {}),
    channel: 'phone',
    subject: 'Question about the meeting snack invoice',
    description: 'Hendra called: the invoice for the meeting snacks does not show their purchase order number, which their finance team needs.',
    category: 'invoice',
  });
  await ticketConversationService.postMessage(citra, question.id, { visibility: 'public', body: 'Could you send us the purchase order number for this invoice? We will issue a corrected copy as soon as we have it.' });
  const asked = await ticketQueueService.get(citra, question.id);
  await ticketConversationService.update(citra, question.id, asked.version, { status: 'pending' });
  return { seeded: true };
}
