import type { Context, SESEvent, SESEventRecord } from 'aws-lambda';
import { logger } from '../../shared/platform/logger';
import { BUCKET_PREFIXES, objectStore } from '../../shared/platform/storage/s3-client';
import { intakeRawMail } from '../../shared/modules/desk/services/email-channel.service';
import { withInvocationLog } from '../invocation-log';

/** SES found a virus or spam: nothing of it should reach a ticket. */
function rejectedBySes(record: SESEventRecord): string | undefined {
  const { virusVerdict, spamVerdict } = record.ses.receipt;
  if (virusVerdict.status === 'FAIL') return 'virus';
  if (spamVerdict.status === 'FAIL') return 'spam';
  return undefined;
}

/**
 * Inbound support mail (SES receipt rule: an S3 action stores the raw message under
 * `inbound/<SES message id>`, then this Lambda is invoked asynchronously). Reads the message
 * and hands it to the intake. A failure throws, so Lambda retries the event; the intake is
 * idempotent by Message-ID, so a retry never doubles a ticket or a reply.
 */
export function handler(event: SESEvent, context?: Context): Promise<void> {
  return withInvocationLog(context, async () => {
    for (const record of event.Records) {
      const sesMessageId = record.ses.mail.messageId;
      const rejection = rejectedBySes(record);
      if (rejection) {
        logger.warn('inbound mail dropped', { sesMessageId, reason: rejection });
        continue;
      }
      const raw = await objectStore.get(`${BUCKET_PREFIXES.inboundMail}${sesMessageId}`);
      await intakeRawMail(raw);
    }
  });
}
