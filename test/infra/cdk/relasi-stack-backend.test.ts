import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { GLOBAL_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../../../shared/platform/db/table';
import { AUDIENCES } from '../../../shared/modules/identity/domain/identity';
import { logicalId, properties, stack, synthStack, template } from './relasi-stack.fixture';

beforeAll(synthStack, 120_000);

/** IAM statements attached to a function's execution role. */
function roleStatements(fn: IFunction): Record<string, any>[] {
  const roleId = stack.getLogicalId(fn.role!.node.defaultChild as CfnElement);
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } });
  return Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement);
}

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

  it('writes CSV exports under exports/ from the background functions only, lets the API sign their downloads, and clears them after a week', () => {
    for (const fn of [stack.scheduleFunction, stack.eventsFunction]) {
      expect(actionsUnder(fn, 'exports/')).toContain('s3:PutObject');
      expect(actionsUnder(fn, 'exports/')).not.toContain('s3:GetObject*');
    }
    expect(actionsUnder(stack.apiFunction, 'exports/')).toContain('s3:GetObject*');
    expect(actionsUnder(stack.apiFunction, 'exports/')).not.toContain('s3:PutObject');
    const bucket = template.findResources('AWS::S3::Bucket')[logicalId(stack.attachmentsBucket)];
    expect(bucket?.Properties.LifecycleConfiguration.Rules).toEqual(expect.arrayContaining([expect.objectContaining({ Prefix: 'exports/', ExpirationInDays: 7, Status: 'Enabled' })]));
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
