import { mailsAt, type CaughtMail } from '../../support/mail.helper';

/** The newest mail to the address that matches, polling the catcher until it arrives (the stream pump sends it). */
export async function waitForMail(mailUrl: string, address: string, predicate: (mail: CaughtMail) => boolean = () => true, timeoutMs = 15_000): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = (await mailsAt(mailUrl, address)).find(predicate);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`No matching mail to ${address} reached the catcher within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether the mail holds a link starting with `prefix`. */
export function hasLink(mail: CaughtMail, prefix: string): boolean {
  try {
    linkIn(mail, prefix);
    return true;
  } catch {
    return false;
  }
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&#x2F;/gi, '/').replace(/&#47;/g, '/').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** The first link in the mail (text, else html) that starts with `prefix`. */
export function linkIn(mail: CaughtMail, prefix: string): string {
  const sources = [mail.body.text ?? '', decodeEntities(mail.body.html ?? '')];
  for (const source of sources) {
    const found = source.match(/https?:\/\/[^\s"'<>)]+/g)?.find((url) => url.startsWith(prefix));
    if (found) return found;
  }
  throw new Error(`No link starting with ${prefix} in the mail "${mail.subject}":\n${mail.body.text ?? mail.body.html}`);
}
