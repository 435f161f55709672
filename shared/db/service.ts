import { config } from '../config';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamo } from './client';
import { AccountContactEntity } from './entities/account-contact.entity';
import { AccountEntity } from './entities/account.entity';
import { CompanyProfileEntity } from './entities/company-profile.entity';
import { EmailClaimEntity } from './entities/email-claim.entity';
import { IdempotencyRecordEntity } from './entities/idempotency-record.entity';
import { LeadImportChunkEntity } from './entities/lead-import-chunk.entity';
import { LeadImportEntity } from './entities/lead-import.entity';
import { LeadMatchEntity } from './entities/lead-match.entity';
import { LeadSettingEntity } from './entities/lead-setting.entity';
import { LeadEntity } from './entities/lead.entity';
import { OneTimeTokenEntity } from './entities/one-time-token.entity';
import { OpportunityEntity } from './entities/opportunity.entity';
import { ActivityEntity } from './entities/activity.entity';
import { PipelineStagesEntity } from './entities/pipeline-stage.entity';
import { StageChangeEntity } from './entities/stage-change.entity';
import { StageTotalEntity } from './entities/stage-total.entity';
import { OutboxMailEntity } from './entities/outbox-mail.entity';
import { PartyEntity } from './entities/party.entity';
import { PasswordResetRequestEntity } from './entities/password-reset-request.entity';
import { RateCounterEntity } from './entities/rate-counter.entity';
import { SessionEntity } from './entities/session.entity';
import { TimelineItemEntity } from './entities/timeline-item.entity';
import { UserEntity } from './entities/user.entity';
import { ProductEntity } from './entities/product.entity';
import { SkuClaimEntity } from './entities/sku-claim.entity';
import { PriceListEntity } from './entities/price-list.entity';
import { QuoteEntity } from './entities/quote.entity';
import { SalesOrderEntity } from './entities/sales-order.entity';
import { InvoiceEntity } from './entities/invoice.entity';
import { PaymentEntity } from './entities/payment.entity';
import { DocumentCounterEntity } from './entities/document-counter.entity';
import { TicketEntity } from './entities/ticket.entity';
import { TicketLaneEntity } from './entities/ticket-lane.entity';
import { TicketMessageEntity } from './entities/ticket-message.entity';
import { EscalationMarkerEntity } from './entities/escalation-marker.entity';
import { AgentLoadEntity } from './entities/agent-load.entity';
import { ServiceSettingEntity } from './entities/service-setting.entity';
import { KbArticleEntity } from './entities/kb-article.entity';
import { KbCategoryCountEntity } from './entities/kb-category-count.entity';
import { KbFeedbackReceiptEntity } from './entities/kb-feedback-receipt.entity';
import { KbSlugClaimEntity } from './entities/kb-slug-claim.entity';
import { KbTermEntity } from './entities/kb-term.entity';
import { KbVoteEntity } from './entities/kb-vote.entity';
import { SlaPolicyEntity } from './entities/sla-policy.entity';
import { TicketAttachmentEntity } from './entities/ticket-attachment.entity';
import { InboundMailReceiptEntity } from './entities/inbound-mail-receipt.entity';

const entities = {
  account: AccountEntity,
  accountContact: AccountContactEntity,
  companyProfile: CompanyProfileEntity,
  emailClaim: EmailClaimEntity,
  idempotencyRecord: IdempotencyRecordEntity,
  lead: LeadEntity,
  leadImport: LeadImportEntity,
  leadImportChunk: LeadImportChunkEntity,
  leadMatch: LeadMatchEntity,
  leadSetting: LeadSettingEntity,
  oneTimeToken: OneTimeTokenEntity,
  opportunity: OpportunityEntity,
  activity: ActivityEntity,
  pipelineStages: PipelineStagesEntity,
  stageChange: StageChangeEntity,
  stageTotal: StageTotalEntity,
  outboxMail: OutboxMailEntity,
  party: PartyEntity,
  passwordResetRequest: PasswordResetRequestEntity,
  rateCounter: RateCounterEntity,
  session: SessionEntity,
  timelineItem: TimelineItemEntity,
  user: UserEntity,
  product: ProductEntity,
  skuClaim: SkuClaimEntity,
  priceList: PriceListEntity,
  quote: QuoteEntity,
  salesOrder: SalesOrderEntity,
  invoice: InvoiceEntity,
  payment: PaymentEntity,
  documentCounter: DocumentCounterEntity,
  ticket: TicketEntity,
  ticketLane: TicketLaneEntity,
  ticketMessage: TicketMessageEntity,
  escalationMarker: EscalationMarkerEntity,
  agentLoad: AgentLoadEntity,
  serviceSetting: ServiceSettingEntity,
  kbArticle: KbArticleEntity,
  kbCategoryCount: KbCategoryCountEntity,
  kbFeedbackReceipt: KbFeedbackReceiptEntity,
  kbSlugClaim: KbSlugClaimEntity,
  kbTerm: KbTermEntity,
  kbVote: KbVoteEntity,
  slaPolicy: SlaPolicyEntity,
  ticketAttachment: TicketAttachmentEntity,
  inboundMailReceipt: InboundMailReceiptEntity,
};

type Entities = { [Name in keyof typeof entities]: ReturnType<(typeof entities)[Name]> };

type Bindable = { setClient(client: DynamoDBDocumentClient): void; setTableName(table: string): void };

let bound: { entities: Entities } | undefined;

/**
 * The entities over the one table. Each is built and bound to the configured client and table
 * the first time a request uses it (transactions are composed from `.params()`, so no ElectroDB
 * Service is needed to join them).
 */
export function db(): { entities: Entities } {
  if (bound) return bound;
  const lazy = {} as Entities;
  for (const [name, build] of Object.entries(entities) as [string, () => Bindable][]) {
    let entity: Bindable | undefined;
    Object.defineProperty(lazy, name, {
      enumerable: true,
      get: () => {
        if (!entity) {
          entity = build();
          entity.setClient(dynamo());
          entity.setTableName(config().tableName);
        }
        return entity;
      },
    });
  }
  bound = { entities: lazy };
  return bound;
}
