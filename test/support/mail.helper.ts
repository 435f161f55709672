import { startStreamPump, type StreamPump } from '../../infra/local/stream-pump';
import { handler } from '../../functions/events/handler';
import { config } from '../../shared/platform/config';
import { TEST_MAIL_URL_ENV, testServiceUrl } from './test-services';

/** A mail as the catcher (aws-ses-v2-local) stores it. */
export type CaughtMail = {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  /** Headers the sender added (References, In-Reply-To). */
  headers?: { name: string; value: string }[];
  /** Files sent with the mail; `content` is base64. */
  attachments?: { filename: string; contentType: string; content: string; size: number }[];
  /** Epoch seconds. */
  at: number;
};

/**
 * Feeds this file's table stream to the events handler, which sends through the shared
 * catcher, as the Lambda does in AWS. Call after createTestTable(); stop it in afterAll.
 */
export function startMailPump(): Promise<StreamPump> {
  const { dynamodbEndpoint, region, tableName } = config();
  if (!dynamodbEndpoint) throw new Error('DYNAMODB_ENDPOINT is not set');
  return startStreamPump({ endpoint: dynamodbEndpoint, region, tableName, handler, fromStart: true, intervalMs: 100 });
}

/** `Name <a@b>` or `a@b` → `a@b`. */
function addressOf(recipient: string): string {
  return (/<([^>]+)>/.exec(recipient)?.[1] ?? recipient).trim().toLowerCase();
}

/**
 * Mails the catcher holds for an address, newest first. The catcher is shared by every test
 * file of the run: use recipient addresses unique to the test.
 */
export function mailsTo(address: string): Promise<CaughtMail[]> {
  return mailsAt(testServiceUrl(TEST_MAIL_URL_ENV), address);
}

/** Mails the catcher at `mailUrl` holds for an address, newest first. */
export async function mailsAt(mailUrl: string, address: string): Promise<CaughtMail[]> {
  const response = await fetch(`${mailUrl}/store`);
  if (!response.ok) throw new Error(`mail catcher answered ${response.status}`);
  const { emails } = (await response.json()) as { emails: CaughtMail[] };
  const wanted = address.toLowerCase();
  // The store appends in sending order, so reversing gives newest first even within one second.
  return emails.filter((mail) => mail.destination.to.some((to) => addressOf(to) === wanted)).reverse();
}

/** The newest mail to the address that matches, waiting for it to arrive. */
export async function waitForMail(
  address: string,
  predicate: (mail: CaughtMail) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await mailsTo(address);
    const match = mails.find(predicate);
    if (match) return match;
    if (Date.now() > deadline) {
      const seen = mails.map((mail) => `"${mail.subject}"`).join(', ') || 'none';
      throw new Error(`No matching mail to ${address} within ${timeoutMs} ms (mails to it: ${seen})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
