import { ValidationError } from '../errors.ts';

type Requirement =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string };

export type LabelSelector = Requirement[];

const KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function checkKey(key: string, selector: string): string {
  if (!KEY.test(key))
    throw new ValidationError(`Invalid label key "${key}" in selector "${selector}"`, [
      { path: 'labelSelector', message: `invalid key ${key}` },
    ]);
  return key;
}

function checkValue(value: string, selector: string): string {
  if (!VALUE.test(value) || value.length > 63) {
    throw new ValidationError(`Invalid label value "${value}" in selector "${selector}"`, [
      { path: 'labelSelector', message: `invalid value ${value}` },
    ]);
  }
  return value;
}

/** Parses Kubernetes label-selector syntax; a bad selector is a ValidationError. */
export function parseLabelSelector(selector: string): LabelSelector {
  return splitTopLevel(selector).map((part): Requirement => {
    let m = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
    if (m) {
      const values = (m[3] ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
        .map((v) => checkValue(v, selector));
      return { op: m[2] as 'in' | 'notin', key: checkKey(m[1] ?? '', selector), values };
    }
    m = /^(\S+?)\s*(==|!=|=)\s*(\S*)$/.exec(part);
    if (m) {
      return {
        op: m[2] === '!=' ? 'neq' : 'eq',
        key: checkKey(m[1] ?? '', selector),
        value: checkValue(m[3] ?? '', selector),
      };
    }
    m = /^(!?)\s*(\S+)$/.exec(part);
    if (m) {
      return { op: m[1] ? 'notexists' : 'exists', key: checkKey(m[2] ?? '', selector) };
    }
    throw new ValidationError(`Cannot parse label selector "${selector}" near "${part}"`, [
      { path: 'labelSelector', message: `cannot parse ${part}` },
    ]);
  });
}

export function matchesSelector(
  labels: Readonly<Record<string, string>>,
  selector: LabelSelector,
): boolean {
  return selector.every((r) => {
    const value = labels[r.key];
    switch (r.op) {
      case 'eq':
        return value === r.value;
      case 'neq':
        return value !== r.value;
      case 'in':
        return value !== undefined && r.values.includes(value);
      case 'notin':
        return value === undefined || !r.values.includes(value);
      case 'exists':
        return value !== undefined;
      case 'notexists':
        return value === undefined;
    }
  });
}

/** The equality requirements, which an index can answer before the rest is checked. */
export function equalityPairs(selector: LabelSelector): [string, string][] {
  return selector.flatMap((r) => (r.op === 'eq' ? [[r.key, r.value] as [string, string]] : []));
}
