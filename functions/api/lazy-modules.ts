/**
 * Packages the API loads with a dynamic import only when a request needs them (PDF rendering).
 * They are kept out of the Lambda bundle, so a read never parses them, and shipped beside it.
 */
export const API_LAZY_MODULES = ['pdf-lib'] as const;
