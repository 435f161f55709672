import { leadImportRepository } from '../../db/lead-import.repository';
import type { WorkKind } from '../../../../platform/work/work-runner';

/**
 * Lead import chunks. Worked again when their worker vanished: importing a chunk twice is
 * harmless (a row's new lead has an id derived from the import and the row, so a second try
 * finds it instead of doubling it), and its rows are counted only with its own claim. A chunk of
 * a few hundred rows takes seconds; the lease lets one whose worker died go again a minute on.
 */
export const leadImportChunkWork: WorkKind = {
  entity: 'leadImportChunk',
  patch: (item) => leadImportRepository.chunkPatch(String(item.importId), Number(item.chunkNo)),
  due: (state, now, limit) => leadImportRepository.dueChunks(state, now, limit),
  leaseMs: 60_000,
  retakeExpired: true,
  async run(item, claim) {
    // Loaded on demand: the lead services stay out of the mail path's cold start.
    const { importChunk } = await import('./chunk-import');
    await importChunk(item, claim);
  },
};
