import { epochSeconds, nowIso } from '../../../platform/clock';
import { newId } from '../../../platform/db/keys';
import { completeUnit, dueUnits, newWork, type Claim, type WorkState } from '../../../platform/work/work-unit';
import { ExportJobEntity, type ExportJobRow } from './export-job.entity';

const WEEK = 7 * 24 * 60 * 60;

export const exportJobRepository = {
  /** Queue an export; the events function writes the file. */
  async create(job: { userId: string; source: string; filter: string; locale: string }): Promise<ExportJobRow> {
    const now = nowIso();
    const { data } = await ExportJobEntity()
      .create({ ...job, exportId: newId(), rows: 0, createdAt: now, expiresAt: epochSeconds() + WEEK, ...newWork(now) })
      .go();
    return data;
  },

  async get(exportId: string): Promise<ExportJobRow | undefined> {
    return (await ExportJobEntity().get({ exportId }).go()).data ?? undefined;
  },

  /** The job a stored item (a stream image, a swept unit) holds, or undefined when it is not one. */
  parse(item: Record<string, unknown>): ExportJobRow | undefined {
    return ExportJobEntity().parse({ Item: item }).data ?? undefined;
  },

  /** The update of one job's work state. */
  patch(exportId: string) {
    return ExportJobEntity().patch({ exportId });
  },

  /** Done, with the file and its row count, while this worker's claim holds. */
  async complete(exportId: string, claim: Claim, result: { rows: number; objectKey: string }): Promise<void> {
    await completeUnit(() => ExportJobEntity().patch({ exportId }), claim, result).go();
  },

  /** Jobs in `state` due by `now`, as stored: what the stream hands over too. */
  due(state: WorkState, now: string, limit: number): Promise<Record<string, unknown>[]> {
    return dueUnits(ExportJobEntity().query.workDue({ workState: state }), now, limit);
  },
};
