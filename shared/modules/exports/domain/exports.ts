/** The lists a person can export as CSV (`POST /exports {source}`), each read with the caller's own reach. */
export const EXPORT_SOURCES = ['leads'] as const;
export type ExportSourceName = (typeof EXPORT_SOURCES)[number];

/** How an export stands, as the API shows it (its work unit's state underneath). */
export const EXPORT_STATES = ['running', 'completed', 'failed'] as const;
export type ExportState = (typeof EXPORT_STATES)[number];

/** The work unit's state as the export's. */
export function exportStateOf(workState: 'pending' | 'claimed' | 'done' | 'failed'): ExportState {
  if (workState === 'done') return 'completed';
  return workState === 'failed' ? 'failed' : 'running';
}

/** The file a person downloads: `leads-2026-12-07.csv`. */
export function exportFileName(source: ExportSourceName, createdAt: string): string {
  return `${source}-${createdAt.slice(0, 10)}.csv`;
}

/** How long a download link works: long enough to start the download, short enough not to be passed around. */
export const DOWNLOAD_LINK_SECONDS = 300;
