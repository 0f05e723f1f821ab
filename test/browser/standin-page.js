/* eslint-env browser */
/* global OT */
'use strict';
// The helpers of the stand-in test page, run in the browser after the emulator's
// /_emulator/opentok.js: every event the page's session, publisher and subscribers dispatch is
// recorded in `window.seen` as a flat summary, so that the tests can wait for one and compare.
(function () {
  const seen = [];
  const streams = {};
  window.seen = seen;
  window.streams = streams;

  const SESSION_EVENTS = [
    'sessionConnected',
    'sessionDisconnected',
    'connectionCreated',
    'connectionDestroyed',
    'streamCreated',
    'streamDestroyed',
    'streamPropertyChanged',
    'signal',
    'archiveStarted',
    'archiveStopped',
    'muteForced',
  ];
  const PUBLISHER_EVENTS = ['accessAllowed', 'streamCreated', 'streamDestroyed', 'muteForced', 'destroyed'];

  function summary(source, event) {
    const entry = { source, event: event.type };
    if (event.reason !== undefined) entry.reason = event.reason;
    if (event.stream) {
      entry.streamId = event.stream.streamId;
      entry.streamName = event.stream.name;
      entry.hasAudio = event.stream.hasAudio;
      entry.hasVideo = event.stream.hasVideo;
      entry.streamConnectionId = event.stream.connection.connectionId;
    }
    if (event.connection) {
      entry.connectionId = event.connection.connectionId;
      entry.connectionData = event.connection.data;
    }
    if ('data' in event) entry.data = event.data;
    if ('from' in event) entry.from = event.from ? event.from.connectionId : null;
    if (event.changedProperty) {
      entry.changedProperty = event.changedProperty;
      entry.oldValue = event.oldValue;
      entry.newValue = event.newValue;
    }
    if ('active' in event) entry.active = event.active;
    if (event.type === 'archiveStarted' || event.type === 'archiveStopped') {
      entry.archiveId = event.id;
      entry.archiveName = event.name;
    }
    return entry;
  }

  function errorSummary(error) {
    return { name: error.name, message: error.message, code: error.code };
  }

  OT.on('exception', (event) => seen.push({ source: 'OT', event: event.type, code: event.code, title: event.title, message: event.message }));

  /** Connects `window.session`; resolves with null or the connect error. */
  window.join = function (apiKey, sessionId, token) {
    const session = OT.initSession(apiKey, sessionId);
    window.session = session;
    for (const name of SESSION_EVENTS) {
      session.on(name, (event) => {
        if (event.stream && name === 'streamCreated') streams[event.stream.streamId] = event.stream;
        seen.push(summary('session', event));
      });
    }
    return new Promise((resolve) => session.connect(token, (error) => resolve(error ? errorSummary(error) : null)));
  };

  /** Publishes a new publisher into `target`; resolves with its stream ID or the error. */
  window.publish = function (target, properties) {
    const publisher = OT.initPublisher(target, properties);
    window.publisher = publisher;
    for (const name of PUBLISHER_EVENTS) publisher.on(name, (event) => seen.push(summary('publisher', event)));
    return new Promise((resolve) => {
      window.session.publish(publisher, (error) => resolve(error ? errorSummary(error) : publisher.stream.streamId));
    });
  };

  /** Subscribes to a stream the session announced; resolves with the subscriber's element ID. */
  window.subscribe = function (streamId, target, properties) {
    return new Promise((resolve) => {
      const subscriber = window.session.subscribe(streams[streamId], target, properties, (error) =>
        resolve(error ? errorSummary(error) : subscriber.element.id),
      );
      subscriber.on('destroyed', (event) => seen.push(summary('subscriber', event)));
    });
  };

  /** Sends a signal; resolves with null or the error. */
  window.signal = function (options) {
    return new Promise((resolve) => window.session.signal(options, (error) => resolve(error ? errorSummary(error) : null)));
  };

  /** The connection object of a connection ID the session announced. */
  window.connectionOf = function (connectionId) {
    const entry = seen.find((item) => item.event === 'connectionCreated' && item.connectionId === connectionId);
    if (!entry) return undefined;
    return { connectionId, id: connectionId, creationTime: 0, data: entry.connectionData };
  };
})();
