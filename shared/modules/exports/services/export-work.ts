import { csvStream } from '../../../platform/export/csv-stream';
import { isLocale } from '../../../platform/locale';
import { BUCKET_PREFIXES, objectStore } from '../../../platform/storage/s3-client';
import { PermanentWorkError, type WorkKind } from '../../../platform/work/work-runner';
import { exportJobRepository } from '../db/export-job.repository';
import { EXPORT_SOURCES, type ExportSourceName } from '../domain/exports';
import { EXPORT_SOURCE_LISTS } from './export-sources';

const isSource = (name: string): name is ExportSourceName => (EXPORT_SOURCES as readonly string[]).includes(name);

/**
 * CSV exports: the rows are read page by page with the owner's reach as it is now (roles taken
 * away since the request count) and streamed into one object. A retried unit writes the whole
 * file again under the same key, so a file is never half of one and half of another.
 */
export const exportWork: WorkKind = {
  entity: 'exportJob',
  patch: (item) => exportJobRepository.patch(String(item.exportId)),
  due: (state, now, limit) => exportJobRepository.due(state, now, limit),
  leaseMs: 10 * 60_000,
  retakeExpired: true,
  async run(item, claim) {
    const job = exportJobRepository.parse(item);
    if (!job || !isSource(job.source) || !isLocale(job.locale)) throw new PermanentWorkError('malformed export job');
    // Loaded on demand: the identity services stay out of the other kinds' path.
    const { sessionService } = await import('../../identity/services/session.service');
    const actor = await sessionService.actorOf(job.userId);
    const source = EXPORT_SOURCE_LISTS[job.source];
    if (!actor || source.authorize(actor) !== 'allow') throw new PermanentWorkError('the owner may no longer read this list');
    let rows = 0;
    const objectKey = `${BUCKET_PREFIXES.exports}${job.exportId}.csv`;
    const body = csvStream(source.header(job.locale), source.pages(actor, JSON.parse(job.filter) as Record<string, unknown>), () => (rows += 1));
    await objectStore.upload(objectKey, body, 'text/csv; charset=utf-8');
    await exportJobRepository.complete(job.exportId, claim, { rows, objectKey });
  },
};
