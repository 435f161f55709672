import { existsSync } from 'node:fs';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { Audience } from '../../shared/modules/identity/domain/identity';
import { EDGE_SECRET_HEADER, PORTAL_HEADER } from '../../shared/platform/portal-edge';

export type PortalSiteProps = {
  portal: Audience;
  /** Domain of the HTTP API (no scheme, no path). */
  apiDomainName: string;
  /** Astro build output; deployed only when it exists so synth works on a clean clone. */
  distPath: string;
  siteHeaders: cloudfront.IResponseHeadersPolicy;
  apiHeaders: cloudfront.IResponseHeadersPolicy;
  /** What `/api/*` requests carry to the API (shared by the four portals). */
  apiRequests: cloudfront.IOriginRequestPolicy;
  /** Added to every `/api/*` request, so the API can tell our CloudFront from a direct caller. */
  edgeSecret: string;
  /** Shared viewer-request function mapping directory URLs to their index.html. */
  indexRewrite: cloudfront.IFunction;
};

/** One portal: a private bucket for the static site behind CloudFront, with `/api/*` sent to the HTTP API on the same origin. */
export class PortalSite extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly url: string;

  constructor(scope: Construct, id: string, props: PortalSiteProps) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Relasi ${props.portal} portal`,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: props.siteHeaders,
        compress: true,
        functionAssociations: [
          { function: props.indexRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.HttpOrigin(props.apiDomainName, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            customHeaders: { [PORTAL_HEADER]: props.portal, [EDGE_SECRET_HEADER]: props.edgeSecret },
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: props.apiRequests,
          responseHeadersPolicy: props.apiHeaders,
          compress: true,
        },
      },
    });

    this.url = `https://${this.distribution.distributionDomainName}`;

    if (existsSync(props.distPath)) {
      new s3deploy.BucketDeployment(this, 'Deployment', {
        sources: [s3deploy.Source.asset(props.distPath)],
        destinationBucket: this.bucket,
        distribution: this.distribution,
        distributionPaths: ['/*'],
        memoryLimit: 512,
      });
    }
  }
}
