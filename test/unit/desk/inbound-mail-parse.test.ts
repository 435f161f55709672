import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInboundMail, stripQuotedHistory } from '../../../shared/modules/desk/services/email-parse';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'inbound-mail', `${name}.eml`));

/** A small raw message with the given headers and plain-text body. */
const rawMail = (headers: string[], body: string) => [...headers, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', body].join('\r\n');

describe('inbound mail parsing', () => {
  test('a plain-text mail: sender, recipients, subject, ids and the body as written', async () => {
    const mail = await parseInboundMail(fixture('plain'));
    expect(mail).toMatchObject({
      messageId: '<plain-1@kita.example>',
      from: { email: 'yeyen@kita.example', name: 'Yeyen Wulandari' },
      to: ['support@kaktus.example'],
      subject: 'Pesanan nasi box belum datang',
      references: [],
      automated: false,
      attachments: [],
    });
    expect(mail.replyToken).toBeUndefined();
    // Quoted-printable soft line breaks are joined back.
    expect(mail.text).toBe('Selamat pagi,\n\nPesanan 250 nasi box untuk acara hari ini belum datang. Mohon dicek segera.\n\nTerima kasih,\nYeyen');
  });

  test('an HTML-only mail becomes text without tags, keeping link targets', async () => {
    const mail = await parseInboundMail(fixture('html-only'));
    expect(mail.text).toContain('Invoice INV-2026-00007 shows two delivery fees.');
    expect(mail.text).toContain('https://kita.example/po/77');
    expect(mail.text).not.toMatch(/<[a-z/]/i);
  });

  test('a multipart mail: the plain part is preferred and the attachment comes with its bytes', async () => {
    const mail = await parseInboundMail(fixture('with-attachment'));
    expect(mail.text).toBe('Terlampir foto kemasan yang rusak.');
    expect(mail.attachments).toHaveLength(1);
    const [png] = mail.attachments;
    expect(png).toMatchObject({ name: 'kemasan-rusak.png', contentType: 'image/png', size: 70 });
    expect(png!.content.subarray(1, 4).toString()).toBe('PNG');
    expect(png!.content.byteLength).toBe(70);
  });

  test('an Indonesian reply: the quoted history is gone and the subject tag gives the reply token', async () => {
    const mail = await parseInboundMail(fixture('quoted-reply-id'));
    expect(mail.text).toBe('Sudah diterima, terima kasih banyak.');
    expect(mail.replyToken).toBe('dGlja2V0LTQy.abcdefghijklmnopqrstuv');
    expect(mail.inReplyTo).toBe('<0100018c@email.amazonses.com>');
    expect(mail.references).toEqual(['<0100018b@email.amazonses.com>', '<0100018c@email.amazonses.com>']);
  });

  test('a reply whose subject lost its tag takes the reply token from the ticket thread id in References', async () => {
    const headers = ['From: yeyen@kita.example', 'To: support@kaktus.example', 'Subject: Re: pesanan', 'In-Reply-To: <0100018c@email.amazonses.com>', 'References: <ticket.dGlja2V0LTQy.abcdefghijklmnopqrstuv@kaktus.example> <0100018c@email.amazonses.com>'];
    expect((await parseInboundMail(rawMail(headers, 'Sudah.'))).replyToken).toBe('dGlja2V0LTQy.abcdefghijklmnopqrstuv');
    const unrelated = ['From: yeyen@kita.example', 'To: support@kaktus.example', 'Subject: Re: pesanan', 'References: <ticket@kita.example> <abc.def@kita.example>'];
    expect((await parseInboundMail(rawMail(unrelated, 'Sudah.'))).replyToken).toBeUndefined();
  });

  test('an auto-reply is marked as automated', async () => {
    expect((await parseInboundMail(fixture('auto-reply'))).automated).toBe(true);
  });

  test('bulk and list mail are automated too; "Auto-Submitted: no" is a person', async () => {
    const base = ['From: news@vendor.example', 'To: support@kaktus.example', 'Subject: Promo'];
    expect((await parseInboundMail(rawMail([...base, 'Precedence: bulk'], 'Diskon!'))).automated).toBe(true);
    expect((await parseInboundMail(rawMail([...base, 'List-Id: <promo.vendor.example>'], 'Diskon!'))).automated).toBe(true);
    expect((await parseInboundMail(rawMail([...base, 'Auto-Submitted: no'], 'Halo'))).automated).toBe(false);
  });

  test('a mail without Message-ID gets the same id every time it is parsed', async () => {
    const raw = rawMail(['From: a@kita.example', 'To: support@kaktus.example', 'Subject: Tanpa id'], 'Halo');
    const [first, second, other] = await Promise.all([parseInboundMail(raw), parseInboundMail(raw), parseInboundMail(`${raw}!`)]);
    expect(first.messageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(second.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
  });
});

describe('quoted history', () => {
  test('stops at "On … wrote:" and drops ">" lines', () => {
    const text = 'Thanks, received.\n> earlier line\n\nOn Tue, 1 Dec 2026 at 10:00, Kaktus Support <no-reply@kaktus.example> wrote:\n> Hello\n> The courier is on the way.';
    expect(stripQuotedHistory(text)).toBe('Thanks, received.');
  });

  test("stops at Outlook's original-message separator, in English or Indonesian", () => {
    expect(stripQuotedHistory('Oke.\r\n\r\n-----Original Message-----\r\nFrom: Kaktus')).toBe('Oke.');
    expect(stripQuotedHistory('Baik.\n-----Pesan Asli-----\nDari: Kaktus')).toBe('Baik.');
  });

  test('keeps a message that only mentions writing', () => {
    expect(stripQuotedHistory('On Monday the driver wrote down the wrong address.\nPlease fix it.')).toBe('On Monday the driver wrote down the wrong address.\nPlease fix it.');
  });
});
