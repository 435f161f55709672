import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { EDGE_SECRET_HEADER, PORTAL_HEADER, VIEWER_ADDRESS_HEADER } from '../../../shared/platform/portal-edge';
import { RelasiStack } from '../../../infra/cdk/relasi-stack';
import { GLOBAL_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../../../shared/platform/db/table';
import { AUDIENCES } from '../../../shared/modules/identity/domain/identity';

// Managed CloudFront policy ids (documented constants, the same in every account).
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

let stack: RelasiStack;
let template: Template;

function logicalId(construct: IConstruct): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnElement);
}

function properties(type: string, id: string): Record<string, any> {
  const resource = template.findResources(type)[id];
  if (!resource) throw new Error(`${type} ${id} not in template`);
  return resource.Properties;
}

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

/** IAM statements attached to a function's execution role. */
function roleStatements(fn: IFunction): Record<string, any>[] {
  const roleId = stack.getLogicalId(fn.role!.node.defaultChild as CfnElement);
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } });
  return Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement);
}

beforeAll(() => {
  // One synth for the whole file: bundling both functions with esbuild dominates the cost.
  stack = new RelasiStack(new App(), 'RelasiTest', { mailDomain: 'kaktus.example' });
  template = Template.fromStack(stack);
}, 120_000);

describe('table', () => {
  it('has the keys and indexes of shared/platform/db/table.ts', () => {
    const table = properties('AWS::DynamoDB::Table', logicalId(stack.table));
    expect(table.KeySchema).toEqual([
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ]);
    const keyNames = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...GLOBAL_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey])];
    expect(table.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyNames.map((AttributeName) => ({ AttributeName, AttributeType: 'S' }))),
    );
    expect(table.AttributeDefinitions).toHaveLength(keyNames.length);
    expect(table.GlobalSecondaryIndexes).toEqual(
      GLOBAL_INDEXES.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });

  it('is on demand with stream, point-in-time recovery and TTL, and survives stack deletion', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      },
    });
  });
});

