namespace OTStandIn {
  /** A completion handler: OpenTok.js's `(error?: OTError) => void`; the stand-in's errors are `Error`s too. */
  type Callback = (error?: StandInError) => void;

  /**
   * `OT.initPublisher(target, properties, callback)`: a publisher on the page, showing its test
   * pattern at once; `accessAllowed` and the callback follow on the next turn (there is no camera
   * to ask for).
   */
  export function initPublisher(
    target?: HTMLElement | string | Callback,
    properties?: OT.PublisherProperties | Callback,
    callback?: Callback,
  ): Publisher {
    let done = callback;
    let element: HTMLElement | string | undefined;
    if (typeof target === 'function') done = target;
    else element = target;
    let options: OT.PublisherProperties = {};
    if (typeof properties === 'function') done = properties;
    else if (properties) options = properties;
    const publisher = new Publisher(element, options);
    setTimeout(() => {
      if (publisher.destroyed) return;
      publisher.accessAllowed = true;
      publisher.dispatch(makeEvent('accessAllowed', publisher, {}));
      if (typeof done === 'function') done();
    });
    return publisher;
  }

  /**
   * The part of OpenTok.js's `OT` the stand-in implements, typed against `@opentok/client`'s
   * declarations: the same parameters and, for the functions that return no session object, the
   * same types.
   */
  interface StandInOT {
    initSession(...args: Parameters<typeof OT.initSession>): Session;
    initPublisher: ((...args: Parameters<typeof OT.initPublisher>) => Publisher) & {
      promise: (target?: HTMLElement | string, properties?: OT.PublisherProperties) => Promise<Publisher>;
    };
    checkSystemRequirements: typeof OT.checkSystemRequirements;
    setLogLevel: typeof OT.setLogLevel;
    log: typeof OT.log;
    on: typeof OT.on;
    once: typeof OT.once;
    off: typeof OT.off;
  }

  const standIn: StandInOT & typeof LOG_LEVELS & { readonly emulatorUrl: string } = {
    ...LOG_LEVELS,
    /** Which emulator this stand-in talks to (not in OpenTok.js: pages can tell they run on the emulator). */
    emulatorUrl: EMULATOR_URL,
    initSession: (partnerId, sessionId) => new Session(partnerId, sessionId),
    initPublisher: Object.assign((target?: HTMLElement | string, properties?: OT.PublisherProperties, callback?: Callback) => initPublisher(target, properties, callback), {
      promise: (target?: HTMLElement | string, properties?: OT.PublisherProperties): Promise<Publisher> =>
        new Promise((resolve, reject) => {
          const publisher = initPublisher(target, properties, (error) => (error ? reject(error) : resolve(publisher)));
        }),
    }),
    checkSystemRequirements: () => 1,
    setLogLevel: (level) => setLevel(level),
    log: (message) => log(LOG_LEVELS.LOG, message),
    on: (eventName, callback, context) => {
      otEvents.on(eventName, callback, context);
    },
    once: (eventName, callback, context) => {
      otEvents.once(eventName, callback, context);
    },
    off: (eventName, callback, context) => {
      otEvents.off(eventName, callback, context);
    },
  };

  (window as unknown as { OT: typeof standIn }).OT = standIn;
  log(LOG_LEVELS.INFO, `OpenTok.js stand-in of the emulator at ${EMULATOR_URL}`);
}
