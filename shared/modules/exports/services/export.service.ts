import { enforce } from '../../../platform/access';
import { NotFoundError, ValidationError } from '../../../platform/errors';
import type { Locale } from '../../../platform/locale';
import { objectStore } from '../../../platform/storage/s3-client';
import type { Actor } from '../../identity/domain/identity';
import { exportJobRepository } from '../db/export-job.repository';
import type { ExportJobRow } from '../db/export-job.entity';
import { DOWNLOAD_LINK_SECONDS, exportFileName, exportStateOf, type ExportSourceName } from '../domain/exports';
import { exportPolicy } from '../policy';
import type { Export, ExportCreate } from '../schemas/export.schema';
import { EXPORT_SOURCE_LISTS } from './export-sources';

async function toExport(job: ExportJobRow): Promise<Export> {
  const source = job.source as ExportSourceName;
  const fileName = exportFileName(source, job.createdAt);
  const state = exportStateOf(job.workState);
  const view: Export = { id: job.exportId, source, state, rows: job.rows, fileName, createdAt: job.createdAt };
  if (state !== 'completed' || !job.objectKey) return view;
  const { url } = await objectStore.presignGet(job.objectKey, fileName, 'text/csv; charset=utf-8', DOWNLOAD_LINK_SECONDS);
  return { ...view, downloadUrl: url };
}

export const exportService = {
  /**
   * Queue a CSV export of a list with its filters, checked now (400 for a filter the list does
   * not take, 403 for a list the caller may not read); the rows are read when the file is written,
   * with the caller's reach at that time.
   */
  async start(actor: Actor, input: ExportCreate, locale: Locale): Promise<Export> {
    const source = EXPORT_SOURCE_LISTS[input.source];
    enforce(source.authorize(actor), 'List');
    const filter = source.filter.safeParse(input.filter);
    if (!filter.success) {
      const details = filter.error.issues.map((issue) => ({ path: ['filter', ...issue.path].join('.'), message: issue.message, code: issue.code }));
      throw new ValidationError('The filter does not fit this list.', details);
    }
    const job = await exportJobRepository.create({ userId: actor.userId, source: input.source, filter: JSON.stringify(filter.data), locale });
    return toExport(job);
  },

  /** One of the caller's exports, with a fresh download link once it is written; anyone else's is not found. */
  async get(actor: Actor, exportId: string): Promise<Export> {
    const job = await exportJobRepository.get(exportId);
    if (!job) throw new NotFoundError('Export');
    enforce(exportPolicy.read(actor, job), 'Export');
    return toExport(job);
  },
};
