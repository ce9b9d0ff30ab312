import { readFileSync } from 'node:fs';
import { z } from 'zod';

// How config.ts reads each kind of environment value; every message says what was expected.

const MIN_SECRET_LENGTH = 16;

export const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const port = z.coerce
  .number({ message: 'expected an integer between 0 and 65535' })
  .int('expected an integer between 0 and 65535')
  .min(0, 'expected an integer between 0 and 65535')
  .max(65535, 'expected an integer between 0 and 65535');

/** A number of `unit` (seconds, minutes, hours, days) within [min, max], fractions allowed. */
export const amount = (unit: string, min: number, max: number) =>
  z.coerce
    .number({ message: `expected a number of ${unit} between ${min} and ${max}` })
    .min(min, `expected a number of ${unit} between ${min} and ${max}`)
    .max(max, `expected a number of ${unit} between ${min} and ${max}`);

/** Days to keep something, 0 keeping it for ever. */
export const retentionDays = (fallback: number) =>
  z.coerce
    .number({ message: 'expected a whole number of days (0 keeps everything)' })
    .int('expected a whole number of days (0 keeps everything)')
    .min(0, 'expected a whole number of days (0 keeps everything)')
    .default(fallback);

export const count = (min: number, max: number) =>
  z.coerce
    .number({ message: `expected an integer between ${min} and ${max}` })
    .int(`expected an integer between ${min} and ${max}`)
    .min(min, `expected an integer between ${min} and ${max}`)
    .max(max, `expected an integer between ${min} and ${max}`);

export const url = (schemes: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return schemes.includes(new URL(v).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    },
    { message: `expected a URL (${schemes.join(', ')})` },
  );

export const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

/** Browser origins allowed to call the API (CORS): exact `scheme://host[:port]`, never `*`. */
export const origins = list.transform((values, ctx): string[] =>
  values.flatMap((value) => {
    try {
      const u = new URL(value);
      const bare = u.pathname === '/' && !u.search && !u.hash && !u.username && !u.password;
      if (['http:', 'https:'].includes(u.protocol) && bare && !value.includes('*')) {
        return [u.origin];
      }
    } catch {
      // reported below
    }
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not an origin: expected scheme://host[:port] like https://app.example.com (no *, no path)`,
    });
    return [];
  }),
);

/** A persisted-documents manifest (codegen's `{"sha256:<hex>": "<text>"}`), read at start. */
export const manifest = z.string().transform((path, ctx): Record<string, string> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    ctx.addIssue({
      code: 'custom',
      message: `cannot read a JSON manifest: ${(err as Error).message}`,
    });
    return {};
  }
  const entries = parsed && typeof parsed === 'object' ? Object.entries(parsed) : [];
  if (entries.length === 0 || entries.some(([, text]) => typeof text !== 'string')) {
    ctx.addIssue({ code: 'custom', message: 'expected a non-empty object of id to document text' });
    return {};
  }
  return Object.fromEntries(entries);
});

/** `name:role:secret,…` with one of `roles`; secrets may themselves contain ':' after the second one. */
export const apiTokens = <R extends string>(roles: readonly R[]) =>
  z.string().transform((value, ctx) => {
    const tokens: { name: string; role: R; secret: string }[] = [];
    const entries = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const [i, entry] of entries.entries()) {
      const [name, role, ...rest] = entry.split(':');
      const secret = rest.join(':');
      if (!name || !role || !secret) {
        ctx.addIssue({ code: 'custom', message: `entry ${i + 1}: expected name:role:secret` });
        continue;
      }
      if (!(roles as readonly string[]).includes(role)) {
        ctx.addIssue({
          code: 'custom',
          message: `entry ${i + 1} (${name}): role must be one of ${roles.join(', ')}`,
        });
        continue;
      }
      if (secret.length < MIN_SECRET_LENGTH) {
        ctx.addIssue({
          code: 'custom',
          message: `entry ${i + 1} (${name}): secret must be at least ${MIN_SECRET_LENGTH} characters`,
        });
        continue;
      }
      if (tokens.some((t) => t.name === name)) {
        ctx.addIssue({ code: 'custom', message: `entry ${i + 1}: duplicate token name ${name}` });
        continue;
      }
      // The first match would win: a viewer secret equal to an admin's would grant admin.
      const twin = tokens.find((t) => t.secret === secret);
      if (twin) {
        ctx.addIssue({
          code: 'custom',
          message: `entry ${i + 1} (${name}): same secret as ${twin.name}; every token needs its own`,
        });
        continue;
      }
      tokens.push({ name, role: role as R, secret });
    }
    return tokens;
  });
