import { createHash } from 'node:crypto';
import type { AddressObject, Headers } from 'mailparser';
import { replyTokenInMessageIds, replyTokenInSubject } from './ticket-reply-token';

/** A file that came with a mail. */
export type InboundAttachment = { name: string; contentType: string; size: number; content: Buffer };

/** What the intake needs from a raw e-mail. */
export type InboundMail = {
  /** The Message-ID header, or a digest of the raw bytes when a sender left it out (retries still match). */
  messageId: string;
  from: { email: string; name?: string };
  to: string[];
  subject: string;
  /** The new text of the message: plain text (or the HTML as text), without the quoted history below it. */
  text: string;
  inReplyTo?: string;
  references: string[];
  /** The ticket reply token of the subject tag `[T-2026-00042 #<token>]`, else of a ticket thread id in In-Reply-To/References; not yet verified. */
  replyToken?: string;
  /** Sent by a machine (auto-reply, bounce, list or bulk mail): never answered, never a ticket. */
  automated: boolean;
  attachments: InboundAttachment[];
};

/**
 * Where quoted history starts: "On … wrote:" (Gmail, Apple Mail), "Pada … menulis:" (the same
 * clients in Indonesian), Outlook's "-----Original Message-----" / "-----Pesan Asli-----".
 */
const HISTORY_MARKERS = [/^On\b.*\bwrote:$/i, /^Pada\b.*\bmenulis:$/i, /^-{3,}\s*(Original Message|Pesan Asli)\s*-{3,}$/i];

const isHistoryMarker = (line: string) => HISTORY_MARKERS.some((marker) => marker.test(line.trim()));

/** The new part of a reply: everything above the first history marker, without `>` quoted lines. */
export function stripQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Clients wrap a long "On <date>, <name> <address> wrote:" over two lines.
    if (isHistoryMarker(line) || (i + 1 < lines.length && isHistoryMarker(`${line} ${lines[i + 1]!.trim()}`))) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line.trimEnd());
  }
  return kept.join('\n').trim();
}

/** Headers by which mail software marks what it sent on its own (RFC 3834, and the common de-facto ones). */
function isAutomated(headers: Headers): boolean {
  const header = (name: string) => {
    const value = headers.get(name);
    return typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  };
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return true;
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(header('precedence') ?? '')) return true;
  // mailparser gathers the List-* headers of mailing-list mail under `list`.
  return headers.has('x-autoreply') || headers.has('x-autorespond') || headers.has('list');
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((object) => object.value)
    .flatMap((address) => (address.group ?? [address]).flatMap((a) => (a.address ? [a.address.toLowerCase()] : [])));
}

function idList(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : value ? value.split(/\s+/) : []).filter(Boolean);
}

/**
 * Parse a raw MIME message (mailparser, imported on first use: only the mail intake needs it).
 * Inline images that only decorate the HTML (a signature logo) are not attachments.
 */
export async function parseInboundMail(raw: Buffer | string): Promise<InboundMail> {
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(raw);
  const sender = parsed.from?.value[0];
  const fromEmail = sender?.address?.toLowerCase() ?? '';
  const subject = (parsed.subject ?? '').trim();
  const references = idList(parsed.references);
  const replyToken = replyTokenInSubject(subject) ?? replyTokenInMessageIds([...(parsed.inReplyTo ? [parsed.inReplyTo] : []), ...references]);
  return {
    messageId: parsed.messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`,
    from: { email: fromEmail, ...(sender?.name ? { name: sender.name } : {}) },
    to: addresses(parsed.to),
    subject,
    // mailparser renders an HTML-only mail as text itself (links kept, tags dropped, quotes as "> ").
    text: stripQuotedHistory(parsed.text ?? ''),
    ...(parsed.inReplyTo ? { inReplyTo: parsed.inReplyTo } : {}),
    references,
    ...(replyToken ? { replyToken } : {}),
    automated: isAutomated(parsed.headers),
    attachments: parsed.attachments
      .filter((attachment) => !attachment.related)
      .map((attachment, index) => ({
        name: attachment.filename ?? `attachment-${index + 1}`,
        contentType: attachment.contentType.toLowerCase(),
        size: attachment.size,
        content: attachment.content,
      })),
  };
}
