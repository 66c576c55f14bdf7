import { RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface ConnectionSecretProps {
  readonly secretName: string;
  readonly description: string;
  /**
   * The URL with CloudFormation dynamic references (`{{resolve:secretsmanager:...}}`) in place of the
   * password: CloudFormation resolves them at deploy time, so no password is in the template.
   */
  readonly url: string;
}

/**
 * A secret holding one connection URL (DATABASE_URL, REDIS_URL), composed at deploy time from the
 * generated credential secret. Our services read one URL each; this is how they get it without an
 * operator step. Rotating the credential means redeploying the Data stack (see infra/README.md).
 */
export class ConnectionSecret extends Construct {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: ConnectionSecretProps) {
    super(scope, id);
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      secretName: props.secretName,
      description: props.description,
      // "unsafePlainText" is CDK's name for a literal; the only secret part of this literal is a
      // dynamic reference, so the template holds the reference and never the password.
      secretStringValue: SecretValue.unsafePlainText(props.url),
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }
}
