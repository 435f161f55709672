import { LOCALES } from '../../../shared/platform/locale';
import { escapeHtml, renderMail } from '../../../shared/platform/mail/mail-renderer';
import { IDENTITY_MAILS } from '../../../shared/modules/identity/domain/identity-mails';
import { COMMERCE_MAILS } from '../../../shared/modules/commerce/domain/commerce-mails';
import { DESK_MAILS } from '../../../shared/modules/desk/domain/desk-mails';

const params = { name: 'Yeyen', company: 'PT. Kaktus Berduri', url: 'https://customer.relasi.example/invite?token=abc' };
const EVERY_MAIL = Object.entries({ ...IDENTITY_MAILS, ...COMMERCE_MAILS, ...DESK_MAILS });

describe('mail templates', () => {
  it.each(EVERY_MAIL.flatMap(([name, template]) => LOCALES.map((locale) => [name, locale, template] as const)))(
    '%s in %s has a subject, a text and an HTML body with the link',
    (_name, locale, template) => {
      const mail = renderMail(template, locale, params);
      expect(mail.subject.length).toBeGreaterThan(5);
      expect(mail.text).toContain(params.url);
      expect(mail.text).toContain('Yeyen');
      expect(mail.html).toContain(`href="${escapeHtml(params.url)}"`);
      expect(mail.html).toContain(`lang="${locale}"`);
    },
  );

  it('speaks the recipient\'s language', () => {
    expect(renderMail(IDENTITY_MAILS.verify_email, 'en', params).subject).toBe('Confirm your e-mail address');
    expect(renderMail(IDENTITY_MAILS.verify_email, 'id', params).subject).toBe('Konfirmasi alamat e-mail Anda');
    expect(renderMail(IDENTITY_MAILS.portal_invite, 'id', params).subject).toBe('Anda diundang ke portal pelanggan PT. Kaktus Berduri');
    expect(renderMail(IDENTITY_MAILS.password_reset, 'id', params).text).toMatch(/^Halo Yeyen,/);
  });

  it('escapes every parameter in the HTML body', () => {
    const mail = renderMail(IDENTITY_MAILS.portal_invite, 'en', {
      name: '<script>alert("x")</script>',
      company: 'Tom & Jerry\'s <b>',
      url: 'https://portal.example/invite?a=1&b="2"',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.html).toContain('Tom &amp; Jerry&#39;s &lt;b&gt;');
    expect(mail.html).toContain('href="https://portal.example/invite?a=1&amp;b=%222%22"');
    // The plain-text body is not HTML: it keeps what the user typed.
    expect(mail.text).toContain('<script>alert("x")</script>');
  });

  it('keeps the subject on one line', () => {
    const mail = renderMail(IDENTITY_MAILS.staff_invite, 'en', { company: 'Evil\r\nBcc: victim@example.com', url: 'https://x.example/' });
    expect(mail.subject).toBe('Your staff account at Evil Bcc: victim@example.com');
  });

  it('refuses links that are not web links', () => {
    expect(() => renderMail(IDENTITY_MAILS.verify_email, 'en', { url: 'javascript:alert(1)' })).toThrow(/javascript:/);
  });

  it('greets without a name and names Relasi when no company is given', () => {
    const mail = renderMail(IDENTITY_MAILS.staff_invite, 'en', { url: 'https://x.example/' });
    expect(mail.text).toMatch(/^Hello,/);
    expect(mail.subject).toBe('Your staff account at Relasi');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
