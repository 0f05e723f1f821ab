namespace OTStandIn {
  /** A completion handler: OpenTok.js's `(error?: OTError) => void`; the stand-in's errors are `Error`s too. */
  type Callback = (error?: StandInError) => void;

  /** A session's capabilities, 1 or 0 each, as OpenTok.js gives them. */
  type Capabilities = OT.Session['capabilities'];

  /** What each role may do: a moderator everything, a publisher publish and subscribe, ... */
  function capabilitiesOf(role: string): Capabilities {
    const moderator = role === 'moderator' ? 1 : 0;
    return {
      publish: role === 'subscriber' ? 0 : role ? 1 : 0,
      subscribe: role === 'publisheronly' ? 0 : role ? 1 : 0,
      forceDisconnect: moderator,
      forceUnpublish: moderator,
      forceMute: moderator,
    };
  }

  /** The events the emulator sends on a connection's event stream (besides `snapshot`). */
  const SERVER_EVENTS = [
    'connectionCreated',
    'connectionDestroyed',
    'streamCreated',
    'streamDestroyed',
    'streamPropertyChanged',
    'signal',
    'archiveStarted',
    'archiveStopped',
    'muteForced',
    'publisherMuteForced',
    'sessionDisconnected',
  ] as const;

  /** What the emulator sends first on a connection's event stream. */
  interface Snapshot {
    readonly connection: ConnectionWire;
    readonly role: string;
    readonly connections: readonly ConnectionWire[];
    readonly streams: readonly StreamWire[];
    readonly archives: readonly { id: string; name: string }[];
  }

  /** The emulator's side of a connected session: the connection, the key of its calls, its events. */
  interface Link {
    readonly connectionId: string;
    readonly key: string;
    readonly source: EventSource;
  }

  /** Runs a page callback; an error it throws is reported as an uncaught error of the page. */
  function safely(callback: (() => void) | undefined): void {
    if (callback === undefined) return;
    try {
      callback();
    } catch (error) {
      setTimeout(() => {
        throw error;
      });
    }
  }

  /** A promise for OpenTok.js's promise-returning methods that does not also warn when the page uses the callback. */
  function quietPromise(executor: (resolve: () => void, reject: (error: StandInError) => void) => void): Promise<void> {
    const promise = new Promise<void>(executor);
    promise.catch(() => undefined);
    return promise;
  }

  /** The error of a refused connect, as OpenTok.js reports the service's answer: name, message with its code, code. */
  function connectError(reply: Reply, token: string): StandInError {
    if (reply.status === 404) {
      return new StandInError(NAMES.INVALID_SESSION_ID, `${messageOf(reply)} (${CODES.INVALID_SESSION_ID})`, CODES.INVALID_SESSION_ID);
    }
    if (reply.status === 403) {
      // OpenTok.js adds the token to the service's "Invalid token format" message.
      const message = reply.body.reason === 'invalid-token' ? `Invalid token format Token: ${token}` : messageOf(reply);
      return new StandInError(NAMES.AUTHENTICATION_ERROR, `${message} (${CODES.AUTHENTICATION_ERROR})`, CODES.AUTHENTICATION_ERROR);
    }
    return unexpected(reply.status);
  }

  function unexpected(status: number | string): StandInError {
    return new StandInError(
      NAMES.UNEXPECTED_SERVER_RESPONSE,
      `Unexpected server response (${status}). Try this operation again later.`,
      CODES.UNEXPECTED_SERVER_RESPONSE,
    );
  }

  /**
   * OpenTok.js's `Session`, connected to the emulator: `connect` verifies the token there (a
   * refused token fails with OpenTok.js's error), then the emulator's event stream brings what
   * happens in the session (other browsers, simulated clients, SIP calls, the REST API) as the
   * events OpenTok.js dispatches. Disconnecting, or closing the page, leaves the session.
   */
  export class Session
    extends Emitter
    implements
      Pick<
        OT.Session,
        | 'on'
        | 'once'
        | 'off'
        | 'sessionId'
        | 'capabilities'
        | 'connection'
        | 'disconnect'
        | 'signal'
        | 'forceDisconnect'
        | 'forceUnpublish'
        | 'forceMuteStream'
        | 'forceMuteAll'
        | 'disableForceMute'
      >
  {
    /** The session ID given to `OT.initSession`. */
    readonly sessionId: string;
    /** The API key given to `OT.initSession`. */
    readonly apiKey: string;
    /** What this connection may do (all 0 until connected). */
    capabilities: Capabilities = capabilitiesOf('');
    /** This client's connection, once connected. */
    connection?: StandInConnection;
    /**
     * The session's connections (this one included) and streams (this client's too), by ID. Not
     * OpenTok.js's `connections` and `streams` collections, whose methods the stand-in lacks.
     */
    private readonly knownConnections = new Map<string, StandInConnection>();
    private readonly knownStreams = new Map<string, StandInStream>();
    /** Connects with a token; the callback gets an error or nothing. `connect.promise(token)` as in OpenTok.js. */
    readonly connect: ((token: string, callback?: Callback) => this) & { promise: (token: string) => Promise<Session> };
    private readonly publishers = new Set<Publisher>();
    private readonly subscribers = new Set<Subscriber>();
    private state: 'disconnected' | 'connecting' | 'connected' = 'disconnected';
    private link: Link | undefined;

    constructor(apiKey: string, sessionId: string) {
      super();
      this.apiKey = apiKey == null ? '' : String(apiKey);
      this.sessionId = sessionId == null ? '' : String(sessionId);
      const connect = (token: string, callback?: Callback): this => {
        this.start(token, typeof callback === 'function' ? callback : undefined);
        return this;
      };
      const promise = (token: string): Promise<Session> =>
        new Promise((resolve, reject) => this.start(token, (error) => (error ? reject(error) : resolve(this))));
      this.connect = Object.assign(connect, { promise });
    }

    /** Whether the session is connected. */
    isConnected(): boolean {
      return this.state === 'connected';
    }

    /** Leaves the session: `sessionDisconnected` with the reason `clientDisconnected`. */
    disconnect(): Promise<void> {
      const link = this.link;
      if (this.state === 'disconnected') return Promise.resolve();
      this.link = undefined;
      if (link !== undefined) {
        // The stream closes once the emulator has the DELETE: closing it first would disconnect
        // the connection already, and the DELETE would find nothing (a 404 in the console).
        const close = (): void => link.source.close();
        call('DELETE', this.path(link)).then(close, close);
      }
      this.teardown('clientDisconnected');
      return Promise.resolve();
    }

    /**
     * Publishes a publisher (`publish(publisher, callback)`), or a new one
     * (`publish(target, properties, callback)`, as `OT.initPublisher` takes them). The publisher
     * dispatches `streamCreated` when its stream exists; the other browsers get `streamCreated`.
     */
    publish(
      publisherOrTarget?: Publisher | HTMLElement | string,
      propertiesOrCallback?: OT.PublisherProperties | Callback,
      callback?: Callback,
    ): Publisher {
      const done = typeof propertiesOrCallback === 'function' ? propertiesOrCallback : callback;
      const publisher =
        publisherOrTarget instanceof Publisher
          ? publisherOrTarget
          : initPublisher(publisherOrTarget, typeof propertiesOrCallback === 'object' ? propertiesOrCallback : {});
      const refuse = (error: StandInError): Publisher => {
        setTimeout(() => fail(error, this, done));
        return publisher;
      };
      if (!this.isConnected() || this.link === undefined) {
        return refuse(new StandInError(NAMES.NOT_CONNECTED, 'We need to be connected before you can publish', CODES.NOT_CONNECTED));
      }
      if (!this.capabilities.publish) {
        return refuse(
          new StandInError(
            NAMES.PERMISSION_DENIED,
            'This token does not allow publishing. The role must be at least `publisher` to enable this functionality',
            CODES.UNABLE_TO_PUBLISH,
          ),
        );
      }
      if (publisher.session !== undefined || publisher.destroyed) {
        return refuse(
          new StandInError(
            NAMES.INVALID_PARAMETER,
            `Cannot publish ${publisher.id ?? 'the publisher'} again to ${this.sessionId}. Please call session.unpublish(publisher) first.`,
            CODES.UNABLE_TO_PUBLISH,
          ),
        );
      }
      publisher.session = this;
      const link = this.link;
      const body = { name: publisher.name, videoType: publisher.videoType, hasAudio: publisher.audio, hasVideo: publisher.video };
      call('POST', this.path(link, '/streams'), body).then(
        (reply) => {
          if (reply.status !== 201) {
            publisher.session = undefined;
            const error =
              reply.status === 403
                ? new StandInError(NAMES.PERMISSION_DENIED, messageOf(reply), CODES.UNABLE_TO_PUBLISH)
                : unexpected(reply.status);
            fail(error, this, done);
            return;
          }
          const stream = makeStream(reply.body as unknown as StreamWire, this.connection);
          if (publisher.destroyed || this.link !== link || publisher.session !== this) {
            // Destroyed, unpublished or disconnected while the stream was being created.
            call('DELETE', this.path(link, `/streams/${encodeURIComponent(stream.id)}`)).catch(() => undefined);
            return;
          }
          this.knownStreams.set(stream.id, stream);
          this.publishers.add(publisher);
          publisher.stream = stream;
          // A session force-muted with forceMuteAll publishes new streams without audio.
          publisher.audio = stream.hasAudio;
          publisher.dispatch(makeEvent('streamCreated', publisher, { stream }));
          safely(done && (() => done()));
        },
        () => {
          publisher.session = undefined;
          fail(unexpected('no answer'), this, done);
        },
      );
      return publisher;
    }

    /** Stops publishing: the publisher dispatches `streamDestroyed` (`unpublished`) and, unless prevented, is destroyed. */
    unpublish(publisher: Publisher): void {
      if (!(publisher instanceof Publisher) || publisher.session !== this) {
        log(LOG_LEVELS.WARN, 'unpublish: the publisher does not publish to this session');
        return;
      }
      this.removePublisher(publisher, 'unpublished');
    }

    /**
     * Subscribes to a stream of the session: its test pattern goes on the page (`target`,
     * `properties` as OpenTok.js takes them). The callback gets an error or nothing.
     */
    subscribe(
      stream: OT.Stream,
      target?: HTMLElement | string | Callback,
      properties?: OT.SubscriberProperties | Callback,
      callback?: Callback,
    ): Subscriber | undefined {
      let done = callback;
      let element: HTMLElement | string | undefined;
      if (typeof target === 'function') done = target;
      else element = target;
      let options: OT.SubscriberProperties = {};
      if (typeof properties === 'function') done = properties;
      else if (properties) options = properties;
      const refuse = (message: string, name: string = NAMES.INVALID_PARAMETER): undefined => {
        setTimeout(() => fail(new StandInError(name, message, CODES.UNABLE_TO_SUBSCRIBE), this, done));
        return undefined;
      };
      if (!this.isConnected()) return refuse('Session.subscribe :: Connection required to subscribe', NAMES.NOT_CONNECTED);
      if (!stream) return refuse('Session.subscribe :: stream cannot be null');
      const known = this.knownStreams.get(stream.streamId);
      if (known === undefined) return refuse('Session.subscribe :: invalid stream object');
      if (!this.capabilities.subscribe) {
        return refuse('This token does not allow subscribing. The role must be at least `subscriber` to enable this functionality', NAMES.PERMISSION_DENIED);
      }
      const subscriber = new Subscriber(this, known, element, options);
      this.subscribers.add(subscriber);
      setTimeout(() => {
        if (!this.subscribers.has(subscriber)) return;
        subscriber.dispatch(makeEvent('connected', subscriber, {}));
        safely(done && (() => done()));
      });
      return subscriber;
    }

    /** Stops subscribing: the subscriber's element goes and it dispatches `destroyed`. */
    unsubscribe(subscriber: Subscriber): void {
      if (!this.subscribers.delete(subscriber)) return;
      subscriber.destroyWith('unsubscribe');
    }

    /** The publisher of one of this client's streams. */
    getPublisherForStream(stream: OT.Stream): Publisher | undefined {
      return [...this.publishers].find((publisher) => publisher.stream?.streamId === stream?.streamId);
    }

    /** The subscribers of a stream. */
    getSubscribersForStream(stream: OT.Stream): Subscriber[] {
      return [...this.subscribers].filter((subscriber) => subscriber.stream?.streamId === stream?.streamId);
    }

    /**
     * Sends a signal to the session (`to` absent: every connection, this one included) or to one
     * connection; each recipient gets `signal` and, with a type, `signal:<type>`.
     */
    signal(signal: { type?: string; data?: string; to?: OT.Connection; retryAfterReconnect?: boolean }, callback?: Callback): Promise<void> {
      const options = typeof signal === 'object' && signal !== null ? signal : {};
      const done = typeof signal === 'function' ? (signal as Callback) : callback;
      return quietPromise((resolve, reject) => {
        const failWith = (error: StandInError): void => {
          fail(error, this, done);
          reject(error);
        };
        const link = this.link;
        if (!this.isConnected() || link === undefined) {
          setTimeout(() => failWith(new StandInError(NAMES.NOT_CONNECTED, 'Unable to send signal - you are not connected to the session.', 500)));
          return;
        }
        const body = {
          type: options.type,
          data: options.data === undefined ? '' : String(options.data),
          to: options.to ? options.to.connectionId : undefined,
        };
        call('POST', this.path(link, '/signal'), body).then(
          (reply) => {
            if (reply.status === 204) {
              safely(done && (() => done()));
              resolve();
              return;
            }
            const name =
              reply.status === 400 || reply.status === 413
                ? NAMES.INVALID_PARAMETER
                : reply.status === 404
                  ? NAMES.NOT_FOUND
                  : reply.status === 429
                    ? NAMES.RATE_LIMIT_EXCEEDED
                    : NAMES.NOT_CONNECTED;
            failWith(new StandInError(name, messageOf(reply), reply.status));
          },
          () => failWith(new StandInError(NAMES.NOT_CONNECTED, 'Unable to send signal - you are not connected to the session.', 500)),
        );
      });
    }

    /** A moderator disconnects a connection (`forceDisconnected` for everyone). */
    forceDisconnect(connection: OT.Connection | string, callback?: Callback): Promise<void> {
      const connectionId = typeof connection === 'string' ? connection : (connection as Partial<StandInConnection> | undefined)?.id ?? connection?.connectionId;
      return this.moderate(
        'forceDisconnect',
        CODES.UNABLE_TO_FORCE_DISCONNECT,
        connectionId,
        '/force-disconnect',
        { connectionId },
        () => new StandInError(NAMES.INVALID_PARAMETER, 'Invalid Parameter. Check that you have passed valid parameter values into the method call.', CODES.INVALID_PARAMETER),
        callback,
      );
    }

    /** A moderator stops a stream (`forceUnpublished` for everyone). */
    forceUnpublish(stream: OT.Stream | string, callback?: Callback): Promise<void> {
      const streamId = typeof stream === 'string' ? stream : stream?.streamId;
      return this.moderate(
        'forceUnpublish',
        CODES.UNABLE_TO_FORCE_UNPUBLISH,
        streamId,
        '/force-unpublish',
        { streamId },
        (status) => (status === 404 ? new StandInError(NAMES.NOT_FOUND, 'The stream does not exist.') : unexpected(status)),
        callback,
      );
    }

    /** A moderator mutes a stream: its publisher gets `muteForced` and stops sending audio. */
    forceMuteStream(stream: OT.Stream): Promise<void> {
      return this.moderate('forceMute', CODES.UNABLE_TO_FORCE_MUTE, stream?.streamId, '/force-mute', { streamId: stream?.streamId }, (status) =>
        status === 404 ? new StandInError(NAMES.NOT_FOUND, 'The stream does not exist.') : unexpected(status),
      );
    }

    /** A moderator mutes every stream but the excluded ones; every browser gets `muteForced` (`active: true`). */
    forceMuteAll(excludedStreams?: OT.Stream[]): Promise<void> {
      const excludedStreamIds = (excludedStreams ?? []).map((stream) => stream.streamId);
      return this.moderate('forceMute', CODES.UNABLE_TO_FORCE_MUTE, 'all', '/force-mute', { active: true, excludedStreamIds }, unexpected);
    }

    /** A moderator lifts the session-wide mute; every browser gets `muteForced` (`active: false`). */
    disableForceMute(): Promise<void> {
      return this.moderate('forceMute', CODES.UNABLE_TO_FORCE_MUTE, 'all', '/force-mute', { active: false }, unexpected);
    }

    /** Tells the emulator that a publisher of this session turned its audio or video on or off. */
    updateMedia(publisher: Publisher, changes: { hasAudio?: boolean; hasVideo?: boolean }): void {
      const link = this.link;
      if (link === undefined || publisher.stream === undefined) return;
      call('PATCH', this.path(link, `/streams/${encodeURIComponent(publisher.stream.streamId)}`), changes).catch(() => undefined);
    }

    /** Ends a publisher's stream here and at the emulator (`unpublish`, `destroy`). */
    removePublisher(publisher: Publisher, reason: string): void {
      const stream = publisher.stream;
      const link = this.link;
      this.publishers.delete(publisher);
      if (stream !== undefined) {
        this.knownStreams.delete(stream.streamId);
        if (link !== undefined) call('DELETE', this.path(link, `/streams/${encodeURIComponent(stream.streamId)}`)).catch(() => undefined);
        this.destroySubscribersOf(stream.streamId, reason);
      }
      if (publisher.session === this) {
        if (stream === undefined) publisher.session = undefined;
        else publisher.streamEnded(reason);
      }
    }

    /** The URL path of one of this connection's emulator endpoints, with its key. */
    private path(link: { readonly connectionId: string; readonly key: string }, rest = ''): string {
      return `/_emulator/clients/${encodeURIComponent(link.connectionId)}${rest}?key=${encodeURIComponent(link.key)}`;
    }

    /** The moderation calls: connected, a target, the moderator role, then the emulator's answer. */
    private moderate(
      action: string,
      code: number,
      target: string | undefined,
      endpoint: string,
      body: object,
      refused: (status: number) => StandInError,
      callback?: Callback,
    ): Promise<void> {
      return quietPromise((resolve, reject) => {
        const failWith = (error: StandInError): void => {
          fail(error, this, callback);
          reject(error);
        };
        const link = this.link;
        if (!this.isConnected() || link === undefined) {
          setTimeout(() =>
            failWith(new StandInError(NAMES.NOT_CONNECTED, `Cannot call ${action}(). You are not connected to the session.`, CODES.NOT_CONNECTED)),
          );
          return;
        }
        if (!target) {
          setTimeout(() =>
            failWith(
              new StandInError(
                NAMES.INVALID_PARAMETER,
                'Invalid Parameter. Check that you have passed valid parameter values into the method call.',
                CODES.INVALID_PARAMETER,
              ),
            ),
          );
          return;
        }
        if (!this.capabilities[action as keyof Capabilities]) {
          setTimeout(() =>
            failWith(
              new StandInError(
                NAMES.PERMISSION_DENIED,
                `This token does not allow ${action}. The role must be at least \`moderator\` to enable this functionality`,
                code,
              ),
            ),
          );
          return;
        }
        call('POST', this.path(link, endpoint), body).then(
          (reply) => {
            if (reply.status === 204) {
              safely(callback && (() => callback()));
              resolve();
            } else {
              failWith(refused(reply.status));
            }
          },
          () => failWith(unexpected('no answer')),
        );
      });
    }

    /** `connect`: the emulator verifies the token, then the event stream opens with a snapshot of the session. */
    private start(token: string, callback: Callback | undefined): void {
      if (this.state !== 'disconnected') {
        log(LOG_LEVELS.WARN, `connect: the session is already ${this.state}`);
        return;
      }
      const refuse = (error: StandInError): void => {
        setTimeout(() => fail(error, this, callback));
      };
      if (!this.apiKey) {
        refuse(new StandInError(NAMES.AUTHENTICATION_ERROR, 'API Key is undefined. You must pass an API Key to initSession.', CODES.AUTHENTICATION_ERROR));
        return;
      }
      if (!this.sessionId) {
        refuse(new StandInError(NAMES.INVALID_SESSION_ID, 'SessionID is undefined. You must pass a sessionID to initSession.', CODES.INVALID_SESSION_ID));
        return;
      }
      this.state = 'connecting';
      const text = typeof token === 'string' ? token : '';
      call('POST', '/_emulator/clients', { apiKey: this.apiKey, sessionId: this.sessionId, token: text }).then(
        (reply) => {
          if (reply.status !== 201) {
            if (this.state === 'connecting') this.state = 'disconnected';
            fail(connectError(reply, text), this, callback);
            return;
          }
          const link = { connectionId: String(reply.body.connectionId), key: String(reply.body.key) };
          if (this.state !== 'connecting') {
            // disconnect() was called meanwhile.
            call('DELETE', this.path(link)).catch(() => undefined);
            return;
          }
          this.listen(link, callback);
        },
        () => {
          if (this.state === 'connecting') this.state = 'disconnected';
          fail(new StandInError(NAMES.CONNECT_FAILED, `Failed to connect to session: the OpenTok emulator at ${EMULATOR_URL} does not answer`, CODES.CONNECT_FAILED), this, callback);
        },
      );
    }

    /** Opens the connection's event stream and handles what comes on it. */
    private listen(credentials: { connectionId: string; key: string }, callback: Callback | undefined): void {
      const source = new EventSource(
        `${EMULATOR_URL}/_emulator/clients/${encodeURIComponent(credentials.connectionId)}/events?key=${encodeURIComponent(credentials.key)}`,
      );
      const link: Link = { ...credentials, source };
      this.link = link;
      const parse = (event: Event): unknown => JSON.parse((event as MessageEvent<string>).data);
      source.addEventListener('snapshot', (event) => this.connected(parse(event) as Snapshot, callback));
      for (const name of SERVER_EVENTS) {
        source.addEventListener(name, (event) => {
          if (this.link === link) this.handle(name, parse(event) as Record<string, unknown>);
        });
      }
      source.onerror = () => {
        // The stand-in never lets EventSource reconnect: a lost stream is a lost connection.
        source.close();
        if (this.link !== link) return;
        if (this.state === 'connecting') {
          this.link = undefined;
          this.state = 'disconnected';
          call('DELETE', this.path(link)).catch(() => undefined);
          fail(new StandInError(NAMES.CONNECT_FAILED, 'Failed to connect to session: the event stream did not open', CODES.CONNECT_FAILED), this, callback);
        } else {
          this.teardown('networkDisconnected');
        }
      };
    }

    /** The snapshot arrived: connected. `sessionConnected`, then the connections, streams and recording archives present. */
    private connected(snapshot: Snapshot, callback: Callback | undefined): void {
      if (this.state !== 'connecting') return;
      this.state = 'connected';
      const own = makeConnection(snapshot.connection);
      this.connection = own;
      this.capabilities = capabilitiesOf(snapshot.role);
      for (const wire of snapshot.connections) this.knownConnections.set(wire.id, wire.id === own.id ? own : makeConnection(wire));
      for (const wire of snapshot.streams) this.knownStreams.set(wire.id, makeStream(wire, this.knownConnections.get(wire.connection.id)));
      this.dispatch(makeEvent('sessionConnected', this, {}));
      safely(callback && (() => callback()));
      for (const connection of [...this.knownConnections.values()]) {
        this.dispatch(makeEvent('connectionCreated', this, { connection }));
      }
      for (const stream of [...this.knownStreams.values()]) {
        if (stream.connection.connectionId !== own.id) this.dispatch(makeEvent('streamCreated', this, { stream }, false));
      }
      for (const archive of snapshot.archives) this.dispatch(makeEvent('archiveStarted', this, { id: archive.id, name: archive.name }));
    }

    /** One event of the emulator's stream. */
    private handle(name: (typeof SERVER_EVENTS)[number], data: Record<string, unknown>): void {
      if (this.state !== 'connected' || this.connection === undefined) return;
      const own = this.connection.connectionId;
      switch (name) {
        case 'connectionCreated': {
          const connection = makeConnection(data.connection as ConnectionWire);
          this.knownConnections.set(connection.id, connection);
          this.dispatch(makeEvent(name, this, { connection }));
          return;
        }
        case 'connectionDestroyed': {
          const wire = data.connection as ConnectionWire;
          const connection = this.knownConnections.get(wire.id) ?? makeConnection(wire);
          this.knownConnections.delete(wire.id);
          this.dispatch(makeEvent(name, this, { connection, reason: String(data.reason) }));
          return;
        }
        case 'streamCreated': {
          const wire = data.stream as StreamWire;
          // This client's own streams are its publishers' (the answer to publish made them).
          if (wire.connection.id === own || this.knownStreams.has(wire.id)) return;
          const stream = makeStream(wire, this.knownConnections.get(wire.connection.id));
          this.knownStreams.set(stream.id, stream);
          this.dispatch(makeEvent(name, this, { stream }, false));
          return;
        }
        case 'streamDestroyed':
          this.streamGone(data.stream as StreamWire, String(data.reason));
          return;
        case 'streamPropertyChanged': {
          const stream = this.knownStreams.get(String(data.streamId));
          const changedProperty = data.changedProperty;
          if (stream === undefined || (changedProperty !== 'hasAudio' && changedProperty !== 'hasVideo')) return;
          stream[changedProperty] = data.newValue === true;
          this.dispatch(makeEvent(name, this, { stream, changedProperty, oldValue: data.oldValue === true, newValue: data.newValue === true }));
          return;
        }
        case 'signal': {
          const type = typeof data.type === 'string' && data.type.length > 0 ? data.type : undefined;
          const fromWire = data.from as ConnectionWire | null;
          const from = fromWire === null ? null : (this.knownConnections.get(fromWire.id) ?? makeConnection(fromWire));
          // One event, for the `signal` handlers and then the `signal:<type>` ones, as OpenTok.js.
          const event = makeEvent(type === undefined ? 'signal' : `signal:${type}`, this, { data: String(data.data ?? ''), from });
          this.dispatch(event, 'signal');
          if (type !== undefined) this.dispatch(event);
          return;
        }
        case 'archiveStarted':
        case 'archiveStopped':
          this.dispatch(makeEvent(name, this, { id: String(data.id), name: String(data.name ?? '') }));
          return;
        case 'muteForced':
          this.dispatch(makeEvent(name, this, { active: data.active === true }));
          return;
        case 'publisherMuteForced': {
          const publisher = [...this.publishers].find((candidate) => candidate.stream?.streamId === data.streamId);
          publisher?.muteForced();
          return;
        }
        case 'sessionDisconnected':
          this.teardown(String(data.reason));
          return;
      }
    }

    /** A stream ended: its publisher's if it is this client's, else `streamDestroyed` here; its subscribers go unless prevented. */
    private streamGone(wire: StreamWire, reason: string): void {
      const publisher = [...this.publishers].find((candidate) => candidate.stream?.streamId === wire.id);
      if (publisher !== undefined) {
        this.publishers.delete(publisher);
        this.knownStreams.delete(wire.id);
        this.destroySubscribersOf(wire.id, reason);
        publisher.streamEnded(reason);
        return;
      }
      const stream = this.knownStreams.get(wire.id);
      if (stream === undefined) return;
      this.knownStreams.delete(wire.id);
      const event = makeEvent('streamDestroyed', this, { stream, reason }, true);
      this.dispatch(event);
      if (!event.isDefaultPrevented()) this.destroySubscribersOf(wire.id, reason);
    }

    private destroySubscribersOf(streamId: string, reason: string): void {
      for (const subscriber of [...this.subscribers]) {
        if (subscriber.stream?.streamId === streamId) {
          this.subscribers.delete(subscriber);
          subscriber.destroyWith(reason);
        }
      }
    }

    /**
     * The session ended (`disconnect()`, `forceDisconnect`, a lost event stream):
     * `sessionDisconnected`, then the publishers' streams end and, unless prevented, the
     * subscribers go.
     */
    private teardown(reason: string): void {
      if (this.state === 'disconnected') return;
      this.state = 'disconnected';
      this.link?.source.close();
      this.link = undefined;
      const event = makeEvent('sessionDisconnected', this, { reason }, true);
      this.dispatch(event);
      for (const publisher of [...this.publishers]) {
        this.publishers.delete(publisher);
        publisher.streamEnded(reason);
      }
      for (const subscriber of [...this.subscribers]) {
        if (!event.isDefaultPrevented()) subscriber.destroyWith(reason);
      }
      this.subscribers.clear();
      this.knownConnections.clear();
      this.knownStreams.clear();
      this.connection = undefined;
      this.capabilities = capabilitiesOf('');
    }
  }
}
