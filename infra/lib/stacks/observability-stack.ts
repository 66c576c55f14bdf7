import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { SERVICE_NAMES } from '@confer/shared/contracts';
import type { StageConfig } from '../config';
import { waive } from '../constructs/nag';
import type { DataStack } from './data-stack';
import type { ServicesStack } from './services-stack';

export interface ObservabilityStackProps extends StackProps {
  readonly config: StageConfig;
  readonly loadBalancer: elbv2.IApplicationLoadBalancer;
  readonly data: DataStack;
  readonly services: ServicesStack;
}

/** A dashboard and the alarms an operator is paged for; the log groups live beside what writes them. */
export class ObservabilityStack extends Stack {
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    const { config, data, services } = props;
    const topic = new sns.Topic(this, 'Alarms', { displayName: `Confer ${config.stage} alarms`, enforceSSL: true });
    waive(topic, [{ id: 'AwsSolutions-SNS2', reason: 'Alarm notifications carry no sensitive data; the AWS-managed key would block CloudWatch publishing.' }]);
    if (config.alarmEmail) topic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));
    const alarm = (alarmId: string, metric: cloudwatch.IMetric, threshold: number, description: string) => {
      const created = new cloudwatch.Alarm(this, alarmId, {
        metric,
        threshold,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(new actions.SnsAction(topic));
      this.alarms.push(created);
      return created;
    };

    const alb = props.loadBalancer.metrics;
    const period = Duration.minutes(5);
    const alb5xx = alb.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period, statistic: 'Sum' });
    const target5xx = alb.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period, statistic: 'Sum' });
    const latency = alb.targetResponseTime({ period, statistic: 'p95' });
    alarm('Alb5xx', alb5xx, 10, 'The ALB answered 5xx itself (no healthy target, timeouts) 10+ times in 5 minutes');
    alarm('Target5xx', target5xx, 25, 'Services answered 5xx 25+ times in 5 minutes');
    alarm('TargetLatency', latency, 1.5, 'p95 target response time above 1.5 s');

    const cpu = SERVICE_NAMES.map((name) => {
      const metric = services.services[name].service.metricCpuUtilization({ period });
      alarm(`Cpu-${name}`, metric, 85, `${name}: average CPU above 85% (autoscaling at its maximum?)`);
      return metric.with({ label: name });
    });

    const dbAcu = data.database.metricServerlessDatabaseCapacity({ period, statistic: 'Maximum' });
    const dbAcuUtil = data.database.metric('ACUUtilization', { period, statistic: 'Maximum' });
    alarm('AuroraAcuUtilization', dbAcuUtil, 90, `Aurora near its maximum of ${config.database.maxAcu} ACU`);
    const redisMemory = new cloudwatch.Metric({
      namespace: 'AWS/ElastiCache',
      metricName: 'DatabaseMemoryUsagePercentage',
      dimensionsMap: { ReplicationGroupId: data.redis.replicationGroup.ref },
      period,
      statistic: 'Maximum',
    });
    alarm('RedisMemory', redisMemory, 80, 'Redis memory above 80% (event streams not trimmed?)');

    new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `Confer-${config.stage}`,
      widgets: [
        [
          new cloudwatch.GraphWidget({ title: 'ALB 5xx', left: [alb5xx, target5xx], width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Target latency p95 (s)', left: [latency], width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Requests', left: [alb.requestCount({ period, statistic: 'Sum' })], width: 8 }),
        ],
        [
          new cloudwatch.GraphWidget({ title: 'Service CPU %', left: cpu, width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Aurora ACU', left: [dbAcu], right: [dbAcuUtil], width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Redis memory %', left: [redisMemory], width: 8 }),
        ],
      ],
    });
  }
}

