// One-off, for a deployed table written before the global search existed: indexes every
// account, contact, lead, opportunity, quote, order, invoice and ticket (a Scan, idempotent;
// the table stream keeps the index current afterwards). With the deployer's AWS credentials:
//   TABLE_NAME=<stack output TableName> AWS_REGION=<region> npx tsx infra/cdk/search-backfill.ts
// Locally `npm start` does the same as a migration (infra/local/seed/migrations.ts).
import { searchRepository } from '../../shared/modules/search/db/search.repository';

searchRepository.backfill().then(
  (indexed) => {
    console.log(`search backfill: ${indexed} records indexed`);
  },
  (error: unknown) => {
    console.error('search backfill failed:', error);
    process.exit(1);
  },
);