describe('functions', () => {
  it('runs every function on nodejs22.x arm64', () => {
    for (const fn of [stack.apiFunction, stack.eventsFunction, stack.scheduleFunction]) {
      const props = properties('AWS::Lambda::Function', logicalId(fn));
      expect(props.Runtime).toBe('nodejs22.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.Handler).toBe('index.handler');
    }
  });

  it('gives the API function its size, timeout and configuration', () => {
    const props = properties('AWS::Lambda::Function', logicalId(stack.apiFunction));
    expect(props.MemorySize).toBe(1024);
    expect(props.Timeout).toBe(10);
    const env = props.Environment.Variables;
    expect(env).toMatchObject({
      TABLE_NAME: { Ref: logicalId(stack.table) },
      RELASI_STAGE: 'aws',
      MAIL_FROM: 'Relasi <no-reply@kaktus.example>',
      AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1',
    });
    // A dynamic reference: resolved by CloudFormation, never written into the template.
    expect(JSON.stringify(env.SIGNING_SECRET)).toContain('{{resolve:secretsmanager:');
    for (const portal of AUDIENCES) {
      const distributionId = logicalId(stack.portalSites.get(portal)!.distribution);
      expect(env[`${portal.toUpperCase()}_URL`]).toEqual({
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]],
      });
    }
  });

  it('runs the schedule function daily just after midnight in Jakarta', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(5 17 * * ? *)',
      Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(stack.scheduleFunction), 'Arn'] } })]),
    });
  });

  it('runs the ticket sweep (SLA breaches, escalations) every 5 minutes', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(stack.scheduleFunction), 'Arn'] }, Input: JSON.stringify({ sweep: 'tickets' }) })]),
    });
  });

  it('runs the work sweep (background units the stream left over) every minute', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(stack.scheduleFunction), 'Arn'] }, Input: JSON.stringify({ sweep: 'work' }) })]),
    });
  });

  it('gives the sweep what the stream consumer has for the same units: mail through the configuration set, PartiQL look-ups', () => {
    for (const fn of [stack.eventsFunction, stack.scheduleFunction]) {
      const env = properties('AWS::Lambda::Function', logicalId(fn)).Environment.Variables;
      expect(env.SES_CONFIGURATION_SET).toEqual({ Ref: Object.keys(template.findResources('AWS::SES::ConfigurationSet'))[0]! });
      const actions = roleStatements(fn).flatMap((s) => [s.Action].flat());
      expect(actions).toEqual(expect.arrayContaining(['ses:SendEmail', 'dynamodb:PartiQLSelect']));
    }
  });

  it('lets every function read and write the table', () => {
    const tableArn = { 'Fn::GetAtt': [logicalId(stack.table), 'Arn'] };
    for (const fn of [stack.apiFunction, stack.eventsFunction, stack.scheduleFunction]) {
      const onTable = roleStatements(fn).filter((s) => JSON.stringify(s.Resource).includes(JSON.stringify(tableArn)));
      expect(onTable.flatMap((s) => s.Action)).toEqual(
        expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']),
      );
    }
  });

  it('consumes the table stream with partial batch failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(stack.eventsFunction) },
      EventSourceArn: { 'Fn::GetAtt': [logicalId(stack.table), 'StreamArn'] },
      StartingPosition: 'LATEST',
      BatchSize: 25,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('lets the events function send mail through the identity and configuration set only', () => {
    const eventsEnv = properties('AWS::Lambda::Function', logicalId(stack.eventsFunction)).Environment.Variables;
    const configurationSetId = Object.keys(template.findResources('AWS::SES::ConfigurationSet'))[0]!;
    expect(eventsEnv.SES_CONFIGURATION_SET).toEqual({ Ref: configurationSetId });

    const send = roleStatements(stack.eventsFunction).filter((s) => s.Action === 'ses:SendEmail');
    expect(send).toHaveLength(1);
    const resources = JSON.stringify(send[0]?.Resource);
    expect(resources).toContain(':identity/');
    expect(resources).toContain(':configuration-set/');
    expect(resources).toContain(configurationSetId);

    expect(JSON.stringify(roleStatements(stack.apiFunction))).not.toContain('ses:');
  });

  it('gives the events function time for a batch of lead import chunks and their keyed PartiQL look-ups on the table only', () => {
    expect(properties('AWS::Lambda::Function', logicalId(stack.eventsFunction)).Timeout).toBe(300);
    const partiql = roleStatements(stack.eventsFunction).filter((s) => JSON.stringify(s.Action).includes('PartiQL'));
    expect(partiql).toEqual([expect.objectContaining({ Action: 'dynamodb:PartiQLSelect', Resource: { 'Fn::GetAtt': [logicalId(stack.table), 'Arn'] } })]);
    expect(JSON.stringify(roleStatements(stack.apiFunction))).not.toContain('PartiQL');
  });
});

describe('HTTP API', () => {
  it('sends every path to the API function and throttles the stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /{proxy+}' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [logicalId(stack.apiFunction), 'Arn'] },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });
});

describe('SES', () => {
  it('has a configuration set and a domain identity using it', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'kaktus.example',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.anyValue() } },
    });
  });
});

