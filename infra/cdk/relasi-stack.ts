import { join, resolve } from 'node:path';
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sesActions from 'aws-cdk-lib/aws-ses-actions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { GLOBAL_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../../shared/platform/db/table';
import type { Audience } from '../../shared/modules/identity/domain/identity';
import type { LogLevel } from '../../shared/platform/config';
import { BUCKET_PREFIXES } from '../../shared/platform/storage/s3-client';
import { RelasiAlarms } from './alarms.construct';
import type { PortalSite } from './portal-site.construct';
import { capitalize, portalSites } from './portal-edge';
import { apiCode } from './api-code';

const REPO_ROOT = resolve(__dirname, '..', '..');

export type RelasiStackProps = StackProps & {
  /** Domain the app sends mail from; verified as an SES identity (DKIM records to publish are in the console). */
  mailDomain: string;
  /** The address customers write to for support; SES receives it and mail to it becomes tickets. Default `support@<mailDomain>`. */
  supportAddress?: string;
  /**
   * Make the stack's receipt rule set the region's active one on deploy (default true). SES has
   * one active rule set per account and region: say false where another one must stay active,
   * and add the stack's rule to it by hand.
   */
  activateInboundRuleSet?: boolean;
  /** LOG_LEVEL of every function (default INFO): DEBUG while chasing a problem. */
  logLevel?: LogLevel;
};

/** Everything Relasi needs in one AWS account: table, API, events consumer, mail, four portals, alarms. */
export class RelasiStack extends Stack {
  readonly table: dynamodb.Table;
  readonly apiFunction: lambda.Function;
  readonly eventsFunction: nodejs.NodejsFunction;
  readonly scheduleFunction: nodejs.NodejsFunction;
  readonly inboundFunction: nodejs.NodejsFunction;
  readonly attachmentsBucket: s3.Bucket;
  readonly portalSites: ReadonlyMap<Audience, PortalSite>;

  constructor(scope: Construct, id: string, props: RelasiStackProps) {
    super(scope, id, props);

    const table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of GLOBAL_INDEXES) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    const signingSecret = new secretsmanager.Secret(this, 'SigningSecret', {
      description: 'Relasi: HMAC key for cursors and other server-issued values',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });

    // Passed as a dynamic reference like SIGNING_SECRET: readable by whoever may read the
    // distribution or function configuration, never written into the template.
    const edgeSecret = new secretsmanager.Secret(this, 'EdgeSecret', {
      description: 'Relasi: header value by which the API knows a request came through the portals\' CloudFront',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });

