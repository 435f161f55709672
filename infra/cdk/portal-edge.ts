import { join } from 'node:path';
import { Aws, Duration, type Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { siteCsp, VIEWER_ADDRESS_HEADER } from '../../shared/platform/portal-edge';
import { AUDIENCES } from '../../shared/modules/identity/domain/identity';
import { PortalSite } from './portal-site.construct';

type PortalSitesProps = {
  apiDomainName: string;
  /** The attachments bucket's name: browsers PUT uploads there, so the sites' CSP names its origin. */
  attachmentsBucketName: string;
  edgeSecret: string;
  /** The folder holding each portal's `<portal>/dist`. */
  distRoot: string;
};

/**
 * The four portals' CloudFront sites and the policies they share. Built in the stack's own scope
 * (not a construct of their own) so the resources keep the logical ids they were deployed with.
 */
export function portalSites(stack: Stack, props: PortalSitesProps) {
  const siteHeaders = new cloudfront.ResponseHeadersPolicy(stack, 'SiteHeaders', {
    comment: 'Relasi portals: security headers for the static sites',
    securityHeadersBehavior: {
      ...commonSecurityHeaders(),
      contentSecurityPolicy: {
        contentSecurityPolicy: siteCsp(`https://${props.attachmentsBucketName}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`),
        override: true,
      },
    },
  });
  // No CSP here: /api/docs is HTML the API renders, so its policy belongs to the API.
  const apiHeaders = new cloudfront.ResponseHeadersPolicy(stack, 'ApiHeaders', {
    comment: 'Relasi API behind the portals: security headers without CSP',
    securityHeadersBehavior: commonSecurityHeaders(),
  });
  // An allow-list, because API Gateway routes on its own Host header (the viewer's must not reach
  // it) and a policy that forwards all viewer headers but Host cannot add CloudFront's. A request
  // header the API starts to read must be added here. Authorization cannot be forwarded by an
  // origin request policy at all: bearer-token clients call the API URL (output ApiUrl).
  const apiRequests = new cloudfront.OriginRequestPolicy(stack, 'ApiRequests', {
    comment: 'Relasi API behind the portals: the headers the API reads and the viewer address',
    headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(...API_REQUEST_HEADERS, VIEWER_ADDRESS_HEADER),
    cookieBehavior: cloudfront.OriginRequestCookieBehavior.all(),
    queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
  });
  // Astro emits /accounts/index.html for /accounts; an S3 origin behind OAC has no index documents.
  const indexRewrite = new cloudfront.Function(stack, 'IndexRewrite', {
    runtime: cloudfront.FunctionRuntime.JS_2_0,
    comment: 'Map directory URLs to their index.html',
    code: cloudfront.FunctionCode.fromInline(`function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) request.uri = uri + 'index.html';
  else if (uri.split('/').pop().indexOf('.') === -1) request.uri = uri + '/index.html';
  return request;
}`),
  });

  return AUDIENCES.map((portal) => ({
    portal,
    site: new PortalSite(stack, `${capitalize(portal)}Portal`, {
      portal,
      apiDomainName: props.apiDomainName,
      distPath: join(props.distRoot, portal, 'dist'),
      siteHeaders,
      apiHeaders,
      apiRequests,
      edgeSecret: props.edgeSecret,
      indexRewrite,
    }),
  }));
}

/** The request headers the API reads (functions/api), which CloudFront forwards from the viewer. */
export const API_REQUEST_HEADERS = ['Accept', 'Content-Type', 'Idempotency-Key', 'If-Match', 'Origin'] as const;

function commonSecurityHeaders(): cloudfront.ResponseSecurityHeadersBehavior {
  return {
    strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
    contentTypeOptions: { override: true },
    frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
    referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
  };
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
