/**
 * Hourly on-demand list prices in USD, for cost and savings figures.
 *
 * Source: AWS public price lists (aws.amazon.com/ec2/pricing/on-demand and
 * aws.amazon.com/rds/{mysql,postgresql}/pricing), region us-east-1 (N. Virginia), EC2 Linux
 * shared tenancy, RDS Single-AZ, as published in 2025 (written down 2025-01 from those pages;
 * no network access to the Price List API where this was written, so nothing was fetched
 * live). Prices change rarely but do change: check this table against the AWS Price List API
 * (`aws pricing get-products --service-code AmazonEC2|AmazonRDS`) before relying on it.
 *
 * Only us-east-1 is tabled. Any other region, instance type, engine or licence answers null
 * ("unknown"): a us-east-1 figure shown for eu-west-1 would be a guess presented as fact.
 */

export const PRICE_TABLE_SOURCE =
  'AWS on-demand list prices, us-east-1, EC2 Linux / RDS Single-AZ, as published 2025-01';

/** Hours in AWS's billing month convention (365 * 24 / 12). */
export const HOURS_PER_MONTH = 730;

const EC2_US_EAST_1: Record<string, number> = {
  't2.nano': 0.0058,
  't2.micro': 0.0116,
  't2.small': 0.023,
  't2.medium': 0.0464,
  't2.large': 0.0928,
  't2.xlarge': 0.1856,
  't2.2xlarge': 0.3712,
  't3.nano': 0.0052,
  't3.micro': 0.0104,
  't3.small': 0.0208,
  't3.medium': 0.0416,
  't3.large': 0.0832,
  't3.xlarge': 0.1664,
  't3.2xlarge': 0.3328,
  't3a.nano': 0.0047,
  't3a.micro': 0.0094,
  't3a.small': 0.0188,
  't3a.medium': 0.0376,
  't3a.large': 0.0752,
  't3a.xlarge': 0.1504,
  't3a.2xlarge': 0.3008,
  't4g.nano': 0.0042,
  't4g.micro': 0.0084,
  't4g.small': 0.0168,
  't4g.medium': 0.0336,
  't4g.large': 0.0672,
  't4g.xlarge': 0.1344,
  't4g.2xlarge': 0.2688,
  'm5.large': 0.096,
  'm5.xlarge': 0.192,
  'm5.2xlarge': 0.384,
  'm5.4xlarge': 0.768,
  'm5.8xlarge': 1.536,
  'm5.12xlarge': 2.304,
  'm5.16xlarge': 3.072,
  'm5.24xlarge': 4.608,
  'm6i.large': 0.096,
  'm6i.xlarge': 0.192,
  'm6i.2xlarge': 0.384,
  'm6i.4xlarge': 0.768,
  'm6g.large': 0.077,
  'm6g.xlarge': 0.154,
  'm6g.2xlarge': 0.308,
  'm6g.4xlarge': 0.616,
  'c5.large': 0.085,
  'c5.xlarge': 0.17,
  'c5.2xlarge': 0.34,
  'c5.4xlarge': 0.68,
  'c5.9xlarge': 1.53,
  'c5.18xlarge': 3.06,
  'c6i.large': 0.085,
  'c6i.xlarge': 0.17,
  'c6i.2xlarge': 0.34,
  'c6i.4xlarge': 0.68,
  'c6g.large': 0.068,
  'c6g.xlarge': 0.136,
  'c6g.2xlarge': 0.272,
  'r5.large': 0.126,
  'r5.xlarge': 0.252,
  'r5.2xlarge': 0.504,
  'r5.4xlarge': 1.008,
  'r6i.large': 0.126,
  'r6i.xlarge': 0.252,
  'r6i.2xlarge': 0.504,
  'r6i.4xlarge': 1.008,
  'r6g.large': 0.1008,
  'r6g.xlarge': 0.2016,
  'r6g.2xlarge': 0.4032,
};

// RDS prices differ by engine; MySQL and MariaDB share a price list, PostgreSQL has its own.
const RDS_MYSQL_US_EAST_1: Record<string, number> = {
  'db.t3.micro': 0.017,
  'db.t3.small': 0.034,
  'db.t3.medium': 0.068,
  'db.t3.large': 0.136,
  'db.t4g.micro': 0.016,
  'db.t4g.small': 0.032,
  'db.t4g.medium': 0.065,
  'db.m5.large': 0.171,
  'db.m5.xlarge': 0.342,
  'db.m5.2xlarge': 0.684,
  'db.r5.large': 0.24,
  'db.r5.xlarge': 0.48,
};

const RDS_POSTGRES_US_EAST_1: Record<string, number> = {
  'db.t3.micro': 0.018,
  'db.t3.small': 0.036,
  'db.t3.medium': 0.072,
  'db.t3.large': 0.145,
  'db.t4g.micro': 0.016,
  'db.t4g.small': 0.032,
  'db.t4g.medium': 0.065,
  'db.m5.large': 0.178,
  'db.m5.xlarge': 0.356,
  'db.m5.2xlarge': 0.712,
  'db.r5.large': 0.25,
  'db.r5.xlarge': 0.5,
};

const RDS_BY_ENGINE: Record<string, Record<string, number>> = {
  mysql: RDS_MYSQL_US_EAST_1,
  mariadb: RDS_MYSQL_US_EAST_1,
  postgres: RDS_POSTGRES_US_EAST_1,
};

const TABLED_REGION = 'us-east-1';

/** USD per hour for an EC2 instance type running Linux on demand; null when not tabled. */
export function hourlyPrice(
  instanceType: string | undefined,
  region = TABLED_REGION,
): number | null {
  if (!instanceType || region !== TABLED_REGION) return null;
  return EC2_US_EAST_1[instanceType] ?? null;
}

/**
 * USD per hour for an RDS DB instance class; null when the class, engine or region is not
 * tabled. Multi-AZ runs a standby of the same class, which AWS prices at exactly twice.
 */
export function rdsHourlyPrice(
  instanceClass: string | undefined,
  engine: string | undefined,
  region = TABLED_REGION,
  multiAz = false,
): number | null {
  if (!instanceClass || !engine || region !== TABLED_REGION) return null;
  const price = RDS_BY_ENGINE[engine]?.[instanceClass];
  if (price === undefined) return null;
  return multiAz ? price * 2 : price;
}

/** Run-rate per month at an hourly price; null stays null (unknown, not zero). */
export function monthlyCost(hourly: number | null): number | null {
  return hourly === null ? null : Math.round(hourly * HOURS_PER_MONTH * 100) / 100;
}

// EBS storage, USD per GiB-month, us-east-1, same source and date as above. Storage only:
// provisioned IOPS and throughput (io1/io2, gp3 above its baseline) are billed on top.
const EBS_GIB_MONTH_US_EAST_1: Record<string, number> = {
  gp3: 0.08,
  gp2: 0.1,
  io1: 0.125,
  io2: 0.125,
  st1: 0.045,
  sc1: 0.015,
  standard: 0.05,
};

/** USD per GiB-month of an EBS volume type's storage; null when not tabled. */
export function ebsGibMonthPrice(
  volumeType: string | undefined,
  region = TABLED_REGION,
): number | null {
  if (!volumeType || region !== TABLED_REGION) return null;
  return EBS_GIB_MONTH_US_EAST_1[volumeType] ?? null;
}
