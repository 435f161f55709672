import { createHash } from 'node:crypto';
import { nowIso } from '../../../platform/clock';
import type { InboundMailOutcome } from '../domain/service-vocabulary';
import { InboundMailReceiptEntity, type InboundMailReceiptRow } from './inbound-mail-receipt.entity';

const keyOf = (messageId: string) => createHash('sha256').update(messageId.trim()).digest('base64url');

/** The claim time of an abandoned claim: older than any live one. */
const ABANDONED = '1970-01-01T00:00:00.000Z';

export const inboundMailRepository = {
  /** Claim a Message-ID for handling: a conditional create, so of two deliveries exactly one wins. */
  async claim(mail: { messageId: string; fromEmail: string; subject: string }): Promise<boolean> {
    const row: InboundMailReceiptRow = { messageKey: keyOf(mail.messageId), ...mail, subject: mail.subject.slice(0, 500), claimedAt: nowIso() };
    const result = await InboundMailReceiptEntity().create(row).go({ response: 'none', returnOnConditionCheckFailure: true });
    return !result.rejected;
  },

  /**
   * Take over a claim an attempt left unfinished (its Lambda died), only if it is still the
   * claim we saw and has no outcome, so two retries cannot both take it.
   */
  async reclaim(receipt: InboundMailReceiptRow): Promise<boolean> {
    const result = await InboundMailReceiptEntity().patch({ messageKey: receipt.messageKey })
      .set({ claimedAt: nowIso() })
      .where((attr, { eq, notExists }) => `${eq(attr.claimedAt, receipt.claimedAt)} AND ${notExists(attr.outcome)}`)
      .go({ response: 'none', returnOnConditionCheckFailure: true });
    return !result.rejected;
  },

  /** Record what became of the mail. */
  async complete(messageId: string, outcome: InboundMailOutcome, details: { reason?: string; ticketId?: string }): Promise<void> {
    await InboundMailReceiptEntity().patch({ messageKey: keyOf(messageId) })
      .set({ outcome, ...details, completedAt: nowIso() })
      .go({ response: 'none' });
  },

  /**
   * Note the ticket (and message) a mail became, before its attachments are stored: a retry
   * goes on from there instead of opening another ticket or adding the reply again.
   */
  async noteProgress(messageId: string, progress: { ticketId: string; ticketMessageId?: string }): Promise<void> {
    await InboundMailReceiptEntity().patch({ messageKey: keyOf(messageId) }).set(progress).go({ response: 'none' });
  },

  /** Give up a claim after a failure on our side, keeping what was done, so the retry of the same mail may take it over at once. */
  async abandon(messageId: string): Promise<void> {
    await InboundMailReceiptEntity().patch({ messageKey: keyOf(messageId) }).set({ claimedAt: ABANDONED }).go({ response: 'none' });
  },

  async get(messageId: string): Promise<InboundMailReceiptRow | undefined> {
    const { data } = await InboundMailReceiptEntity().get({ messageKey: keyOf(messageId) }).go({ consistent: true });
    return data ?? undefined;
  },
};
