namespace OTStandIn {
  /** An event handler as the page gives it; called with the event, `this` being the context. */
  export type Listener = (event: never) => void;

  /** A map of event names to handlers, the object form of `on`, `once` and `off`. */
  export type ListenerMap = Record<string, Listener>;

  /**
   * An OpenTok.js event: its type, whether its default action can be prevented, its target, and
   * the properties of its kind (`stream`, `reason`, `connection`, ...).
   */
  export class StandInEvent<Type extends string = string, Target = unknown> implements OT.Event<Type, Target> {
    readonly type: Type;
    readonly cancelable: boolean;
    target: Target;
    private prevented = false;

    constructor(type: Type, target: Target, cancelable = false) {
      this.type = type;
      this.target = target;
      this.cancelable = cancelable;
    }

    /** Whether a handler called `preventDefault()` (only a cancelable event can be). */
    isDefaultPrevented(): boolean {
      return this.prevented;
    }

    /** Keeps the default action (removing a widget, ...) from running, for a cancelable event. */
    preventDefault(): void {
      if (this.cancelable) this.prevented = true;
    }
  }

  /** Builds an event with the properties of its kind. */
  export function makeEvent<Type extends string, Target, Props extends object>(
    type: Type,
    target: Target,
    props: Props,
    cancelable = false,
  ): StandInEvent<Type, Target> & Props {
    return Object.assign(new StandInEvent(type, target, cancelable), props);
  }

  interface Registration {
    readonly handler: Listener;
    readonly context: object | undefined;
    readonly once: boolean;
  }

  /**
   * OpenTok.js's event methods: `on(type, handler, context)`, `once`, `off`, with several
   * space-separated types in one string, or an object of handlers (`on({ streamCreated: f }, ctx)`).
   * A handler that throws does not keep the others from running; its error is reported as an
   * uncaught error of the page.
   */
  export class Emitter {
    private readonly registrations = new Map<string, Registration[]>();

    /** Adds a handler (see the class). */
    on(eventName: string | object, handlerOrContext?: Listener | object, context?: object): this {
      this.register(eventName, handlerOrContext, context, false);
      return this;
    }

    /** Adds a handler that runs once. */
    once(eventName: string | object, handlerOrContext?: Listener | object, context?: object): this {
      this.register(eventName, handlerOrContext, context, true);
      return this;
    }

    /**
     * Removes handlers: all of them (no argument), all of a type (no handler), a handler (with the
     * context it was added with, when one was given), or an object of handlers.
     */
    off(eventName?: string | object, handlerOrContext?: Listener | object, context?: object): this {
      if (eventName === undefined) {
        this.registrations.clear();
        return this;
      }
      if (typeof eventName === 'object' && eventName !== null) {
        const mapContext = typeof handlerOrContext === 'function' ? undefined : handlerOrContext;
        for (const [name, handler] of Object.entries(eventName as ListenerMap)) this.remove(name, handler, mapContext);
        return this;
      }
      const handler = typeof handlerOrContext === 'function' ? (handlerOrContext as Listener) : undefined;
      const onlyContext = typeof handlerOrContext === 'function' ? context : handlerOrContext;
      for (const name of splitNames(eventName)) this.remove(name, handler, onlyContext);
      return this;
    }

    /** Runs the handlers of `name` (default: the event's type) with the event. */
    dispatch(event: StandInEvent, name: string = event.type): void {
      const registrations = this.registrations.get(name);
      if (registrations === undefined) return;
      for (const registration of [...registrations]) {
        if (registration.once) this.removeRegistration(name, registration);
        try {
          (registration.handler as (this: unknown, event: StandInEvent) => void).call(registration.context ?? this, event);
        } catch (error) {
          // As an uncaught error of the page, without stopping the other handlers.
          setTimeout(() => {
            throw error;
          });
        }
      }
    }

    /** Whether any handler listens for `name`. */
    listens(name: string): boolean {
      return (this.registrations.get(name)?.length ?? 0) > 0;
    }

    private register(eventName: string | object, handlerOrContext: Listener | object | undefined, context: object | undefined, once: boolean): void {
      if (typeof eventName === 'object' && eventName !== null) {
        const mapContext = typeof handlerOrContext === 'function' ? undefined : handlerOrContext;
        for (const [name, handler] of Object.entries(eventName as ListenerMap)) {
          if (typeof handler === 'function') this.add(name, { handler, context: mapContext, once });
        }
        return;
      }
      if (typeof eventName !== 'string' || typeof handlerOrContext !== 'function') {
        log(LOG_LEVELS.WARN, 'on/once need an event name and a handler function');
        return;
      }
      for (const name of splitNames(eventName)) this.add(name, { handler: handlerOrContext as Listener, context, once });
    }

    private add(name: string, registration: Registration): void {
      const list = this.registrations.get(name) ?? [];
      list.push(registration);
      this.registrations.set(name, list);
    }

    private remove(name: string, handler: Listener | undefined, context: object | undefined): void {
      const list = this.registrations.get(name);
      if (list === undefined) return;
      const kept = list.filter(
        (registration) =>
          (handler !== undefined && registration.handler !== handler) ||
          (context !== undefined && registration.context !== context),
      );
      if (kept.length > 0) this.registrations.set(name, kept);
      else this.registrations.delete(name);
    }

    private removeRegistration(name: string, registration: Registration): void {
      const list = this.registrations.get(name);
      if (list === undefined) return;
      const index = list.indexOf(registration);
      if (index >= 0) list.splice(index, 1);
      if (list.length === 0) this.registrations.delete(name);
    }
  }

  function splitNames(names: string): string[] {
    return names.split(/\s+/).filter((name) => name.length > 0);
  }
}
