/** A fault the emulator injects into matching requests (documented in the README). */
export interface FaultRule {
  /** Only requests with this method (any when absent). */
  method?: string;
  /** Only paths containing this string, or matching this pattern (any when absent). */
  path?: string | RegExp;
  /** Answer with this status instead of handling the request. */
  status?: number;
  /** JSON body of the forced status (default `{"code":<status>,"message":"Injected fault"}`). */
  body?: unknown;
  /** Delay before the request is handled (or the fault applied), in ms. */
  delayMs?: number;
  /** Destroy the connection without answering (a connection reset). */
  reset?: boolean;
  /** Apply to this many matching requests, then expire (default: every one). */
  times?: number;
}

/**
 * The rules of each injector, kept off the instance: the published declarations need no ES private
 * field (which a consumer compiling for ES5 rejects).
 */
const activeRules = new WeakMap<FaultInjector, FaultRule[]>();

function rulesOf(injector: FaultInjector): FaultRule[] {
  const rules = activeRules.get(injector);
  if (rules === undefined) throw new TypeError('FaultInjector method called on another object');
  return rules;
}

/** The active fault rules, matched in insertion order. */
export class FaultInjector {
  constructor(rules: readonly FaultRule[] = []) {
    activeRules.set(this, []);
    for (const rule of rules) this.add(rule);
  }

  /** Adds a rule; returns a function that removes it. */
  add(rule: FaultRule): () => void {
    const rules = rulesOf(this);
    const copy = { ...rule };
    rules.push(copy);
    return () => {
      const index = rules.indexOf(copy);
      if (index >= 0) rules.splice(index, 1);
    };
  }

  /** Removes every rule. */
  clear(): void {
    rulesOf(this).length = 0;
  }

  /** The rule applying to a request, consuming one of its `times`. */
  take(method: string, path: string): FaultRule | undefined {
    const rules = rulesOf(this);
    const rule = rules.find(
      (candidate) =>
        (candidate.method === undefined || candidate.method.toUpperCase() === method) &&
        (candidate.path === undefined ||
          (typeof candidate.path === 'string' ? path.includes(candidate.path) : candidate.path.test(path))),
    );
    if (!rule) return undefined;
    if (rule.times !== undefined) {
      rule.times -= 1;
      if (rule.times <= 0) rules.splice(rules.indexOf(rule), 1);
    }
    return rule;
  }
}