describe('attachments and inbound mail', () => {
  const bucketArn = () => ({ 'Fn::GetAtt': [logicalId(stack.attachmentsBucket), 'Arn'] });
  /** The actions a function's role has on objects under a prefix of the attachments bucket. */
  const actionsUnder = (fn: IFunction, prefix: string) =>
    roleStatements(fn)
      .filter((s) => JSON.stringify(s.Resource).includes(JSON.stringify({ 'Fn::Join': ['', [bucketArn(), `/${prefix}*`]] })))
      .flatMap((s) => s.Action);

  it('keeps attachments in a private, encrypted, SSL-only bucket that the portals may PUT to', () => {
    const bucketId = logicalId(stack.attachmentsBucket);
    const bucket = template.findResources('AWS::S3::Bucket')[bucketId];
    expect(bucket?.DeletionPolicy).toBe('Retain');
    expect(bucket?.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket?.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]);
    const [rule] = bucket?.Properties.CorsConfiguration.CorsRules;
    expect(rule.AllowedMethods).toEqual(['PUT']);
    expect(rule.AllowedOrigins).toEqual(
      AUDIENCES.map((portal) => ({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(stack.portalSites.get(portal)!.distribution), 'DomainName'] }]] })),
    );
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('lets the API put, get, copy and delete attachments (nothing else in the bucket) and names the bucket in its environment', () => {
    expect(actionsUnder(stack.apiFunction, 'attachments/')).toEqual(expect.arrayContaining(['s3:PutObject', 's3:GetObject*', 's3:DeleteObject*']));
    expect(actionsUnder(stack.apiFunction, 'inbound/')).toEqual([]);
    const env = properties('AWS::Lambda::Function', logicalId(stack.apiFunction)).Environment.Variables;
    expect(env).toMatchObject({ ATTACHMENTS_BUCKET: { Ref: logicalId(stack.attachmentsBucket) }, SUPPORT_ADDRESS: 'support@kaktus.example' });
  });

  it("lets the schedule's sweep and the events function (a retried clean-up) delete uploads no message took, nothing else in the bucket", () => {
    for (const fn of [stack.scheduleFunction, stack.eventsFunction]) {
      expect(actionsUnder(fn, 'attachments/')).toEqual(expect.arrayContaining(['s3:DeleteObject*']));
      expect(actionsUnder(fn, 'attachments/')).not.toContain('s3:PutObject');
      expect(actionsUnder(fn, 'inbound/')).toEqual([]);
    }
  });

  it('receives mail to the support address: stored under inbound/, then the inbound function is invoked', () => {
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: {
        Enabled: true,
        Recipients: ['support@kaktus.example'],
        ScanEnabled: true,
        Actions: [
          { S3Action: { BucketName: { Ref: logicalId(stack.attachmentsBucket) }, ObjectKeyPrefix: 'inbound/' } },
          { LambdaAction: { FunctionArn: { 'Fn::GetAtt': [logicalId(stack.inboundFunction), 'Arn'] }, InvocationType: 'Event' } },
        ],
      },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [logicalId(stack.inboundFunction), 'Arn'] },
      Principal: 'ses.amazonaws.com',
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId(stack.attachmentsBucket) },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 's3:PutObject', Principal: { Service: 'ses.amazonaws.com' } })]) },
    });
  });

  it('makes its receipt rule set the active one on deploy and releases it on removal', () => {
    const ruleSet = { Ref: Object.keys(template.findResources('AWS::SES::ReceiptRuleSet'))[0] };
    const [activation] = Object.values(template.findResources('Custom::AWS'));
    // Each call is a JSON text joined with the rule set's name.
    const call = (key: 'Create' | 'Update' | 'Delete') => activation!.Properties[key]['Fn::Join'][1] as unknown[];
    expect(call('Create')[0]).toContain('"action":"setActiveReceiptRuleSet","parameters":{"RuleSetName":"');
    expect(call('Create')[1]).toEqual(ruleSet);
    expect(call('Update')).toEqual(call('Create'));
    expect(call('Delete')[0]).toContain('"action":"setActiveReceiptRuleSet","parameters":{}');
    template.hasResourceProperties('AWS::IAM::Policy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'ses:SetActiveReceiptRuleSet', Resource: '*' })]) } });
  });

  it('lets the inbound function read the raw mail, store attachments and use the table', () => {
    const props = properties('AWS::Lambda::Function', logicalId(stack.inboundFunction));
    expect(props).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Timeout: 60 });
    expect(actionsUnder(stack.inboundFunction, 'inbound/')).toEqual(expect.arrayContaining(['s3:GetObject*']));
    expect(actionsUnder(stack.inboundFunction, 'inbound/')).not.toContain('s3:PutObject');
    expect(actionsUnder(stack.inboundFunction, 'attachments/')).toContain('s3:PutObject');
    const tableArn = { 'Fn::GetAtt': [logicalId(stack.table), 'Arn'] };
    const onTable = roleStatements(stack.inboundFunction).filter((s) => JSON.stringify(s.Resource).includes(JSON.stringify(tableArn)));
    expect(onTable.flatMap((s) => s.Action)).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
  });
});

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
