/**
 * Packages (or a package's subpath) the API loads with a dynamic import only when a request needs them (PDF
 * rendering, attachments and exports on S3, sanitising knowledge-base articles, reading a lead import's CSV). They are kept
 * out of the Lambda bundle, so a read never parses them, and shipped beside it.
 */
export const API_LAZY_MODULES = ['pdf-lib', '@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner', '@aws-sdk/lib-storage', 'sanitize-html', 'csv-parse/sync'] as const;

/** The lazy modules whose default export the API uses (CommonJS packages: `export *` alone would drop it). */
export const LAZY_DEFAULT_EXPORTS: ReadonlySet<(typeof API_LAZY_MODULES)[number]> = new Set(['sanitize-html']);
