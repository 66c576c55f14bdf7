import * as fs from 'node:fs';
import { Annotations, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config';
import { waive, waiveCdkHelpers } from '../constructs/nag';
import { SecureBucket } from '../constructs/secure-bucket';
import { WEB_DIST } from '../paths';

export interface EdgeStackProps extends StackProps {
  readonly config: StageConfig;
  readonly vpc: ec2.IVpc;
  /** The built Angular app; deployed to the web bucket only if the folder exists at synthesis. */
  readonly webDist?: string;
}

/** Listener rule priority of the fixed 404 for /api/<service>/metrics: before every service rule. */
export const METRICS_RULE_PRIORITY = 1;

/**
 * The one public origin: CloudFront serves the web app from S3 (OAC) and forwards /api/* uncached to
 * the ALB, which routes /api/<service>/* to the services (their rules live in the Services stack).
 */
export class EdgeStack extends Stack {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly listener: elbv2.ApplicationListener;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { config, vpc } = props;
    const { certificateArn } = config.edge;
    const https = certificateArn !== undefined;

    const logs = new SecureBucket(this, 'EdgeLogs', {
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    }).bucket;
    waive(logs, [{ id: 'AwsSolutions-S1', reason: 'This bucket receives the ALB and CloudFront logs; logging it into itself would loop.' }]);

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      dropInvalidHeaderFields: true,
      // Websockets (chat, meetings) stay open between messages.
      idleTimeout: Duration.seconds(300),
    });
    this.loadBalancer.logAccessLogs(logs, 'alb');
    waive(this.loadBalancer, [
      { id: 'AwsSolutions-EC23', reason: 'The ALB is the public API origin behind CloudFront; it must accept the internet (restricting to the CloudFront prefix list needs a per-region lookup, left for later).' },
    ]);

    this.listener = certificateArn
      ? this.loadBalancer.addListener('Https', {
          port: 443,
          protocol: elbv2.ApplicationProtocol.HTTPS,
          sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
          certificates: [acm.Certificate.fromCertificateArn(this, 'Certificate', certificateArn)],
          defaultAction: notFound(),
        })
      : this.loadBalancer.addListener('Http', { port: 80, protocol: elbv2.ApplicationProtocol.HTTP, defaultAction: notFound() });
    if (https) this.loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443 });

    // Prometheus metrics are for operators inside the VPC, never the public.
    new elbv2.ApplicationListenerRule(this, 'HideMetrics', {
      listener: this.listener,
      priority: METRICS_RULE_PRIORITY,
      conditions: [elbv2.ListenerCondition.pathPatterns(['/api/*/metrics', '/api/*/metrics/*'])],
      action: notFound(),
    });

    const web = new SecureBucket(this, 'Web', { accessLogs: logs }).bucket;
    this.distribution = this.createDistribution(config, web, logs, https);
    this.deployWeb(web, props.webDist ?? WEB_DIST);
    waiveCdkHelpers(this, [
      `<${this.getLogicalId(web.node.defaultChild as s3.CfnBucket)}.Arn>/*`,
      `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${this.account}-${this.region}/*`,
    ]);
  }

  private createDistribution(config: StageConfig, web: s3.IBucket, logs: s3.IBucket, https: boolean): cloudfront.Distribution {
    // Validated: a certificate comes with albDomainName.
    const api = new origins.HttpOrigin(https ? (config.edge.albDomainName ?? '') : this.loadBalancer.loadBalancerDnsName, {
      protocolPolicy: https ? cloudfront.OriginProtocolPolicy.HTTPS_ONLY : cloudfront.OriginProtocolPolicy.HTTP_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      readTimeout: Duration.seconds(60),
    });
    // Paths without a file extension are app routes: serve index.html (not an error page, which would
    // also rewrite the API's own 404s).
    const spaRoutes = new cloudfront.Function(this, 'SpaRoutes', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(
        "function handler(event) { var r = event.request; if (!/\\.[a-zA-Z0-9]+$/.test(r.uri)) { r.uri = '/index.html'; } return r; }",
      ),
    });
    const distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Confer ${config.stage}`,
      defaultRootObject: 'index.html',
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(web),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        functionAssociations: [{ function: spaRoutes, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: api,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Every header, cookie and query string except Host: the ALB certificate names albDomainName.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });
    waive(distribution, [
      { id: 'AwsSolutions-CFR1', reason: 'Confer has no geographic restriction requirement.' },
      { id: 'AwsSolutions-CFR2', reason: 'WAF (about $5/month plus rules) is left to operators; the API enforces auth and rate limits itself.' },
      { id: 'AwsSolutions-CFR4', reason: 'The default *.cloudfront.net certificate cannot pin TLS 1.2; a custom domain certificate (us-east-1) is an operator addition.' },
      ...(https ? [] : [{ id: 'AwsSolutions-CFR5', reason: 'Dev without a certificate reaches the ALB over HTTP (edge.allowHttpOnly, dev only, validated).' }]),
    ]);
    return distribution;
  }

  private deployWeb(web: s3.IBucket, webDist: string): void {
    if (!fs.existsSync(webDist)) {
      Annotations.of(this).addWarningV2('confer:web-not-built', `${webDist} does not exist: the web bucket is created but not filled. Run \`npx nx build web\` before deploying.`);
      return;
    }
    new s3deploy.BucketDeployment(this, 'WebDeployment', {
      sources: [s3deploy.Source.asset(webDist)],
      destinationBucket: web,
      distribution: this.distribution,
      distributionPaths: ['/index.html'],
      memoryLimit: 512,
    });
  }
}

function notFound(): elbv2.ListenerAction {
  return elbv2.ListenerAction.fixedResponse(404, {
    contentType: 'application/json',
    messageBody: JSON.stringify({ code: 'NOT_FOUND', message: 'Not found' }),
  });
}
