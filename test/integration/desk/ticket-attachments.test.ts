import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes, randomUUID } from 'node:crypto';
import type { StreamPump } from '../../../infra/local/stream-pump';
import { attachmentObjectKey, ticketAttachmentRepository } from '../../../shared/modules/desk/db/ticket-attachment.repository';
import { config } from '../../../shared/platform/config';
import { dynamo } from '../../../shared/platform/db/client';
import { migrateTable } from '../../../infra/local/seed/migrations';
import { claimUnit, type Claim } from '../../../shared/platform/work/work-unit';
import { addMs, nowIso } from '../../../shared/platform/clock';
import { attachmentCleanupWork } from '../../../shared/modules/desk/services/attachment-cleanup-work';
import { objectStore } from '../../../shared/platform/storage/s3-client';
import { sweepWork, workUnit } from '../../../shared/platform/work/work-runner';
import { WORK_KINDS } from '../../../functions/work-kinds';
import { call, demoWorld, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { startMailPump } from '../../support/mail.helper';
import { TicketAttachmentEntity } from '../../../shared/modules/desk/db/ticket-attachment.entity';

let tokens: Record<DemoLogin, string>;
let pump: StreamPump;
let kitaTicket: string;
let sinarTicket: string;

const TEN_MB = 10 * 1024 * 1024;
/** How long an upload waits for a message before it is cleared away. */
const DAY_MS = 24 * 60 * 60_000;
const UPLOAD_CLEANUP_MIGRATION = 'clean-up of uploads announced before clean-ups were units of work';
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  tokens = await demoWorld();
  const accounts = await call('GET', '/accounts?limit=100', { token: tokens.admin });
  const sinarId = accounts.body.items.find((a: any) => a.name === 'PT. Sinar Pagi').id;
  const own = await call('POST', '/tickets', { token: tokens.customer, body: { subject: 'Kemasan rusak', description: 'Dua belas kotak penyok.' } });
  expect(own.status).toBe(201);
  kitaTicket = own.body.id;
  const foreign = await call('POST', '/tickets', { token: tokens.service, body: { accountId: sinarId, channel: 'phone', subject: 'Menu vegetarian', description: 'Minta daftar menu.' } });
  expect(foreign.status).toBe(201);
  sinarTicket = foreign.body.id;
  pump = await startMailPump();
}, SETUP_TIMEOUT_MS);

afterAll(() => pump.stop());

type Upload = { attachmentId: string; uploadUrl: string; headers: Record<string, string>; expiresAt: string };

async function announce(token: string, ticketId: string, file: { name: string; size: number; contentType: string }): Promise<Upload> {
  const answer = await call<Upload>('POST', `/tickets/${ticketId}/attachments`, { token, body: file });
  expect(answer.status).toBe(201);
  return answer.body;
}

/** Announce and upload with the presigned PUT, as a browser does. */
async function upload(token: string, ticketId: string, bytes: Buffer, name = 'kemasan-rusak.png', contentType = 'image/png'): Promise<string> {
  const announced = await announce(token, ticketId, { name, size: bytes.byteLength, contentType });
  const put = await fetch(announced.uploadUrl, { method: 'PUT', headers: announced.headers, body: bytes });
  expect(put.status).toBe(200);
  return announced.attachmentId;
}

function post(token: string, ticketId: string, body: Record<string, unknown>) {
  return call('POST', `/tickets/${ticketId}/messages`, { token, body });
}

const download = (token: string | undefined, ticketId: string, attachmentId: string) => call('GET', `/tickets/${ticketId}/attachments/${attachmentId}`, { token });

/** The file downloads, with exactly these bytes. */
async function downloadsAs(token: string, ticketId: string, attachmentId: string, bytes: Buffer): Promise<void> {
  const answer = await download(token, ticketId, attachmentId);
  expect(answer.status).toBe(302);
  const file = await fetch(answer.headers.get('location')!);
  expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
}