    const configurationSet = new ses.ConfigurationSet(this, 'MailConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    const mailIdentity = new ses.EmailIdentity(this, 'MailIdentity', {
      identity: ses.Identity.domain(props.mailDomain),
      configurationSet,
    });
    const mailFrom = `Relasi <no-reply@${props.mailDomain}>`;

    const api = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'Relasi API (reached through each portal\'s CloudFront distribution under /api)',
      createDefaultStage: false,
    });
    const stage = new apigwv2.HttpStage(this, 'HttpApiStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
    });
    const apiDomainName = `${api.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;

    // Named, not generated: the sites' CSP must name the bucket's origin (browsers PUT attachments
    // there), and the bucket's CORS names the sites, so a reference either way would be a cycle.
    const attachmentsBucketName = `${this.stackName.toLowerCase()}-attachments-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
    const portals = portalSites(this, { apiDomainName, attachmentsBucketName, edgeSecret: edgeSecret.secretValue.unsafeUnwrap(), distRoot: join(REPO_ROOT, 'portals') });
    const portalUrlEnvironment = Object.fromEntries(
      portals.map(({ portal, site }) => [`${portal.toUpperCase()}_URL`, site.url]),
    );

    // shared/platform/config requires SIGNING_SECRET at start-up in the aws stage, so both functions get
    // it (the events function only because it loads the same config). It is passed as a
    // CloudFormation dynamic reference, so the value never enters the template, but it is
    // visible to whoever may read the function configuration. Reading it from Secrets Manager
    // at cold start would close that gap at the cost of an async config; revisit if needed.
    const supportAddress = props.supportAddress ?? `support@${props.mailDomain}`;
    // Ticket files (uploaded by browsers with presigned PUTs, hence CORS for the portals) and the raw inbound mail SES writes.
    const attachmentsBucket = new s3.Bucket(this, 'AttachmentsBucket', {
      bucketName: attachmentsBucketName,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [{
        allowedMethods: [s3.HttpMethods.PUT],
        allowedOrigins: portals.map(({ site }) => site.url),
        allowedHeaders: ['content-type'],
        maxAge: 3000,
      }],
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Kept a month after intake, for replaying a mail by hand; what matters is on the ticket by then.
        { prefix: BUCKET_PREFIXES.inboundMail, expiration: Duration.days(30) },
        // CSV exports hold customer data: gone after the week their export job is listed for.
        { prefix: BUCKET_PREFIXES.exports, expiration: Duration.days(7) },
      ],
    });

    const sharedEnvironment = {
      TABLE_NAME: table.tableName,
      RELASI_STAGE: 'aws',
      LOG_LEVEL: props.logLevel ?? 'INFO',
      SIGNING_SECRET: signingSecret.secretValue.unsafeUnwrap(),
      MAIL_FROM: mailFrom,
      AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1',
      ...portalUrlEnvironment,
      ATTACHMENTS_BUCKET: attachmentsBucket.bucketName,
      SUPPORT_ADDRESS: supportAddress,
    };

    const apiFunction = new lambda.Function(this, 'ApiFunction', {
      ...this.functionBasics('ApiFunction'),
      description: 'Relasi API (Hono)',
      memorySize: 1024,
      timeout: Duration.seconds(10),
      environment: { ...sharedEnvironment, EDGE_SECRET: edgeSecret.secretValue.unsafeUnwrap() },
      handler: 'index.handler',
      code: apiCode(),
    });
    table.grantReadWriteData(apiFunction);
    // Presigned PUTs and GETs act with the function's rights; the HEAD before a message links an upload needs List to see a 404.
    attachmentsBucket.grantPut(apiFunction, `${BUCKET_PREFIXES.attachments}*`);
    attachmentsBucket.grantRead(apiFunction, `${BUCKET_PREFIXES.attachments}*`);
    // A message keeps a copy of each upload it takes (CopyObject: Get on the upload, Put on the copy), then deletes the upload.
    attachmentsBucket.grantDelete(apiFunction, `${BUCKET_PREFIXES.attachments}*`);
    // An export's download link is a presigned GET.
    attachmentsBucket.grantRead(apiFunction, `${BUCKET_PREFIXES.exports}*`);
    api.addRoutes({
      path: '/{proxy+}',
      methods: [apigwv2.HttpMethod.ANY],
      integration: new HttpLambdaIntegration('ApiIntegration', apiFunction),
    });

    const eventsFunction = this.nodeFunction('EventsFunction', 'functions/events/handler.ts', {
      description: 'Relasi table stream consumer: outbox mail, rules, rollups, lead imports',
      memorySize: 512,
      // A batch may hold many lead import chunks (up to 500 rows each, ~1-2 s of work apiece):
      // room for a whole 10,000-row file in one batch, where mail alone would need seconds.
      timeout: Duration.minutes(5),
      environment: { ...sharedEnvironment, SES_CONFIGURATION_SET: configurationSet.configurationSetName },
    });
    // What background work needs (functions/work-kinds.ts): the events function does
    // it as units arrive on the stream, the schedule function's sweep what the stream left over.
    const grantBackgroundWork = (fn: lambda.IFunction) => {
      table.grantReadWriteData(fn);
      // Uploads no message took are deleted when their clean-up falls due (the sweep, or the stream on a retry).
      attachmentsBucket.grantDelete(fn, `${BUCKET_PREFIXES.attachments}*`);
      // CSV exports are written as multipart uploads (Put covers create, parts, complete and abort).
      attachmentsBucket.grantPut(fn, `${BUCKET_PREFIXES.exports}*`);
      // Lead imports look up 50 e-mails a request with a PartiQL SELECT on partition keys (a
      // keyed read, never a Scan), which IAM authorises apart from Query.
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:PartiQLSelect'], resources: [table.tableArn] }));
      // SES v2 authorises SendEmail against both the identity and the configuration set.
      fn.addToRolePolicy(new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          mailIdentity.emailIdentityArn,
          this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSet.configurationSetName }),
        ],
      }));
    };
    grantBackgroundWork(eventsFunction);
    const eventsDeadLetters = new sqs.Queue(this, 'EventsDeadLetters', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    eventsFunction.addEventSource(new DynamoEventSource(table, {
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: 25,
      bisectBatchOnError: true,
      retryAttempts: 3,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(eventsDeadLetters),
    }));

    const scheduleFunction = this.nodeFunction('ScheduleFunction', 'functions/schedule/handler.ts', {
      description: 'Relasi timers: background work left over, SLA breaches and escalations, overdue invoices',
      memorySize: 512,
      timeout: Duration.minutes(5),
      environment: { ...sharedEnvironment, SES_CONFIGURATION_SET: configurationSet.configurationSetName },
    });
    grantBackgroundWork(scheduleFunction);
    // Every unit of background work is recoverable from the table: each minute the sweep takes
    // the units the stream did not finish (a record past its retries, a worker that died).
    new events.Rule(this, 'WorkSweepSchedule', {
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new eventTargets.LambdaFunction(scheduleFunction, { retryAttempts: 0, event: events.RuleTargetInput.fromObject({ sweep: 'work' }) })],
    });
    // Just after midnight in Jakarta (UTC+7), so invoices due yesterday show as overdue in the morning.
    new events.Rule(this, 'DailySchedule', {
      schedule: events.Schedule.cron({ minute: '5', hour: '17' }),
      targets: [new eventTargets.LambdaFunction(scheduleFunction, { retryAttempts: 2 })],
    });
    // SLA timers need minutes, not days: the ticket sweep also runs every 5 minutes (no retry: the next run is that close).
    new events.Rule(this, 'TicketSweepSchedule', {
      schedule: events.Schedule.rate(Duration.minutes(5)),
      targets: [new eventTargets.LambdaFunction(scheduleFunction, { retryAttempts: 0, event: events.RuleTargetInput.fromObject({ sweep: 'tickets' }) })],
    });

    const inboundFunction = this.nodeFunction('InboundFunction', 'functions/inbound/handler.ts', {
      description: 'Relasi inbound support mail: SES-received messages become tickets and replies',
      memorySize: 512,
      timeout: Duration.minutes(1),
      environment: sharedEnvironment,
    });
    table.grantReadWriteData(inboundFunction);
    attachmentsBucket.grantRead(inboundFunction, `${BUCKET_PREFIXES.inboundMail}*`);
    attachmentsBucket.grantPut(inboundFunction, `${BUCKET_PREFIXES.attachments}*`);
    // SES first stores the raw mail, then invokes the function asynchronously with its message id.
    const inboundRuleSet = new ses.ReceiptRuleSet(this, 'InboundRuleSet', {});
    inboundRuleSet.addRule('SupportMail', {
      recipients: [supportAddress],
      scanEnabled: true,
      tlsPolicy: ses.TlsPolicy.REQUIRE,
      actions: [
        new sesActions.S3({ bucket: attachmentsBucket, objectKeyPrefix: BUCKET_PREFIXES.inboundMail }),
        new sesActions.Lambda({ function: inboundFunction, invocationType: sesActions.LambdaInvocationType.EVENT }),
      ],
    });

    if (props.activateInboundRuleSet ?? true) this.activate(inboundRuleSet);

    const alarms = new RelasiAlarms(this, 'Alarms', { table, api, apiFunction, eventsFunction, scheduleFunction, eventsDeadLetters });

    this.table = table;
    this.apiFunction = apiFunction;
    this.eventsFunction = eventsFunction;
    this.scheduleFunction = scheduleFunction;
    this.inboundFunction = inboundFunction;
    this.attachmentsBucket = attachmentsBucket;
    this.portalSites = new Map(portals.map(({ portal, site }) => [portal, site]));

    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'ApiUrl', { value: stage.url });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
    new CfnOutput(this, 'InboundRuleSetName', { value: inboundRuleSet.receiptRuleSetName });
    for (const { portal, site } of portals) {
      new CfnOutput(this, `${capitalize(portal)}PortalUrl`, { value: site.url });
    }
  }

  /**
   * CloudFormation cannot make a receipt rule set the active one: an SDK call on deploy does,
   * and on removal it deactivates it again (SES refuses to delete an active rule set).
   */
  private activate(ruleSet: ses.ReceiptRuleSet) {
    const call = (parameters: Record<string, string>): cr.AwsSdkCall => ({
      service: 'SES',
      action: 'setActiveReceiptRuleSet',
      parameters,
      physicalResourceId: cr.PhysicalResourceId.of(`${ruleSet.receiptRuleSetName}-active`),
    });
    new cr.AwsCustomResource(this, 'ActivateInboundRuleSet', {
      onCreate: call({ RuleSetName: ruleSet.receiptRuleSetName }),
      onUpdate: call({ RuleSetName: ruleSet.receiptRuleSetName }),
      onDelete: call({}),
      // SetActiveReceiptRuleSet takes no resource ARN.
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
      logGroup: new logs.LogGroup(this, 'ActivateInboundRuleSetLogs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
    });
  }

  /** What every function shares: Node 22 on arm64, logs kept a month. No --enable-source-maps: parsing the map adds ~100 ms to every cold start; the maps are still deployed, so a stack trace from the logs can be mapped back. */
  private functionBasics(id: string) {
    return {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      logGroup: new logs.LogGroup(this, `${id}Logs`, {
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    };
  }

  private nodeFunction(
    id: string,
    entry: string,
    props: Pick<nodejs.NodejsFunctionProps, 'description' | 'memorySize' | 'timeout' | 'environment'>,
  ) {
    return new nodejs.NodejsFunction(this, id, {
      ...this.functionBasics(id),
      ...props,
      entry: join(REPO_ROOT, entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      bundling: {
        minify: true,
        sourceMap: true,
        target: 'node22',
        format: nodejs.OutputFormat.CJS,
        mainFields: ['module', 'main'],
      },
    });
  }
}


