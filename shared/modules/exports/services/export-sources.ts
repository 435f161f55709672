import type { z } from '@hono/zod-openapi';
import type { Decision } from '../../../platform/access';
import type { CsvCell } from '../../../platform/export/csv-stream';
import type { Locale } from '../../../platform/locale';
import type { Actor } from '../../identity/domain/identity';
import { userRepository } from '../../identity/db/user.repository';
import { leadPolicy } from '../../sales/policy';
import { LeadListQuerySchema, type Lead } from '../../sales/schemas/lead.schema';
import { leadService } from '../../sales/services/lead.service';
import type { ExportSourceName } from '../domain/exports';

/** One exportable list: who may export it, its filters, its columns and its rows page by page, read with the caller's reach. */
export type ExportSource = {
  authorize(actor: Actor): Decision;
  filter: z.ZodType<Record<string, unknown>>;
  header(locale: Locale): string[];
  pages(actor: Actor, filter: Record<string, unknown>): AsyncIterable<CsvCell[][]>;
};

/** Rows per read: the list endpoints' own largest page. */
const PAGE = 100;

/** The owners' names of a page of records, in one batch read. */
async function ownerNames(ownerIds: (string | undefined)[]): Promise<Map<string, string>> {
  const ids = [...new Set(ownerIds.filter((id): id is string => Boolean(id)))];
  return new Map((await userRepository.getMany(ids)).map((user) => [user.userId, user.name]));
}

// Headers the lead import recognises (shared/modules/sales/domain/lead-import.ts), so an exported
// file can be imported again as it is.
const LEAD_HEADER: Record<Locale, string[]> = {
  en: ['Title', 'Contact person', 'E-mail', 'Company', 'Phone', 'Source', 'Product interest', 'Territory', 'Notes', 'Status', 'Score', 'Owner', 'Created'],
  id: ['Judul', 'Nama kontak', 'Surel', 'Perusahaan', 'Telepon', 'Sumber', 'Minat produk', 'Wilayah', 'Catatan', 'Status', 'Skor', 'Pemilik', 'Dibuat'],
};

const leads: ExportSource = {
  authorize: (actor) => leadPolicy.read(actor),
  filter: LeadListQuerySchema,
  header: (locale) => LEAD_HEADER[locale],
  async *pages(actor, filter) {
    let cursor: string | undefined;
    do {
      const page = await leadService.list(actor, { limit: PAGE, cursor }, filter as z.infer<typeof LeadListQuerySchema>);
      const owners = await ownerNames(page.items.map((lead) => lead.ownerId));
      yield page.items.map((lead: Lead) => [
        lead.title, lead.contactName, lead.email, lead.companyName, lead.phone, lead.source, lead.productInterest,
        lead.territory, lead.memo, lead.status, lead.score, lead.ownerId ? owners.get(lead.ownerId) : undefined, lead.createdAt,
      ]);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  },
};

export const EXPORT_SOURCE_LISTS: Record<ExportSourceName, ExportSource> = { leads };
