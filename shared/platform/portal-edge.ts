/**
 * What the edge in front of the portals adds to every request and response, the same for
 * CloudFront in AWS and the local portal servers.
 */

/** Request header naming the portal a request came through; the API picks that portal's session cookie from it. */
export const PORTAL_HEADER = 'x-relasi-portal';

/**
 * Request header carrying a secret that only the portals' CloudFront distributions add (a custom
 * origin header; CloudFront overwrites a viewer's header of the same name): it proves that a
 * request reached API Gateway through our CloudFront, so the viewer address CloudFront adds can
 * be believed.
 */
export const EDGE_SECRET_HEADER = 'x-relasi-edge-secret';

/** The viewer's `ip:port` as CloudFront saw the connection (its origin request policy must forward it). */
export const VIEWER_ADDRESS_HEADER = 'CloudFront-Viewer-Address';

/**
 * The static sites' Content Security Policy (Astro inlines hydration scripts and scoped styles).
 * `uploadOrigin`: where browsers PUT ticket attachments with presigned URLs (the S3 bucket).
 */
export function siteCsp(uploadOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    // Knowledge-base articles may show https images (the sanitiser keeps no other scheme).
    "img-src 'self' data: https:",
    `connect-src 'self' ${uploadOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
