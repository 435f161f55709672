import { PutCommand, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import type { StreamPump } from '../../../infra/local/stream-pump';
import { dynamo } from '../../../shared/platform/db/client';
import { outboxRepository } from '../../../shared/platform/mail/outbox.repository';
import type { Locale } from '../../../shared/platform/locale';
import type { MailParams } from '../../../shared/platform/mail/mail-template';
import type { IdentityMail } from '../../../shared/modules/identity/domain/identity-mails';
import { mailsTo, startMailPump, waitForMail } from '../../support/mail.helper';
import { createTestTable } from '../../support/test-table.helper';

let pump: StreamPump;

beforeAll(async () => {
  await createTestTable();
  pump = await startMailPump();
});

afterAll(() => pump.stop());

const uniqueAddress = (label: string) => `${label}-${randomBytes(4).toString('hex')}@mail-outbox.test`;

async function queueMail(to: string, template: IdentityMail, locale: Locale, params: MailParams): Promise<void> {
  await dynamo().send(new PutCommand(outboxRepository.mailOperation(to, template, locale, params) as PutCommandInput));
}

describe('outbox mail', () => {
  it('sends a mail written to the outbox, in English', async () => {
    const to = uniqueAddress('en');
    await queueMail(to, 'verify_email', 'en', { name: 'Sari', url: 'http://localhost:4001/verify?token=abc' });

    const mail = await waitForMail(to);
    expect(mail.subject).toBe('Confirm your e-mail address');
    expect(mail.from).toContain('no-reply@kaktus.example');
    expect(mail.body.text).toContain('http://localhost:4001/verify?token=abc');
    expect(mail.body.html).toContain('href="http://localhost:4001/verify?token=abc"');
  });

  it('sends it in Indonesian when the recipient reads Indonesian', async () => {
    const to = uniqueAddress('id');
    await queueMail(to, 'password_reset', 'id', { name: 'Yeyen', url: 'http://localhost:4001/reset?token=xyz' });

    const mail = await waitForMail(to);
    expect(mail.subject).toBe('Atur ulang kata sandi Anda');
    expect(mail.body.text).toContain('Halo Yeyen,');
  });

  it('escapes what a user typed before it reaches the HTML', async () => {
    const to = uniqueAddress('escape');
    await queueMail(to, 'portal_invite', 'en', { name: '<img src=x onerror=alert(1)>', company: 'PT. KITA & Co', url: 'http://localhost:4001/invite?t=1&u=2' });

    const mail = await waitForMail(to);
    expect(mail.subject).toBe('You are invited to the PT. KITA & Co customer portal');
    expect(mail.body.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.body.html).not.toContain('<img');
    expect(mail.body.html).toContain('PT. KITA &amp; Co');
  });

  it('sends each outbox item once', async () => {
    const to = uniqueAddress('once');
    await queueMail(to, 'staff_invite', 'en', { name: 'Budi', company: 'PT. Kaktus Berduri', url: 'http://localhost:4000/invite?t=1' });
    await queueMail(to, 'staff_invite', 'id', { name: 'Budi', company: 'PT. Kaktus Berduri', url: 'http://localhost:4000/invite?t=2' });

    await waitForMail(to, (mail) => mail.subject === 'Akun staf Anda di PT. Kaktus Berduri');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const subjects = (await mailsTo(to)).map((mail) => mail.subject).sort();
    expect(subjects).toEqual(['Akun staf Anda di PT. Kaktus Berduri', 'Your staff account at PT. Kaktus Berduri']);
  });
});
