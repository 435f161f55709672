import { Service } from 'electrodb';
import { config } from '../config';
import { dynamo } from './client';
import { AccountContactEntity } from './entities/account-contact.entity';
import { AccountEntity } from './entities/account.entity';
import { CompanyProfileEntity } from './entities/company-profile.entity';
import { EmailClaimEntity } from './entities/email-claim.entity';
import { IdempotencyRecordEntity } from './entities/idempotency-record.entity';
import { OneTimeTokenEntity } from './entities/one-time-token.entity';
import { OpportunityEntity } from './entities/opportunity.entity';
import { OutboxMailEntity } from './entities/outbox-mail.entity';
import { PartyEntity } from './entities/party.entity';
import { RateCounterEntity } from './entities/rate-counter.entity';
import { SessionEntity } from './entities/session.entity';
import { TimelineItemEntity } from './entities/timeline-item.entity';
import { UserEntity } from './entities/user.entity';

const entities = {
  account: AccountEntity,
  accountContact: AccountContactEntity,
  companyProfile: CompanyProfileEntity,
  emailClaim: EmailClaimEntity,
  idempotencyRecord: IdempotencyRecordEntity,
  oneTimeToken: OneTimeTokenEntity,
  opportunity: OpportunityEntity,
  outboxMail: OutboxMailEntity,
  party: PartyEntity,
  rateCounter: RateCounterEntity,
  session: SessionEntity,
  timelineItem: TimelineItemEntity,
  user: UserEntity,
};

let service: Service<typeof entities> | undefined;

/** The ElectroDB service over the one table (bound to the configured table on first use). */
export function db(): Service<typeof entities> {
  service ??= new Service(entities, { client: dynamo(), table: config().tableName });
  return service;
}
