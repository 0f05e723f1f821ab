/**
 * A fault the emulator injects into matching requests: a forced status, a delay, or a connection
 * reset. The first rule that matches a request applies.
 *
 * @example
 * ```ts
 * emulator.faults.add({ method: 'POST', path: '/archive', status: 500, times: 1 }); // the next start fails
 * emulator.faults.add({ path: /\/broadcast$/, delayMs: 3000 });                   // slow broadcast calls
 * emulator.faults.add({ path: '/session/create', reset: true });                   // connection reset
 * // Fail twice with a 503 asking to come back in a second, then answer normally:
 * emulator.faults.add({ path: '/archive', status: 503, headers: { 'Retry-After': '1' }, times: 2 });
 * ```
 */
export interface FaultRule {
  /** Only requests with this method (case-insensitive). Default: any method. */
  method?: string;
  /** Only paths (without the query) containing this string, or matching this pattern. Default: any path. */
  path?: string | RegExp;
  /** Answer with this status instead of handling the request. Default: the request is handled. */
  status?: number;
  /** JSON body of the forced status. Default `{"code":<status>,"message":"Injected fault"}`. */
  body?: unknown;
  /**
   * Extra headers of the forced status, e.g. `{ 'Retry-After': '2' }` or an HTTP date. Default:
   * none (`Content-Type` and `Content-Length` are always sent).
   */
  headers?: Record<string, string>;
  /** Delay before the request is handled (or the fault applied), in milliseconds, on top of `latencyMs`. Default `0`. */
  delayMs?: number;
  /** Destroy the connection without answering (a connection reset). Default `false`. */
  reset?: boolean;
  /** Apply to this many matching requests, then expire. Default: every matching request. */
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

/**
 * The active fault rules of an emulator (`emulator.faults`), matched in the order they were
 * added.
 *
 * @example
 * ```ts
 * const remove = emulator.faults.add({ path: '/archive', status: 503 });
 * // ... the archive calls fail with 503 ...
 * remove();
 * emulator.faults.clear(); // e.g. in afterEach
 * ```
 */
export class FaultInjector {
  /** @internal Built by the emulator from `EmulatorOptions.faults`. */
  constructor(rules: readonly FaultRule[] = []) {
    activeRules.set(this, []);
    for (const rule of rules) this.add(rule);
  }

  /**
   * Adds a rule (a copy: changing the object afterwards changes nothing).
   *
   * @param rule - Which requests, and what happens to them.
   * @returns A function that removes the rule (again, it does nothing).
   */
  add(rule: FaultRule): () => void {
    const rules = rulesOf(this);
    const copy = rule.headers === undefined ? { ...rule } : { ...rule, headers: { ...rule.headers } };
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

  /**
   * The rule applying to a request, consuming one of its `times`.
   *
   * @internal
   */
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
