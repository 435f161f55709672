import { Match } from 'aws-cdk-lib/assertions';
import { EDGE_SECRET_HEADER, PORTAL_HEADER, VIEWER_ADDRESS_HEADER } from '../../../shared/platform/portal-edge';
import { AUDIENCES } from '../../../shared/modules/identity/domain/identity';
import { logicalId, properties, stack, synthStack, template } from './relasi-stack.fixture';

beforeAll(synthStack, 120_000);

// Managed CloudFront policy ids (documented constants, the same in every account).
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

function policyWithCsp(): string {
  const policies = template.findResources('AWS::CloudFront::ResponseHeadersPolicy');
  const [id] = Object.entries(policies).find(
    ([, p]) => p.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy,
  )!;
  return id;
}

/** The origin request policy of the portals' /api/* behaviour (the one the stack defines). */
function apiRequestPolicy(): string {
  const [id, ...others] = Object.keys(template.findResources('AWS::CloudFront::OriginRequestPolicy'));
  if (!id || others.length > 0) throw new Error('expected one origin request policy');
  return id;
}

/** The API function's EDGE_SECRET, which every distribution must send as the same value. */
function edgeSecretReference(): unknown {
  return properties('AWS::Lambda::Function', logicalId(stack.apiFunction)).Environment.Variables.EDGE_SECRET;
}

describe('portals', () => {
  it.each(AUDIENCES)('%s: a private, SSL-only bucket that is kept on stack deletion', (portal) => {
    const bucketId = logicalId(stack.portalSites.get(portal)!.bucket);
    const bucket = template.findResources('AWS::S3::Bucket')[bucketId];
    expect(bucket?.DeletionPolicy).toBe('Retain');
    expect(bucket?.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it.each(AUDIENCES)('%s: CloudFront serves the site over HTTPS and /api/* from the API with the portal header', (portal) => {
    const site = stack.portalSites.get(portal)!;
    const config = properties('AWS::CloudFront::Distribution', logicalId(site.distribution)).DistributionConfig;

    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', Compress: true });
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyWithCsp() });
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.any(String), 'FunctionARN'] } },
    ]);
    const s3Origin = config.Origins.find((o: any) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(s3Origin.S3OriginConfig).toBeDefined();
    expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Id'] });

    const api = config.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: { Ref: apiRequestPolicy() },
      AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
      Compress: true,
    });
    expect(api.ResponseHeadersPolicyId).not.toEqual({ Ref: policyWithCsp() });
    expect(api.FunctionAssociations).toBeUndefined();
    const apiOrigin = config.Origins.find((o: any) => o.Id === api.TargetOriginId);
    expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(apiOrigin.OriginCustomHeaders).toEqual([
      { HeaderName: PORTAL_HEADER, HeaderValue: portal },
      { HeaderName: EDGE_SECRET_HEADER, HeaderValue: edgeSecretReference() },
    ]);
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('.execute-api.');
  });

  it('forwards to the API the viewer address CloudFront vouches for, the headers the API reads and every cookie, never the Host', () => {
    const policy = properties('AWS::CloudFront::OriginRequestPolicy', apiRequestPolicy()).OriginRequestPolicyConfig;
    expect(policy.HeadersConfig.HeaderBehavior).toBe('whitelist');
    expect(policy.HeadersConfig.Headers).toEqual(expect.arrayContaining([VIEWER_ADDRESS_HEADER, 'Origin', 'Content-Type', 'If-Match', 'Idempotency-Key']));
    expect(policy.HeadersConfig.Headers.map((h: string) => h.toLowerCase())).not.toContain('host');
    expect(policy.CookiesConfig.CookieBehavior).toBe('all');
    expect(policy.QueryStringsConfig.QueryStringBehavior).toBe('all');
  });

  it('gives the API function the same edge secret the distributions send, as a dynamic reference', () => {
    const env = properties('AWS::Lambda::Function', logicalId(stack.apiFunction)).Environment.Variables;
    expect(env.EDGE_SECRET).toEqual(edgeSecretReference());
    expect(JSON.stringify(env.EDGE_SECRET)).toContain('{{resolve:secretsmanager:');
    expect(JSON.stringify(env.EDGE_SECRET)).not.toEqual(JSON.stringify(env.SIGNING_SECRET));
  });

  it('sends security headers, including the CSP, with the sites', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: Match.anyValue(), Override: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
          ContentSecurityPolicy: {
            // Browsers may also connect to the attachments bucket, for presigned uploads.
            ContentSecurityPolicy: {
              'Fn::Join': [
                '',
                [
                  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' https://relasitest-attachments-",
                  { Ref: 'AWS::AccountId' },
                  '-',
                  { Ref: 'AWS::Region' },
                  '.s3.',
                  { Ref: 'AWS::Region' },
                  '.',
                  { Ref: 'AWS::URLSuffix' },
                  "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
                ],
              ],
            },
            Override: true,
          },
        },
      },
    });
  });
});

describe('alarms', () => {
  const topicRef = () => ({ Ref: Object.keys(template.findResources('AWS::SNS::Topic'))[0]! });

  it.each([
    ['API errors', 'Errors', 'api'],
    ['API throttles', 'Throttles', 'api'],
    ['events errors', 'Errors', 'events'],
    ['events iterator age', 'IteratorAge', 'events'],
    ['schedule errors', 'Errors', 'schedule'],
  ] as const)('%s alarm notifies the topic', (_name, metricName, which) => {
    const fn = { api: stack.apiFunction, events: stack.eventsFunction, schedule: stack.scheduleFunction }[which];
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: metricName,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(fn) } }],
      AlarmActions: [topicRef()],
    });
  });

  it('alarms when stream records land in the dead-letter queue of the events mapping', () => {
    const mapping = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'))[0]!;
    const queueArn = mapping.Properties.DestinationConfig.OnFailure.Destination;
    const queueId = queueArn['Fn::GetAtt'][0];
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1,
      AlarmActions: [topicRef()],
    });
  });

  it('alarms on HTTP API 5xx', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      AlarmActions: [topicRef()],
    });
  });

  it('alarms on DynamoDB throttled requests of the table', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const throttles = alarms.find((a) => JSON.stringify(a.Properties.Metrics ?? []).includes('ThrottledRequests'));
    expect(throttles).toBeDefined();
    expect(JSON.stringify(throttles!.Properties.Metrics)).toContain(JSON.stringify({ Ref: logicalId(stack.table) }));
    expect(throttles!.Properties.AlarmActions).toEqual([topicRef()]);
  });
});

describe('outputs', () => {
  it('publishes the table name, API URL and each portal URL', () => {
    const outputs = template.findOutputs('*');
    expect(outputs.TableName?.Value).toEqual({ Ref: logicalId(stack.table) });
    expect(JSON.stringify(outputs.ApiUrl?.Value)).toContain('execute-api');
    for (const portal of AUDIENCES) {
      const key = `${portal.charAt(0).toUpperCase()}${portal.slice(1)}PortalUrl`;
      expect(JSON.stringify(outputs[key]?.Value)).toContain('DomainName');
    }
  });
});
