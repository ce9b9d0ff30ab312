// A minimal AWS Query-API client (EC2, CloudWatch) with Signature V4, enough to seed
// and inspect moto without adding the AWS SDK to the project. moto accepts any
// credentials but reads the region and service from the signed Authorization header.
import { createHash, createHmac } from 'node:crypto';
import { LabError, request } from './util.ts';

export interface AwsEnv {
  AWS_ENDPOINT: string;
  AWS_REGION: string;
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s).digest();

const API_VERSION = { ec2: '2016-11-15', monitoring: '2010-08-01' } as const;

/** POSTs one Query-API action and returns the XML body; throws with AWS's error message. */
export async function awsQuery(
  env: AwsEnv,
  service: keyof typeof API_VERSION,
  action: string,
  params: Record<string, string> = {},
): Promise<string> {
  const url = new URL(env.AWS_ENDPOINT);
  const body = new URLSearchParams({
    Action: action,
    Version: API_VERSION[service],
    ...params,
  }).toString();
  const amzDate = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const contentType = 'application/x-www-form-urlencoded; charset=utf-8';
  const signed = 'content-type;host;x-amz-date';
  const canonical = [
    'POST',
    '/',
    '',
    `content-type:${contentType}`,
    `host:${url.host}`,
    `x-amz-date:${amzDate}`,
    '',
    signed,
    sha256(body),
  ].join('\n');
  const scope = `${day}/${env.AWS_REGION}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key: Buffer = hmac(`AWS4${env.AWS_SECRET_ACCESS_KEY}`, day);
  for (const part of [env.AWS_REGION, service, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  const res = await request(
    `${url.origin}/`,
    {
      method: 'POST',
      body,
      headers: {
        'content-type': contentType,
        'x-amz-date': amzDate,
        authorization: `AWS4-HMAC-SHA256 Credential=${env.AWS_ACCESS_KEY_ID}/${scope}, SignedHeaders=${signed}, Signature=${signature}`,
      },
    },
    30_000,
  );
  if (res.status >= 300) {
    const msg = /<Message>([^<]*)<\/Message>/.exec(res.body)?.[1] ?? res.body.slice(0, 300);
    throw new LabError(`AWS ${service} ${action} failed (HTTP ${res.status}): ${msg}`);
  }
  return res.body;
}

export interface Ec2Instance {
  id: string;
  state: string;
  type: string;
  tags: Record<string, string>;
}

/** DescribeInstances, flattened. Filters are [name, value] pairs. */
export async function describeInstances(
  env: AwsEnv,
  filters: [string, string][] = [],
): Promise<Ec2Instance[]> {
  const params: Record<string, string> = {};
  filters.forEach(([n, v], i) => {
    params[`Filter.${i + 1}.Name`] = n;
    params[`Filter.${i + 1}.Value.1`] = v;
  });
  const xml = await awsQuery(env, 'ec2', 'DescribeInstances', params);
  const out: Ec2Instance[] = [];
  for (const set of xml.matchAll(/<instancesSet>([\s\S]*?)<\/instancesSet>/g)) {
    for (const item of topLevelItems(set[1] ?? '')) {
      const id = /<instanceId>([^<]+)<\/instanceId>/.exec(item)?.[1] ?? '';
      const state =
        /<instanceState>\s*<code>\d+<\/code>\s*<name>([^<]+)<\/name>/.exec(item)?.[1] ?? 'unknown';
      const type = /<instanceType>([^<]+)<\/instanceType>/.exec(item)?.[1] ?? '';
      const tags: Record<string, string> = {};
      const tagSet = /<tagSet>([\s\S]*?)<\/tagSet>/.exec(item)?.[1] ?? '';
      for (const m of tagSet.matchAll(/<key>([^<]*)<\/key>\s*<value>([^<]*)<\/value>/g))
        tags[m[1] ?? ''] = m[2] ?? '';
      out.push({ id, state, type, tags });
    }
  }
  return out;
}

/** The outermost <item> elements of an EC2 XML list (items nest, so track depth). */
function topLevelItems(xml: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (const m of xml.matchAll(/<(\/?)item>/g)) {
    if (m[1] === '') {
      if (depth++ === 0) start = (m.index ?? 0) + m[0].length;
    } else if (--depth === 0) {
      items.push(xml.slice(start, m.index));
    }
  }
  return items;
}
