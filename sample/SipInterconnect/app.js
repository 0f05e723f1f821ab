'use strict';
// SipInterconnect: dials a SIP endpoint into a session (the call joins as a participant with the
// connection data `sip=true`), plays DTMF tones into the session and hangs calls up.
const path = require('path');
const express = require('express');
const OpenTok = require('opentok');
const { call } = require('../shared/opentok-client');

/** A request the sample refuses before calling OpenTok (answered with a 400). */
class ValidationError extends Error {}

/**
 * The HTTP status the sample answers an error with: 400 for invalid input (the sample's checks and
 * the SDK's `ArgumentError`s), the service's own status for the other client errors it reports
 * (400 for a bad SIP URI or DTMF digits, 404 for an unknown connection, ...), and 500 for everything
 * else (401/403 mean the server's credentials are wrong, which is not the browser's fault).
 */
function errorStatus(error) {
  if (error instanceof ValidationError || error instanceof OpenTok.ArgumentError) return 400;
  const status = error.statusCode;
  if (Number.isInteger(status) && status >= 400 && status < 500 && status !== 401 && status !== 403) return status;
  return 500;
}

/** The JSON error body: the message, plus the service's own explanation when it gave one. */
function errorBody(error) {
  const body = { error: error.message };
  if (error.body && typeof error.body === 'object' && typeof error.body.message === 'string') {
    body.detail = error.body.message;
  }
  return body;
}

/** `true`, `'true'`, `'on'` and `'1'` (JSON or form values) are true; absent values are false. */
function flag(value, name) {
  if (value === undefined || value === null || value === '' || value === false || value === 'false' || value === '0') {
    return false;
  }
  if (value === true || value === 'true' || value === 'on' || value === '1') return true;
  throw new ValidationError(`${name} must be a boolean`);
}

/** A required non-empty string field of the body (400 otherwise). */
function requiredString(body, name) {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(`${name} is required`);
  return value.trim();
}

/** An optional string field of the body: undefined when absent or empty (400 if not a string). */
function optionalString(body, name) {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new ValidationError(`${name} must be a string`);
  return value;
}

/** Builds the app around an OpenTok client and an existing routed session ID. */
function createApp({ opentok, apiKey, sessionId }) {
  const app = express();
  app.set('views', path.join(__dirname, 'views'));
  app.set('view engine', 'ejs');
  app.use(express.json());
  app.use(express.urlencoded({ extended: false }));

  /** Wraps an async handler: rejections become `{error}` JSON answers with errorStatus(). */
  const json = (handler) => (req, res) => {
    handler(req, res).catch((error) => res.status(errorStatus(error)).json(errorBody(error)));
  };
  const bodyOf = (req) => (req.body && typeof req.body === 'object' ? req.body : {});

  app.get('/', (req, res) => {
    const token = opentok.generateToken(sessionId);
    res.render('index', { apiKey, sessionId, token });
  });

  app.post('/dial', json(async (req, res) => {
    const body = bodyOf(req);
    const sipUri = requiredString(body, 'sipUri');
    const options = {
      from: optionalString(body, 'from'),
      secure: flag(body.secure, 'secure'),
      video: flag(body.video, 'video'),
    };
    // The SIP participant's connection data tells the browsers which participant is the phone call.
    const token = opentok.generateToken(sessionId, { data: 'sip=true' });
    const [sipCall] = await call((cb) => opentok.dial(sessionId, token, sipUri, options, cb));
    res.json({ id: sipCall.id, connectionId: sipCall.connectionId, streamId: sipCall.streamId });
  }));

  app.post('/hangup/:connectionId', json(async (req, res) => {
    await call((cb) => opentok.forceDisconnect(sessionId, req.params.connectionId, cb));
    res.status(204).end();
  }));

  app.post('/dtmf', json(async (req, res) => {
    const body = bodyOf(req);
    // Only presence is checked here: the service says which digits it accepts (0-9, *, #, p).
    const digits = requiredString(body, 'digits');
    const connectionId = optionalString(body, 'connectionId');
    await call((cb) => opentok.playDTMF(sessionId, connectionId || null, digits, cb));
    res.status(204).end();
  }));

  return app;
}

module.exports = { createApp, errorStatus };
