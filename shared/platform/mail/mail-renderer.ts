import type { Locale } from '../locale';
import type { MailParams, MailTemplate, MailValues } from './mail-template';

/** A mail ready to hand to SES: subject line, plain text and HTML bodies. */
export type RenderedMail = { subject: string; text: string; html: string };

/** The word every mail opens with, before the recipient's name. */
const GREETING: Readonly<Record<Locale, string>> = { en: 'Hello', id: 'Halo' };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A subject is a header: a line break in a parameter must not start a new header. */
function singleLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

/** Only web links may become a button; anything else (javascript:, data:) is refused. */
function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`Refusing to put a ${parsed.protocol} link in an e-mail`);
  }
  return parsed.href;
}

/** Renders a mail in the recipient's locale: greeting, the template's lines, a button to the link, the footer; parameters are escaped in the HTML. */
export function renderMail(template: MailTemplate, locale: Locale, params: MailParams): RenderedMail {
  const copy = template.copy[locale];
  const p: MailValues = {
    name: singleLine(params.name ?? ''),
    company: singleLine(params.company ?? 'Relasi'),
    url: params.url ? safeUrl(params.url) : '',
    reference: singleLine(params.reference ?? ''),
    title: singleLine(params.title ?? ''),
    message: params.message ?? '',
    number: singleLine(params.number ?? ''),
    amount: singleLine(params.amount ?? ''),
    dueDate: singleLine(params.dueDate ?? ''),
    bankName: singleLine(params.bankName ?? ''),
    accountNumber: singleLine(params.accountNumber ?? ''),
    accountHolder: singleLine(params.accountHolder ?? ''),
    documentId: params.documentId ?? '',
  };
  const subject = singleLine(p.reference ? `${copy.subject(p)} ${p.reference}` : copy.subject(p));
  const greetingLine = p.name ? `${GREETING[locale]} ${p.name},` : `${GREETING[locale]},`;
  const lines = copy.lines(p);

  const text = [greetingLine, '', ...lines, '', ...(p.url ? [`${copy.action}: ${p.url}`, ''] : []), copy.footer, ''].join('\n');

  const button = p.url
    ? `<p><a href="${escapeHtml(p.url)}" style="display:inline-block;padding:10px 18px;background:#1f6f5c;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(copy.action)}</a></p>` +
      `<p style="font-size:12px;color:#555555">${escapeHtml(p.url)}</p>`
    : '';
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5">',
    `<p>${escapeHtml(greetingLine)}</p>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    button,
    `<p style="font-size:12px;color:#555555">${escapeHtml(copy.footer)}</p>`,
    '</body></html>',
  ].join('');

  return { subject, text, html };
}
