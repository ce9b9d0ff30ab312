import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewAnswers } from '../../src/providers/kubernetes/review-answers.ts';
import type { Decision } from '../../src/providers/kubernetes/rbac-reviews.ts';

// KubeAccess keeps each person's SelfSubjectAccessReview answers here: the review function is
// what the API server would answer (a counter of how often it was asked).
const TTL = { allowedMs: 60_000, deniedMs: 30_000 };

describe('ReviewAnswers', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  const counted = (d: Decision) => vi.fn(() => Promise.resolve(d));

  it('asks once per key while in flight and while its TTL holds, then again', async () => {
    const answers = new ReviewAnswers(TTL);
    const review = counted({ allowed: true });
    const [a, b] = await Promise.all([
      answers.answer('k', review, true, 1_000),
      answers.answer('k', review, true, 1_000),
    ]);
    expect(review).toHaveBeenCalledTimes(1);
    expect(a).toEqual({ allowed: true, until: 1_000_000 + TTL.allowedMs });
    expect(b.until).toBe(a.until);
    vi.setSystemTime(1_000_000 + TTL.allowedMs - 2_000);
    await answers.answer('k', review, true, 1_000);
    expect(review).toHaveBeenCalledTimes(1);
    // Within `earlyMs` of expiring: renewed.
    vi.setSystemTime(1_000_000 + TTL.allowedMs - 500);
    await answers.answer('k', review, true, 1_000);
    expect(review).toHaveBeenCalledTimes(2);
  });

  it('keeps a denial for the denied TTL, and an RBAC-decided answer until cleared', async () => {
    const answers = new ReviewAnswers(TTL);
    const denied = counted({ allowed: false });
    expect((await answers.answer('d', denied, true, 0)).until).toBe(1_000_000 + TTL.deniedMs);
    const rbac = counted({ allowed: true });
    expect((await answers.answer('r', rbac, false, 0)).until).toBe(Infinity);
    vi.setSystemTime(1_000_000 + 10 * TTL.allowedMs);
    await answers.answer('r', rbac, false, 0);
    expect(rbac).toHaveBeenCalledTimes(1);
    answers.clear();
    expect(answers.until('r')).toBeUndefined();
    await answers.answer('r', rbac, false, 0);
    expect(rbac).toHaveBeenCalledTimes(2);
  });

  it('a review that fails is a refusal kept for the denied TTL', async () => {
    const answers = new ReviewAnswers(TTL);
    const failing = vi.fn(() => Promise.reject(new Error('connection refused')));
    expect(await answers.answer('f', failing, false, 0)).toEqual({
      allowed: false,
      error: 'connection refused',
      until: 1_000_000 + TTL.deniedMs,
    });
  });
});