describe('ticket attachments', () => {
  it('presigned upload, a message referencing it, then a presigned download of the same bytes', async () => {
    const announced = await announce(tokens.customer, kitaTicket, { name: 'kemasan-rusak.png', size: PNG.byteLength, contentType: 'image/png' });
    const url = new URL(announced.uploadUrl);
    expect(url.pathname).toMatch(new RegExp(`/attachments/${kitaTicket}/${announced.attachmentId}$`));
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(expect.arrayContaining(['content-length', 'content-type']));
    expect(announced.headers).toEqual({ 'content-type': 'image/png', 'content-length': String(PNG.byteLength) });
    const lifetime = Date.parse(announced.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(5 * 60_000);

    expect((await fetch(announced.uploadUrl, { method: 'PUT', headers: announced.headers, body: PNG })).status).toBe(200);
    const message = await post(tokens.customer, kitaTicket, { body: 'Foto terlampir.', attachmentIds: [announced.attachmentId] });
    expect(message.status).toBe(201);
    expect(message.body.attachments).toEqual([{ id: announced.attachmentId, name: 'kemasan-rusak.png', size: PNG.byteLength, contentType: 'image/png' }]);

    for (const who of ['customer', 'service'] as const) {
      const answer = await download(tokens[who], kitaTicket, announced.attachmentId);
      expect(answer.status).toBe(302);
      expect(answer.body.url).toBe(answer.headers.get('location'));
      const file = await fetch(answer.headers.get('location')!);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toContain('attachment; filename="kemasan-rusak.png"');
      expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    }
    const thread = await call('GET', `/tickets/${kitaTicket}/messages`, { token: tokens.service });
    expect(thread.body.items.find((m: any) => m.id === message.body.id).attachments).toEqual(message.body.attachments);
  });

  it('keeps the file a message took: bytes sent again to its upload URL afterwards never reach a download', async () => {
    const original = Buffer.from('Nota pengiriman: 250 kotak, diterima 13.30.');
    const announced = await announce(tokens.customer, kitaTicket, { name: 'nota.txt', size: original.byteLength, contentType: 'text/plain' });
    expect((await fetch(announced.uploadUrl, { method: 'PUT', headers: announced.headers, body: original })).status).toBe(200);
    expect((await post(tokens.customer, kitaTicket, { body: 'Nota terlampir.', attachmentIds: [announced.attachmentId] })).status).toBe(201);

    // The presigned PUT still works for its five minutes: the same size, and another size.
    const swapped = Buffer.from('Nota pengiriman: 250 kotak, diterima 12.00.');
    expect(swapped.byteLength).toBe(original.byteLength);
    for (const bytes of [swapped, Buffer.from('lain sama sekali')]) {
      await fetch(announced.uploadUrl, { method: 'PUT', headers: { ...announced.headers, 'content-length': String(bytes.byteLength) }, body: bytes });
      for (const who of ['customer', 'service'] as const) {
        const answer = await download(tokens[who], kitaTicket, announced.attachmentId);
        expect(answer.status).toBe(302);
        const file = await fetch(answer.headers.get('location')!);
        expect([who, Buffer.from(await file.arrayBuffer()).toString()]).toEqual([who, original.toString()]);
      }
    }
  });

  it('refuses a file over 10 MB with 413 and a type outside the list with 415', async () => {
    const tooLarge = await call('POST', `/tickets/${kitaTicket}/attachments`, { token: tokens.customer, body: { name: 'video.zip', size: TEN_MB + 1, contentType: 'application/zip' } });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('attachment_too_large');
    const wrongType = await call('POST', `/tickets/${kitaTicket}/attachments`, { token: tokens.customer, body: { name: 'setup.exe', size: 1000, contentType: 'application/x-msdownload' } });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.error.code).toBe('attachment_type_not_allowed');
    await announce(tokens.customer, kitaTicket, { name: 'laporan.pdf', size: TEN_MB, contentType: 'application/pdf' });
    const empty = await call('POST', `/tickets/${kitaTicket}/attachments`, { token: tokens.customer, body: { name: '', size: 0, contentType: 'text/plain' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('validation_failed');
  });

  it('links only uploads of the caller that arrived in full, each to one message', async () => {
    const notUploaded = await announce(tokens.customer, kitaTicket, { name: 'catatan.txt', size: 12, contentType: 'text/plain' });
    const missing = await post(tokens.customer, kitaTicket, { body: 'Lihat catatan.', attachmentIds: [notUploaded.attachmentId] });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('attachment_not_uploaded');

    const short = await announce(tokens.customer, kitaTicket, { name: 'daftar.csv', size: 100, contentType: 'text/csv' });
    await fetch(short.uploadUrl, { method: 'PUT', headers: { 'content-type': 'text/csv' }, body: 'a,b\n1,2\n' });
    const partial = await post(tokens.customer, kitaTicket, { body: 'Daftar kotak.', attachmentIds: [short.attachmentId] });
    expect(partial.status).toBe(422);
    expect(partial.body.error.code).toBe('attachment_size_mismatch');

    const mine = await upload(tokens.customer, kitaTicket, randomBytes(64), 'foto.jpg', 'image/jpeg');
    const byStaff = await post(tokens.service, kitaTicket, { body: 'Terima kasih.', visibility: 'public', attachmentIds: [mine] });
    expect(byStaff.status).toBe(422);
    expect(byStaff.body.error.code).toBe('unknown_attachment');
    expect((await post(tokens.customer, kitaTicket, { body: 'Foto kedua.', attachmentIds: [mine] })).status).toBe(201);
    const again = await post(tokens.customer, kitaTicket, { body: 'Foto yang sama.', attachmentIds: [mine] });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('unknown_attachment');
    const unknown = await post(tokens.customer, kitaTicket, { body: 'Tidak ada.', attachmentIds: [randomUUID()] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('unknown_attachment');
  });

  it("gives a customer of another account 404 for the ticket's files, exactly like a missing one", async () => {
    const attachmentId = await upload(tokens.service, sinarTicket, PNG);
    expect((await post(tokens.service, sinarTicket, { body: 'Menu terlampir.', visibility: 'public', attachmentIds: [attachmentId] })).status).toBe(201);
    expect((await download(tokens.service, sinarTicket, attachmentId)).status).toBe(302);

    const foreign = await download(tokens.customer, sinarTicket, attachmentId);
    const nowhere = await download(tokens.customer, randomUUID(), randomUUID());
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(nowhere.body);
    const foreignUpload = await call('POST', `/tickets/${sinarTicket}/attachments`, { token: tokens.customer, body: { name: 'x.png', size: 10, contentType: 'image/png' } });
    expect(foreignUpload.status).toBe(404);
    expect(foreignUpload.body).toEqual(nowhere.body);

    expect((await download(tokens.partner, sinarTicket, attachmentId)).status).toBe(403);
    expect((await download(undefined, sinarTicket, attachmentId)).status).toBe(401);
  });

  it("hides a file of an internal note from the customer, and another's pending upload", async () => {
    const noteFile = await upload(tokens.service, kitaTicket, Buffer.from('Supplier kemasan: CV. Kardus Jaya'), 'pemasok.txt', 'text/plain');
    expect((await post(tokens.service, kitaTicket, { body: 'Cek pemasok.', visibility: 'internal', attachmentIds: [noteFile] })).status).toBe(201);
    expect((await download(tokens.service, kitaTicket, noteFile)).status).toBe(302);
    const hidden = await download(tokens.customer, kitaTicket, noteFile);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual((await download(tokens.customer, kitaTicket, randomUUID())).body);

    const pending = await upload(tokens.service, kitaTicket, PNG);
    expect((await download(tokens.customer, kitaTicket, pending)).status).toBe(404);
    expect((await download(tokens.service, kitaTicket, pending)).status).toBe(302);
  });

  it('deletes an upload no message took once it waited a day, not before, and never a file a message took', async () => {
    const announcedAt = nowIso();
    const orphan = await upload(tokens.customer, kitaTicket, PNG);
    const kept = await upload(tokens.customer, kitaTicket, PNG);
    expect((await post(tokens.customer, kitaTicket, { body: 'Satu foto.', attachmentIds: [kept] })).status).toBe(201);

    await sweepWork(WORK_KINDS, addMs(announcedAt, DAY_MS - 60_000));
    expect(await objectStore.sizeOf(attachmentObjectKey(kitaTicket, orphan))).toBe(PNG.byteLength);
    expect((await download(tokens.customer, kitaTicket, orphan)).status).toBe(302);

    await sweepWork(WORK_KINDS, addMs(nowIso(), DAY_MS + 1000));
    expect(await objectStore.sizeOf(attachmentObjectKey(kitaTicket, orphan))).toBeUndefined();
    expect((await download(tokens.customer, kitaTicket, orphan)).status).toBe(404);
    const late = await post(tokens.customer, kitaTicket, { body: 'Foto terlambat.', attachmentIds: [orphan] });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('unknown_attachment');

    await sweepWork(WORK_KINDS, addMs(nowIso(), 365 * DAY_MS));
    await downloadsAs(tokens.customer, kitaTicket, kept, PNG);
  });

  it('gives uploads announced before clean-ups were units of work a clean-up on npm start (migration), which then deletes them', async () => {
    const orphan = await upload(tokens.customer, kitaTicket, PNG);
    // As an older version stored it: no work state, left to a TTL that DynamoDB Local never runs.
    const { Key } = TicketAttachmentEntity().get({ ticketId: kitaTicket, attachmentId: orphan }).params();
    await dynamo().send(new UpdateCommand({ TableName: config().tableName, Key, UpdateExpression: 'REMOVE workState, workAttempts, workDueAt, gsi3pk, gsi3sk' }));
    await sweepWork(WORK_KINDS, addMs(nowIso(), DAY_MS + 1000));
    expect(await objectStore.sizeOf(attachmentObjectKey(kitaTicket, orphan))).toBe(PNG.byteLength);

    expect((await migrateTable())[UPLOAD_CLEANUP_MIGRATION]).toBe(1);
    expect((await migrateTable())[UPLOAD_CLEANUP_MIGRATION]).toBe(0);
    await sweepWork(WORK_KINDS, addMs(nowIso(), DAY_MS + 1000));
    expect(await objectStore.sizeOf(attachmentObjectKey(kitaTicket, orphan))).toBeUndefined();
  });

  describe('a clean-up racing a message for the upload', () => {
    // The moment between a message's copy of the upload and its transaction is too short to
    // hit from outside: the clean-up is let in there, as the real copy returns.
    function cleanUpAfterCopy(cleanUp: () => Promise<unknown>): void {
      const copy = objectStore.copy.bind(objectStore);
      jest.spyOn(objectStore, 'copy').mockImplementationOnce(async (from, to) => {
        const copied = await copy(from, to);
        await cleanUp();
        return copied;
      });
    }
    afterEach(() => jest.restoreAllMocks());

    it('refuses the message when the clean-up claimed the upload before it was linked; the clean-up then deletes it', async () => {
      const attachmentId = await upload(tokens.customer, kitaTicket, PNG);
      const item = { ticketId: kitaTicket, attachmentId };
      let claim: Claim | undefined;
      cleanUpAfterCopy(async () => {
        claim = await claimUnit(() => attachmentCleanupWork.patch(item), { leaseMs: attachmentCleanupWork.leaseMs });
      });

      const refused = await post(tokens.customer, kitaTicket, { body: 'Foto di saat terakhir.', attachmentIds: [attachmentId] });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('attachment_not_uploaded');
      await attachmentCleanupWork.run(item, claim!);

      expect(await objectStore.sizeOf(attachmentObjectKey(kitaTicket, attachmentId))).toBeUndefined();
      expect((await download(tokens.customer, kitaTicket, attachmentId)).status).toBe(404);
      const thread = await call('GET', `/tickets/${kitaTicket}/messages?limit=100`, { token: tokens.customer });
      expect(thread.body.items.map((m: any) => m.body)).not.toContain('Foto di saat terakhir.');
    });

    it('refuses the message when the clean-up finished before it was linked', async () => {
      const attachmentId = await upload(tokens.customer, kitaTicket, PNG);
      cleanUpAfterCopy(() => sweepWork(WORK_KINDS, addMs(nowIso(), DAY_MS + 1000)));

      const refused = await post(tokens.customer, kitaTicket, { body: 'Foto yang terlambat.', attachmentIds: [attachmentId] });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('unknown_attachment');
      expect(await objectStore.sizeOf(attachmentObjectKey(kitaTicket, attachmentId))).toBeUndefined();
      expect((await download(tokens.customer, kitaTicket, attachmentId)).status).toBe(404);
    });

    it('leaves a file the message linked first to its message: the clean-up that follows changes nothing', async () => {
      const attachmentId = await upload(tokens.customer, kitaTicket, PNG);
      const item = await ticketAttachmentRepository.get(kitaTicket, attachmentId);
      expect((await post(tokens.customer, kitaTicket, { body: 'Foto tepat waktu.', attachmentIds: [attachmentId] })).status).toBe(201);

      // A sweep that read the upload as due just before the message took it.
      expect(await workUnit(attachmentCleanupWork, item!, addMs(nowIso(), DAY_MS + 1000))).toBe('skipped');
      await downloadsAs(tokens.customer, kitaTicket, attachmentId, PNG);
    });
  });
});
