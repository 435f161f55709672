import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SESEvent } from 'aws-lambda';
import type { StreamPump } from '../../../infra/local/stream-pump';
import { handler as inboundHandler } from '../../../functions/inbound/handler';
import { intakeRawMail } from '../../../shared/modules/desk/services/email-channel.service';
import { migrateTable } from '../../../infra/local/seed/migrations';
import { BUCKET_PREFIXES, objectStore } from '../../../shared/platform/storage/s3-client';
import { replyTokenFor, replyTokenInSubject, ticketIdFromReplyToken } from '../../../shared/modules/desk/services/ticket-reply-token';
import { call, demoWorld, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { startMailPump, waitForMail } from '../../support/mail.helper';
import { PartyEntity } from '../../../shared/modules/identity/db/party.entity';

const YEYEN = 'yeyen@kita.example';
const PARTY_EMAIL_MIGRATION = 'party e-mail index (e-mail intake finds contacts)';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let tokens: Record<DemoLogin, string>;
let pump: StreamPump;
let kitaId: string;
let sinarId: string;

beforeAll(async () => {
  tokens = await demoWorld();
  pump = await startMailPump();
  const accounts = await call('GET', '/accounts?limit=100', { token: tokens.admin });
  kitaId = accounts.body.items.find((a: any) => a.name === 'PT. KITA').id;
  sinarId = accounts.body.items.find((a: any) => a.name === 'PT. Sinar Pagi').id;
}, SETUP_TIMEOUT_MS);

afterAll(() => pump.stop());

type Mail = { from?: string; subject: string; text: string; messageId?: string; headers?: string[]; attachment?: { name: string; contentType: string; bytes: Buffer } };

/** A raw MIME message as a mail client sends it. */
function mime(mail: Mail): Buffer {
  const head = [
    `From: ${mail.from ?? `Yeyen Wulandari <${YEYEN}>`}`,
    'To: Kaktus Support <support@kaktus.example>',
    `Subject: ${mail.subject}`,
    `Message-ID: ${mail.messageId ?? `<${randomUUID()}@kita.example>`}`,
    'Date: Wed, 02 Dec 2026 08:15:00 +0700',
    'MIME-Version: 1.0',
    ...(mail.headers ?? []),
  ];
  if (!mail.attachment) return Buffer.from([...head, 'Content-Type: text/plain; charset=utf-8', '', mail.text].join('\r\n'));
  const boundary = `b-${randomBytes(6).toString('hex')}`;
  return Buffer.from(
    [
      ...head,
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      mail.text,
      `--${boundary}`,
      `Content-Type: ${mail.attachment.contentType}; name="${mail.attachment.name}"`,
      `Content-Disposition: attachment; filename="${mail.attachment.name}"`,
      'Content-Transfer-Encoding: base64',
      '',
      mail.attachment.bytes.toString('base64'),
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

const messagesOf = async (ticketId: string) => (await call('GET', `/tickets/${ticketId}/messages?limit=100`, { token: tokens.service })).body.items as any[];
const kitaTickets = async () => (await call('GET', `/tickets?accountId=${kitaId}&limit=100`, { token: tokens.service })).body.items as any[];

/** A ticket opened by e-mail, and the confirmation mail (with the reply tag) the customer got for it. */
async function ticketByMail(subject: string) {
  const result = await intakeRawMail(mime({ subject, text: 'Pesanan belum datang.' }));
  if (result.outcome !== 'ticket_created') throw new Error(`expected a ticket, got ${JSON.stringify(result)}`);
  // Generous wait: the stream pump shares two cores with the whole test run.
  const confirmation = await waitForMail(YEYEN, (mail) => ticketIdFromReplyToken(replyTokenInSubject(mail.subject) ?? '') === result.ticketId, 20_000);
  return { ...result, confirmation };
}

describe('e-mail intake', () => {
  it("turns a new mail into an e-mail ticket on the contact's account, its attachment downloadable", async () => {
    const result = await intakeRawMail(mime({ subject: 'Kemasan rusak', text: 'Dua belas kotak penyok, foto terlampir.', attachment: { name: 'kemasan-rusak.png', contentType: 'image/png', bytes: PNG } }));
    expect(result).toMatchObject({ outcome: 'ticket_created', number: expect.stringMatching(/^T-\d{4}-\d{5}$/) });
    const ticketId = (result as { ticketId: string }).ticketId;

    const ticket = await call('GET', `/tickets/${ticketId}`, { token: tokens.customer });
    expect(ticket.status).toBe(200);
    expect(ticket.body).toMatchObject({ accountId: kitaId, channel: 'email', subject: 'Kemasan rusak', description: 'Dua belas kotak penyok, foto terlampir.' });

    const thread = await call('GET', `/tickets/${ticketId}/messages`, { token: tokens.customer });
    const [file] = thread.body.items.flatMap((m: any) => m.attachments);
    expect(file).toMatchObject({ name: 'kemasan-rusak.png', contentType: 'image/png', size: PNG.byteLength });
    const link = await call('GET', `/tickets/${ticketId}/attachments/${file.id}`, { token: tokens.customer });
    expect(link.status).toBe(302);
    const bytes = Buffer.from(await (await fetch(link.headers.get('location')!)).arrayBuffer());
    expect(bytes.equals(PNG)).toBe(true);
  });

  it('adds a reply carrying the token of the mail the customer got to the same ticket, without the quoted history', async () => {
    const { ticketId, confirmation } = await ticketByMail('Pesanan terlambat');
    const reply = mime({ subject: `Re: ${confirmation.subject}`, text: 'Sudah sampai, terima kasih.\n\nPada Rab, 2 Des 2026 10.30, Kaktus <no-reply@kaktus.example> menulis:\n> Tiket Anda sudah kami terima.' });
    const result = await intakeRawMail(reply);
    expect(result).toMatchObject({ outcome: 'reply_added', ticketId });
    const replies = (await messagesOf(ticketId)).filter((m) => m.channel === 'email' && m.authorType === 'customer');
    expect(replies.map((m) => m.body)).toEqual(['Sudah sampai, terima kasih.']);
    expect(replies[0].visibility).toBe('public');
  });

  it('threads the mails of a ticket on one root id, and takes a reply whose subject was rewritten by that id in References', async () => {
    const { ticketId, confirmation } = await ticketByMail('Box makan siang kurang');
    const thread = confirmation.headers?.find((h) => h.name === 'References')?.value;
    expect(thread).toMatch(/^<ticket\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+@kaktus\.example>$/);
    expect(confirmation.headers?.find((h) => h.name === 'In-Reply-To')?.value).toBe(thread);

    const reply = mime({ subject: 'Re: kotak makan', text: 'Kurang tiga box.', headers: [`In-Reply-To: <0100018c@email.amazonses.com>`, `References: ${thread} <0100018c@email.amazonses.com>`] });
    expect(await intakeRawMail(reply)).toMatchObject({ outcome: 'reply_added', ticketId });
    expect((await messagesOf(ticketId)).map((m) => m.body)).toContain('Kurang tiga box.');

    const forged = thread!.replace(/\.[A-Za-z0-9_-]+@/, `.${'B'.repeat(22)}@`);
    expect(await intakeRawMail(mime({ subject: 'Re: kotak makan', text: 'Palsu.', headers: [`References: ${forged}`] }))).toEqual({ outcome: 'refused', reason: 'invalid_reply_token' });
  });

  it('refuses a forged token and a token for another ticket: no ticket, no reply', async () => {
    const { ticketId, confirmation, number } = await ticketByMail('Tagihan ganda');
    const genuine = replyTokenInSubject(confirmation.subject)!;
    const before = { tickets: (await kitaTickets()).length, messages: (await messagesOf(ticketId)).length };

    const forged = `${genuine.split('.')[0]}.${'A'.repeat(22)}`;
    expect(await intakeRawMail(mime({ subject: `Re: [${number} #${forged}]`, text: 'Tolong batalkan pesanan.' }))).toEqual({ outcome: 'refused', reason: 'invalid_reply_token' });
    // Signed by us, but for a ticket that does not exist.
    expect(await intakeRawMail(mime({ subject: `Re: [${number} #${replyTokenFor(randomUUID())}]`, text: 'Tolong batalkan pesanan.' }))).toEqual({ outcome: 'refused', reason: 'unknown_ticket' });
    // A genuine token of another account's ticket, sent by PT. KITA's contact.
    const sinar = await call('POST', '/tickets', { token: tokens.service, body: { accountId: sinarId, channel: 'phone', subject: 'Menu', description: 'Menu baru.' } });
    const other = await intakeRawMail(mime({ subject: `Re: [${sinar.body.number} #${replyTokenFor(sinar.body.id)}]`, text: 'Saya ikut membalas.' }));
    expect(other).toEqual({ outcome: 'refused', reason: 'unknown_sender' });
    expect(await messagesOf(sinar.body.id)).toEqual([]);

    expect((await kitaTickets()).length).toBe(before.tickets);
    expect((await messagesOf(ticketId)).length).toBe(before.messages);
  });

  it('handles the same Message-ID once, however often SES delivers it', async () => {
    const { ticketId, confirmation } = await ticketByMail('Sendok kurang');
    const reply = mime({ subject: `Re: ${confirmation.subject}`, text: 'Kurang 40 sendok.', messageId: `<${randomUUID()}@kita.example>` });
    expect(await intakeRawMail(reply)).toMatchObject({ outcome: 'reply_added' });
    expect(await intakeRawMail(reply)).toEqual({ outcome: 'duplicate', previous: 'reply_added' });
    expect((await messagesOf(ticketId)).filter((m) => m.body === 'Kurang 40 sendok.')).toHaveLength(1);

    const fresh = mime({ subject: 'Minta faktur pajak', text: 'Mohon faktur pajaknya.' });
    const first = await intakeRawMail(fresh);
    expect(await intakeRawMail(fresh)).toEqual({ outcome: 'duplicate', previous: 'ticket_created' });
    expect((await kitaTickets()).filter((t) => t.subject === 'Minta faktur pajak').map((t) => t.id)).toEqual([(first as { ticketId: string }).ticketId]);
  });

  it('refuses a sender who is no customer contact, and ignores auto-replies and our own mail', async () => {
    const before = (await kitaTickets()).length;
    expect(await intakeRawMail(mime({ from: 'Penipu <orang@asing.example>', subject: 'Hadiah', text: 'Klik di sini.' }))).toEqual({ outcome: 'refused', reason: 'unknown_sender' });
    expect(await intakeRawMail(mime({ subject: 'Di luar kantor', text: 'Saya cuti.', headers: ['Auto-Submitted: auto-replied'] }))).toEqual({ outcome: 'ignored', reason: 'automated' });
    expect(await intakeRawMail(mime({ from: 'Relasi <no-reply@kaktus.example>', subject: 'Tiket dibuat', text: 'Loop.' }))).toEqual({ outcome: 'ignored', reason: 'own_mail' });
    expect((await kitaTickets()).length).toBe(before);
  });

  it('takes mail from a contact without a portal login, whatever the case of the address, and follows a changed or removed address', async () => {
    const local = `dian.${randomBytes(4).toString('hex')}`;
    const contact = await call('POST', '/contacts', { token: tokens.sales, body: { firstName: 'Dian', lastName: 'Purnama', email: `${local}@kita.example`, accountId: kitaId, role: 'contact' } });
    expect(contact.body.hasPortalAccess).toBe(false);

    const result = await intakeRawMail(mime({ from: `Dian Purnama <${local.toUpperCase()}@KITA.example>`, subject: 'Nasi kurang matang', text: 'Dari dapur cabang Depok.' }));
    expect(result).toMatchObject({ outcome: 'ticket_created' });
    const ticketId = (result as { ticketId: string }).ticketId;
    expect((await call('GET', `/tickets/${ticketId}`, { token: tokens.service })).body).toMatchObject({ accountId: kitaId, contactId: contact.body.id, channel: 'email' });
    const confirmation = await waitForMail(`${local}@kita.example`, (mail) => ticketIdFromReplyToken(replyTokenInSubject(mail.subject) ?? '') === ticketId, 20_000);
    expect(confirmation.subject).toContain('Nasi kurang matang');

    const moved = await call('PATCH', `/contacts/${contact.body.id}`, { token: tokens.sales, headers: { 'If-Match': String(contact.body.version) }, body: { email: `${local}@depok.kita.example` } });
    expect(moved.status).toBe(200);
    expect(await intakeRawMail(mime({ from: `${local}@kita.example`, subject: 'Lagi', text: 'Alamat lama.' }))).toEqual({ outcome: 'refused', reason: 'unknown_sender' });
    expect(await intakeRawMail(mime({ from: `${local}@depok.kita.example`, subject: 'Alamat baru', text: 'Dari alamat baru.' }))).toMatchObject({ outcome: 'ticket_created' });
    const cleared = await call('PATCH', `/contacts/${contact.body.id}`, { token: tokens.sales, headers: { 'If-Match': String(moved.body.version) }, body: { email: null } });
    expect(cleared.status).toBe(200);
    expect(await intakeRawMail(mime({ from: `${local}@depok.kita.example`, subject: 'Tanpa alamat', text: 'Alamat dihapus.' }))).toEqual({ outcome: 'refused', reason: 'unknown_sender' });
  });

  it('finds a contact stored before e-mails were indexed once the table is migrated', async () => {
    const email = `lama.${randomBytes(4).toString('hex')}@kita.example`;
    const contact = await call('POST', '/contacts', { token: tokens.sales, body: { lastName: 'Lama', email, accountId: kitaId, role: 'contact' } });
    // As an older version stored it: no e-mail key.
    await PartyEntity().patch({ partyId: contact.body.id }).set({ isContact: true }).remove(['emailKey']).go();
    expect(await intakeRawMail(mime({ from: email, subject: 'Sebelum migrasi', text: 'Halo.' }))).toEqual({ outcome: 'refused', reason: 'unknown_sender' });

    expect((await migrateTable())[PARTY_EMAIL_MIGRATION]).toBe(1);
    expect(await intakeRawMail(mime({ from: email, subject: 'Sesudah migrasi', text: 'Halo lagi.' }))).toMatchObject({ outcome: 'ticket_created' });
    expect((await migrateTable())[PARTY_EMAIL_MIGRATION]).toBe(0);
  });

  it('refuses a contact that belongs to no account', async () => {
    const email = `lepas.${randomBytes(4).toString('hex')}@example.com`;
    await call('POST', '/contacts', { token: tokens.sales, body: { lastName: 'Lepas', email } });
    expect(await intakeRawMail(mime({ from: email, subject: 'Halo', text: 'Tanpa akun.' }))).toEqual({ outcome: 'refused', reason: 'no_account' });
  });

  it('takes mail in through the SES Lambda: the raw message stored under inbound/ becomes a ticket', async () => {
    const sesMessageId = randomBytes(16).toString('hex');
    await objectStore.put(`${BUCKET_PREFIXES.inboundMail}${sesMessageId}`, readFileSync(join(__dirname, '..', '..', '..', 'infra', 'local', 'samples', 'ticket-by-email.eml')), 'message/rfc822');
    const verdict = { status: 'PASS' as const };
    const event = {
      Records: [{ eventSource: 'aws:ses', eventVersion: '1.0', ses: { mail: { messageId: sesMessageId }, receipt: { spamVerdict: verdict, virusVerdict: verdict } } }],
    } as unknown as SESEvent;
    await inboundHandler(event);
    const ticket = (await kitaTickets()).find((t) => t.subject === 'Kemasan nasi box rusak saat diterima');
    expect(ticket).toMatchObject({ channel: 'email', accountId: kitaId });
    expect((await messagesOf(ticket.id)).flatMap((m) => m.attachments).map((a) => a.name)).toEqual(['kemasan-rusak.png']);
  });
});
