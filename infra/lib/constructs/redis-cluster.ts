import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface RedisClusterProps {
  readonly vpc: ec2.IVpc;
  readonly nodeType: string;
  /** Replicas besides the primary; with one or more, failover is automatic and Multi-AZ. */
  readonly replicas: number;
  readonly secretName: string;
}

/** ElastiCache Redis (OSS) in isolated subnets: TLS in transit, encryption at rest, AUTH token from Secrets Manager. */
export class RedisCluster extends Construct implements ec2.IConnectable {
  readonly connections: ec2.Connections;
  readonly authToken: secretsmanager.Secret;
  readonly replicationGroup: elasticache.CfnReplicationGroup;
  readonly host: string;
  readonly port: string;

  constructor(scope: Construct, id: string, props: RedisClusterProps) {
    super(scope, id);
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Confer Redis: reachable only from the service security groups',
      allowAllOutbound: false,
    });
    this.connections = new ec2.Connections({ securityGroups: [securityGroup], defaultPort: ec2.Port.tcp(6379) });

    // ElastiCache AUTH tokens allow only a few punctuation marks; letters and digits are plenty at 64.
    this.authToken = new secretsmanager.Secret(this, 'AuthToken', {
      secretName: props.secretName,
      description: 'AUTH token of Confer Redis',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });

    const subnets = new elasticache.CfnSubnetGroup(this, 'Subnets', {
      description: 'Confer Redis subnets',
      subnetIds: props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }).subnetIds,
    });
    const failover = props.replicas > 0;
    this.replicationGroup = new elasticache.CfnReplicationGroup(this, 'ReplicationGroup', {
      replicationGroupDescription: 'Confer event bus and cache',
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: props.nodeType,
      numCacheClusters: 1 + props.replicas,
      automaticFailoverEnabled: failover,
      multiAzEnabled: failover,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      atRestEncryptionEnabled: true,
      authToken: this.authToken.secretValue.unsafeUnwrap(),
      cacheSubnetGroupName: subnets.ref,
      securityGroupIds: [securityGroup.securityGroupId],
      port: 6379,
      snapshotRetentionLimit: failover ? 3 : 0,
    });
    this.host = this.replicationGroup.attrPrimaryEndPointAddress;
    this.port = this.replicationGroup.attrPrimaryEndPointPort;
  }
}
