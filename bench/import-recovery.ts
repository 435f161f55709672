import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { importThroughRestarts, killAllNpmStarts } from '../test/support/npm-start';
import { figure, note } from './report';

const ROWS = 10_000;

/**
 * import_recovery_s and the import's pace around it, with the restart test's harness
 * (test/support/npm-start.ts): `npm start` in a child process on its own data folder, a
 * 10,000-row lead import, Ctrl-C (SIGINT to the process group) at 3,500 rows done, a restart,
 * a hard kill (SIGKILL to the group) at 7,000, another restart, on to completion.
 *
 * - import_recovery_s: the restarted `npm start` answering → the import's done-row count rising,
 *   the slower of the two restarts (each on its own line as well).
 * - import_rows_per_s_before / _after: the pace before the first stop and after the last
 *   restart (median over the count's steps; see runRate in the harness), and between the stops.
 */
export async function measureImportRecovery(workDir: string): Promise<void> {
  const dataDir = mkdtempSync(join(workDir, 'import-recovery-'));
  try {
    const run = await importThroughRestarts({
      dataDir,
      rows: ROWS,
      stops: [
        { signal: 'SIGINT', atRows: 3_500 },
        { signal: 'SIGKILL', atRows: 7_000 },
      ],
      log: (line) => void (line.startsWith('[harness]') && note(line.slice(10))),
    });
    await run.stack.stop('SIGINT');
    const { job, restarts, rowsPerSecond } = run;
    if (job.status !== 'completed' || job.processedRows !== ROWS || job.createdRows + job.updatedRows + job.failedRows !== ROWS) {
      throw new Error(`the import did not complete with every row counted once: ${JSON.stringify({ ...job, errors: job.errors.slice(0, 3) })}`);
    }
    for (const restart of restarts) {
      note(`${restart.signal} at ${restart.atRows} rows: stopped in ${restart.stop.seconds.toFixed(1)} s${restart.stop.escalated ? ' (needed SIGKILL)' : ''}, npm start answered ${restart.startSeconds.toFixed(1)} s after its spawn`);
    }
    const pace = (value: number | undefined) => (value === undefined ? 'n/a' : value);
    figure('import_recovery_s', Math.max(...restarts.map((r) => r.recoverySeconds)), 's', 1);
    for (const restart of restarts) figure(`import_recovery_after_${restart.signal.toLowerCase()}_s`, restart.recoverySeconds, 's', 1);
    figure('import_rows_per_s_before', pace(rowsPerSecond[0]), 'rows/s', 0);
    figure('import_rows_per_s_after', pace(rowsPerSecond.at(-1)), 'rows/s', 0);
    figure('import_rows_per_s_between_stops', pace(rowsPerSecond[1]), 'rows/s', 0);
    figure('import_restarted_total_s', run.totalSeconds, 's', 1);
  } finally {
    await killAllNpmStarts();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
