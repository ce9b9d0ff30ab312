import type { Decision } from './rbac-reviews.ts';

/**
 * How long a review's answer is trusted where the rules review was incomplete (an authorizer
 * that cannot list its rules, e.g. a webhook: no RBAC watch sees its changes), by its answer
 * (KUBE_AUTHORIZED_TTL_SECONDS, KUBE_UNAUTHORIZED_TTL_SECONDS).
 */
export interface ReviewTtl {
  allowedMs: number;
  deniedMs: number;
}

/** One answer as kept: `until` is Infinity while in flight and when RBAC alone decided it. */
interface Kept {
  decision: Promise<Decision>;
  until: number;
}

/**
 * One person's SelfSubjectAccessReview answers, by what was asked (KubeAccess builds the key):
 * one review per question in flight; an answer RBAC alone decided kept until `clear` (their
 * rules re-learned), one an authorizer that cannot list its rules may have given for its TTL. A
 * review that fails (the API server down) is a refusal, kept for the denied TTL.
 */
export class ReviewAnswers {
  private readonly kept = new Map<string, Kept>();
  private readonly ttl: ReviewTtl;

  constructor(ttl: ReviewTtl) {
    this.ttl = ttl;
  }

  clear(): void {
    this.kept.clear();
  }

  /** When the answer kept for `key` expires (Infinity: not on its own); undefined: none kept. */
  until(key: string): number | undefined {
    return this.kept.get(key)?.until;
  }

  /**
   * The answer kept for `key`, else (none, or it expires within `earlyMs`) `review`'s, kept for
   * the TTL of its answer when it `expires` (the rules were incomplete), else until `clear`.
   */
  async answer(
    key: string,
    review: () => Promise<Decision>,
    expires: boolean,
    earlyMs: number,
  ): Promise<Decision & { until: number }> {
    let kept = this.kept.get(key);
    if (!kept || kept.until <= Date.now() + earlyMs) {
      const asked: Kept = { until: Infinity, decision: Promise.resolve({ allowed: false }) };
      asked.decision = Promise.resolve()
        .then(review)
        .then(
          (d) => {
            const ms = d.allowed ? this.ttl.allowedMs : this.ttl.deniedMs;
            asked.until = expires ? Date.now() + ms : Infinity;
            return d;
          },
          (err: Error) => {
            asked.until = Date.now() + this.ttl.deniedMs;
            return { allowed: false, error: err.message };
          },
        );
      this.kept.set(key, asked);
      kept = asked;
    }
    const d = await kept.decision;
    return { ...d, until: kept.until };
  }
}
