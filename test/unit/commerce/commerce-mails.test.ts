import { COMMERCE_MAILS } from '../../../shared/modules/commerce/domain/commerce-mails';
import { renderMail } from '../../../shared/platform/mail/mail-renderer';

const invoice = { name: 'Yeyen', company: 'PT. Kaktus Berduri', url: 'https://customer.relasi.example/invoice/?id=1', number: 'INV-2026-00007', amount: 'Rp 7.326.000', dueDate: '6 Januari 2027' };
const bank = { bankName: 'Bank Central Asia (BCA)', accountNumber: '123-456-7890', accountHolder: 'PT. Kaktus Berduri' };

describe('commerce mails', () => {
  it('names the quote number and total in the subject and body', () => {
    const mail = renderMail(COMMERCE_MAILS.quote_sent, 'en', { ...invoice, number: 'Q-2026-00003', amount: 'IDR 7,326,000.00' });
    expect(mail.subject).toBe('Quotation Q-2026-00003 from PT. Kaktus Berduri');
    expect(mail.text).toContain('quotation Q-2026-00003 for a total of IDR 7,326,000.00');
  });

  it('gives the bank account with the invoice number as the reference, in Indonesian', () => {
    const mail = renderMail(COMMERCE_MAILS.invoice_issued, 'id', { ...invoice, ...bank });
    expect(mail.subject).toBe('Faktur INV-2026-00007 dari PT. Kaktus Berduri');
    for (const line of ['Bank: Bank Central Asia (BCA)', 'Nomor rekening: 123-456-7890', 'Atas nama: PT. Kaktus Berduri', 'Berita transfer: INV-2026-00007']) {
      expect(mail.text).toContain(line);
      expect(mail.html).toContain(`<p>${line}</p>`);
    }
  });

  it('shows no payment block when the company has set no bank account', () => {
    const mail = renderMail(COMMERCE_MAILS.invoice_issued, 'en', invoice);
    expect(mail.text).toContain('invoice INV-2026-00007 for Rp 7.326.000, due on 6 Januari 2027');
    expect(mail.text).not.toMatch(/bank transfer|Account number|Payment reference/);
    expect(mail.html).not.toContain('<p></p>');
  });
});
