/** Human document numbers: `Q-2026-00042`, `SO-2026-00042`, `INV-2026-00042`, `T-2026-00042` (a counter per kind and year). */
export const DOCUMENT_KINDS = ['quote', 'order', 'invoice', 'ticket'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const PREFIX: Record<DocumentKind, string> = { quote: 'Q', order: 'SO', invoice: 'INV', ticket: 'T' };

/** The number people read for the `sequence`-th document of a kind in a year (at least 5 digits). */
export function formatDocumentNumber(kind: DocumentKind, year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError('year must have four digits');
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError('sequence must be a positive integer');
  return `${PREFIX[kind]}-${year}-${String(sequence).padStart(5, '0')}`;
}

/** The parts of a document number, or undefined when the text is not one. */
export function parseDocumentNumber(text: string): { kind: DocumentKind; year: number; sequence: number } | undefined {
  const match = /^(Q|SO|INV|T)-(\d{4})-(\d{5,})$/.exec(text);
  if (!match) return undefined;
  const kind = (Object.keys(PREFIX) as DocumentKind[]).find((k) => PREFIX[k] === match[1])!;
  return { kind, year: Number(match[2]), sequence: Number(match[3]) };
}

/** The year a document is numbered in (UTC). */
export function numberingYear(at: Date = new Date()): number {
  return at.getUTCFullYear();
}
