import { Duration } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export type RelasiAlarmsProps = {
  table: dynamodb.ITable;
  api: apigwv2.IHttpApi;
  apiFunction: lambda.IFunction;
  eventsFunction: lambda.IFunction;
  scheduleFunction: lambda.IFunction;
  eventsDeadLetters: sqs.IQueue;
};

/** The operations the app performs; throttling on any of them means users see failures. */
const TABLE_OPERATIONS = [
  dynamodb.Operation.GET_ITEM,
  dynamodb.Operation.BATCH_GET_ITEM,
  dynamodb.Operation.QUERY,
  dynamodb.Operation.PUT_ITEM,
  dynamodb.Operation.UPDATE_ITEM,
  dynamodb.Operation.DELETE_ITEM,
  dynamodb.Operation.BATCH_WRITE_ITEM,
  dynamodb.Operation.TRANSACT_WRITE_ITEMS,
  dynamodb.Operation.TRANSACT_GET_ITEMS,
];

/** Operational alarms, all notifying one SNS topic that operators subscribe to. */
export class RelasiAlarms extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: RelasiAlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Relasi alarms', enforceSSL: true });
    const notify = new actions.SnsAction(this.topic);
    const fiveMinutes = Duration.minutes(5);

    const alarm = (alarmId: string, description: string, metric: cloudwatch.IMetric, threshold: number, evaluationPeriods = 1) => {
      const created = new cloudwatch.Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No traffic is not an incident.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(notify);
      created.addOkAction(notify);
      return created;
    };

    alarm('ApiErrors', 'API Lambda invocations failed (unhandled errors or timeouts)',
      props.apiFunction.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), 5);
    alarm('ApiThrottles', 'API Lambda invocations were throttled (concurrency limit)',
      props.apiFunction.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }), 1);
    alarm('Api5xx', 'HTTP API answered 5xx',
      props.api.metricServerError({ period: fiveMinutes, statistic: 'Sum' }), 5);
    alarm('EventsErrors', 'Events Lambda failed on stream batches (mail and rollups are delayed)',
      props.eventsFunction.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), 1);
    // Iterator age grows when the consumer falls behind the stream; records expire after 24 h.
    alarm('EventsIteratorAge', 'Events Lambda is more than 5 minutes behind the table stream',
      props.eventsFunction.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum' }),
      Duration.minutes(5).toMilliseconds(), 3);
    alarm('EventsDeadLetters', 'Stream records were given up on after retries: nothing to replay, the work sweep re-drives their units from the table (README, Background work)',
      props.eventsDeadLetters.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }), 1);
    alarm('ScheduleErrors', 'The schedule Lambda failed (background work not re-driven, SLA timers and escalations or overdue invoices not processed)',
      props.scheduleFunction.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), 1);
    alarm('TableThrottles', 'DynamoDB throttled requests on the table',
      props.table.metricThrottledRequestsForOperations({ operations: TABLE_OPERATIONS, period: fiveMinutes }), 1);
  }
}
