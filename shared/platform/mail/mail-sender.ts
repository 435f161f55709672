import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { config } from '../config';
import type { RenderedMail } from './mail-renderer';
import type { MailAttachment } from './mail-template';

type Ses = { client: SESv2Client; configurationSet?: string };

let ses: Ses | undefined;

function sesOnce(): Ses {
  if (ses) return ses;
  const { region, sesEndpoint } = config();
  ses = {
    client: new SESv2Client({
      region,
      // The local catcher only checks that a signature is present, so any static key will do.
      ...(sesEndpoint ? { endpoint: sesEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
      maxAttempts: 3,
    }),
    configurationSet: process.env.SES_CONFIGURATION_SET || undefined,
  };
  return ses;
}

/** Where answers go, and the conversation a mail belongs to (SES sets the Message-ID itself, so threads hang on a shared root id). */
export type MailThreading = { replyTo?: string; threadId?: string };

/** Sends a rendered mail, with its files if any, through SES v2 from the configured sender; returns the SES message id. */
export async function sendMail(to: string, mail: RenderedMail, { replyTo, threadId }: MailThreading = {}, attachments: readonly MailAttachment[] = []): Promise<string | undefined> {
  const { client, configurationSet } = sesOnce();
  const result = await client.send(
    new SendEmailCommand({
      FromEmailAddress: config().mailFrom,
      Destination: { ToAddresses: [to] },
      ...(replyTo ? { ReplyToAddresses: [replyTo] } : {}),
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' }, Html: { Data: mail.html, Charset: 'UTF-8' } },
          ...(attachments.length > 0
            ? { Attachments: attachments.map((file) => ({ FileName: file.filename, ContentType: file.contentType, ContentDisposition: 'ATTACHMENT' as const, RawContent: file.content })) }
            : {}),
          ...(threadId ? { Headers: [{ Name: 'References', Value: threadId }, { Name: 'In-Reply-To', Value: threadId }] } : {}),
        },
      },
      ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
    }),
  );
  return result.MessageId;
}
