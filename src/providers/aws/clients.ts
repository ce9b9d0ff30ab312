import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { EC2Client } from '@aws-sdk/client-ec2';
import { RDSClient } from '@aws-sdk/client-rds';

/** How to reach one region. Omitted credentials mean the SDK's standard credential chain. */
export interface RegionTarget {
  endpoint?: string | undefined;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
}

export interface RegionClients {
  region: string;
  ec2: EC2Client;
  rds: RDSClient;
  autoscaling: AutoScalingClient;
  cloudwatch: CloudWatchClient;
  destroy(): void;
}

/**
 * Attempts per call in the SDK's standard retry strategy (exponential backoff with jitter,
 * retries throttling and transient errors); what still fails becomes a ProviderError.
 */
export const MAX_ATTEMPTS = 3;

/** Builds the SDK clients of one region, sharing endpoint, credentials and retry settings. */
export function regionClients(
  region: string,
  target: RegionTarget,
  options: { maxAttempts?: number; requestTimeoutMs?: number } = {},
): RegionClients {
  const config = {
    region,
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
    retryMode: 'standard',
    // An unreachable endpoint must fail a poll in seconds, not hang it.
    requestHandler: {
      connectionTimeout: options.requestTimeoutMs ?? 5000,
      requestTimeout: (options.requestTimeoutMs ?? 5000) * 3,
    },
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...(target.credentials ? { credentials: target.credentials } : {}),
  };
  const ec2 = new EC2Client(config);
  const rds = new RDSClient(config);
  const autoscaling = new AutoScalingClient(config);
  const cloudwatch = new CloudWatchClient(config);
  return {
    region,
    ec2,
    rds,
    autoscaling,
    cloudwatch,
    destroy: () => {
      ec2.destroy();
      rds.destroy();
      autoscaling.destroy();
      cloudwatch.destroy();
    },
  };
}
