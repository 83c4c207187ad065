// Fault injection: which rules fire for a request, counted (`times`) or by chance (`rate`).
import { type FaultRule, ROUTE_NAMES, type RouteName } from './types';
import { checkChoice, checkKeys, checkNumber, checkString, isRecord, Issues } from './validate';

/** What the fired rules ask of one request. */
export interface FaultDecision {
  latencyMs: number;
  status?: number;
  retryAfterSeconds?: number;
  reset?: 'before-response' | 'after-create';
}

/** A fault rule list is malformed; the message names each bad field. */
export class FaultRuleError extends Error {
  override readonly name = 'FaultRuleError';
}

const RULE_KEYS = ['route', 'scenario', 'latencyMs', 'status', 'retryAfterSeconds', 'reset', 'times', 'rate'] as const;

function checkRule(rule: unknown, path: string, issues: Issues): void {
  if (!isRecord(rule)) return issues.add(path, 'must be an object');
  checkKeys(rule, RULE_KEYS, path, issues);
  checkChoice(rule.route, ROUTE_NAMES, `${path}.route`, issues);
  checkString(rule.scenario, `${path}.scenario`, issues, true);
  checkNumber(rule.latencyMs, `${path}.latencyMs`, issues, 0);
  checkNumber(rule.status, `${path}.status`, issues, 400, 599, true);
  checkNumber(rule.retryAfterSeconds, `${path}.retryAfterSeconds`, issues, 0, Infinity, true);
  checkChoice(rule.reset, ['before-response', 'after-create'], `${path}.reset`, issues);
  checkNumber(rule.times, `${path}.times`, issues, 1, Infinity, true);
  checkNumber(rule.rate, `${path}.rate`, issues, 0, 1);
  if (rule.latencyMs === undefined && rule.status === undefined && rule.reset === undefined) {
    issues.add(path, 'does nothing: give latencyMs, status or reset');
  }
  if (rule.status !== undefined && rule.reset !== undefined) issues.add(path, 'cannot have both status and reset');
}

/** Checks a fault rule list; throws a {@link FaultRuleError} listing every problem. */
export function validateFaultRules(value: unknown, path = 'faults'): FaultRule[] {
  const issues = new Issues();
  if (!Array.isArray(value)) issues.add(path, 'must be an array of fault rules');
  else value.forEach((rule, i) => checkRule(rule, `${path}[${i}]`, issues));
  if (issues.list.length > 0) throw new FaultRuleError(`invalid fault rules:\n  ${issues.list.join('\n  ')}`);
  return value as FaultRule[];
}

/** A seeded PRNG (mulberry32), so a `rate` replays the same way for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Holds the rules in force and how often each fired. */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private fired: number[] = [];

  constructor(
    rules: FaultRule[],
    private readonly random: () => number,
  ) {
    this.set(rules);
  }

  /** Replaces the rules; `times` counts restart. */
  set(rules: FaultRule[]): void {
    this.rules = validateFaultRules(rules).map((rule) => ({ ...rule }));
    this.fired = this.rules.map(() => 0);
  }

  /** Fires the rules matching this request and combines what they ask. */
  decide(route: RouteName, scenario: string | undefined): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    this.rules.forEach((rule, i) => {
      if (rule.route !== undefined && rule.route !== route) return;
      if (rule.scenario !== undefined && rule.scenario !== scenario) return;
      if (rule.times !== undefined && this.fired[i] >= rule.times) return;
      if (rule.rate !== undefined && this.random() >= rule.rate) return;
      this.fired[i] += 1;
      decision.latencyMs += rule.latencyMs ?? 0;
      if (decision.status !== undefined || decision.reset !== undefined) return;
      decision.status = rule.status;
      decision.retryAfterSeconds = rule.status !== undefined ? rule.retryAfterSeconds : undefined;
      decision.reset = rule.reset;
    });
    return decision;
  }
}
