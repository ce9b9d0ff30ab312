import type { Instance } from '@aws-sdk/client-ec2';
import type { SpotPrice } from '../providers/aws/inventory.ts';
import { awsId } from '../providers/aws/model.ts';
import type { Resource } from '../providers/provider.ts';

/** What the spot feed needs from the AWS provider. */
export interface SpotSource {
  readonly regions: string[];
  spotPrices(region: string, instanceTypes: string[]): Promise<SpotPrice[] | undefined>;
  get(id: string): Resource | undefined;
}

/** A spot node's price, or why there is none. */
export type SpotLookup =
  { known: true; hourly: number; source: string } | { known: false; reason: string };

/** What a spot node is priced by: its instance type, region and zone (unknown: undefined). */
export interface SpotWant {
  instanceType: string;
  region: string;
  zone: string | undefined;
}

const REFRESH_MS = 15 * 60_000;

/** `aws:///us-east-1a/i-0abc…`: the zone and instance id a node's providerID names. */
export function parseProviderId(
  providerId: string | undefined,
): { zone: string; instanceId: string } | undefined {
  const m = /^aws:\/\/\/([a-z0-9-]+)\/(i-[0-9a-f]+)$/.exec(providerId ?? '');
  return m ? { zone: m[1] ?? '', instanceId: m[2] ?? '' } : undefined;
}

/**
 * The current AWS spot prices of the instance types spot nodes run, per zone, read from EC2's
 * spot price history (DescribeSpotPriceHistory) at most every 15 minutes and whenever a new
 * type appears; and whether a node's EC2 instance is a spot instance (InstanceLifecycle).
 */
export class SpotPrices {
  private readonly source: SpotSource | undefined;
  private readonly now: () => number;
  /** `region/zone/type` → price. */
  private readonly prices = new Map<string, SpotPrice>();
  private readonly fetched = new Map<string, number>();
  private readonly failure = new Map<string, string>();

  constructor(source: SpotSource | undefined, now: () => number = Date.now) {
    this.source = source;
    this.now = now;
  }

  /** Whether the node's EC2 instance (by its providerID) was launched as a spot instance. */
  isSpotInstance(region: string | undefined, providerId: string | undefined): boolean {
    const ref = parseProviderId(providerId);
    if (!ref || !region || !this.source) return false;
    const i = this.source.get(awsId(region, 'EC2_INSTANCE', ref.instanceId))?.object as
      Instance | undefined;
    return i?.InstanceLifecycle === 'spot';
  }

  /** Fetches the prices of the types wanted per region when stale or new; never throws. */
  async refresh(wants: SpotWant[]): Promise<void> {
    const src = this.source;
    if (!src) return;
    const byRegion = new Map<string, Set<string>>();
    for (const w of wants) {
      if (!src.regions.includes(w.region)) continue;
      const types = byRegion.get(w.region) ?? new Set<string>();
      byRegion.set(w.region, types.add(w.instanceType));
    }
    const now = this.now();
    await Promise.all(
      [...byRegion].map(async ([region, types]) => {
        const list = [...types].sort();
        const key = `${region}/${list.join(',')}`;
        if (now - (this.fetched.get(key) ?? -Infinity) < REFRESH_MS) return;
        try {
          const prices = (await src.spotPrices(region, list)) ?? [];
          for (const k of this.prices.keys()) if (k.startsWith(`${region}/`)) this.prices.delete(k);
          for (const p of prices) this.prices.set(`${region}/${p.zone}/${p.instanceType}`, p);
          this.failure.delete(region);
          this.fetched.set(key, now);
        } catch (err) {
          // Prices already read stay in use; the failure names what is missing.
          this.failure.set(region, (err as Error).message);
        }
      }),
    );
  }

  /** The spot price of a type in a zone, or why it is unknown. */
  price(w: SpotWant): SpotLookup {
    const what = `${w.instanceType} is a spot node`;
    if (!this.source)
      return { known: false, reason: `${what} and AWS (the spot price feed) is not configured` };
    if (!this.source.regions.includes(w.region)) {
      return {
        known: false,
        reason: `${what} in ${w.region}, a region not watched for spot prices`,
      };
    }
    if (!w.zone)
      return { known: false, reason: `${what} with no zone (spot prices differ by zone)` };
    const p = this.prices.get(`${w.region}/${w.zone}/${w.instanceType}`);
    if (p) {
      return {
        known: true,
        hourly: p.hourly,
        source: `AWS spot price history: ${w.instanceType} in ${w.zone} $${p.hourly}/h since ${p.at.toISOString()}`,
      };
    }
    const failed = this.failure.get(w.region);
    return {
      known: false,
      reason: failed
        ? `${what}; reading spot prices in ${w.region} failed: ${failed}`
        : `${what} and AWS reports no spot price for it in ${w.zone}`,
    };
  }
}
