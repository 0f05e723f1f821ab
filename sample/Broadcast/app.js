'use strict';
// Broadcast: a host page that starts and stops a live-streaming broadcast (HLS, optionally RTMP) of
// one session, a participant page, and a small JSON API the host page drives.
const path = require('path');
const express = require('express');
const OpenTok = require('opentok');
const { call } = require('../shared/opentok-client');

/** A request the sample refuses before calling OpenTok (answered with a 400). */
class ValidationError extends Error {}

/**
 * The HTTP status the sample answers an error with: 400 for invalid input (the sample's checks and
 * the SDK's `ArgumentError`s), the service's own status for the other client errors it reports
 * (400, 404, 409, ...), and 500 for everything else (401/403 mean the server's credentials are wrong,
 * which is not the browser's fault).
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

/** The `startBroadcast` options of a POST /start body (400 on malformed input). */
function broadcastOptions(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError('The body must be a JSON object');
  const { maxDuration, resolution, rtmp } = body;
  const hls = {};
  if (flag(body.dvr, 'dvr')) hls.dvr = true;
  if (flag(body.lowLatency, 'lowLatency')) hls.lowLatency = true;
  const outputs = { hls };
  if (rtmp !== undefined) {
    if (!Array.isArray(rtmp)) throw new ValidationError('rtmp must be an array of {serverUrl, streamName}');
    outputs.rtmp = rtmp.map((output, index) => {
      if (output === null || typeof output !== 'object') throw new ValidationError(`rtmp[${index}] must be an object`);
      const { id, serverUrl, streamName } = output;
      if (typeof serverUrl !== 'string' || serverUrl === '') throw new ValidationError(`rtmp[${index}].serverUrl is required`);
      if (typeof streamName !== 'string' || streamName === '') throw new ValidationError(`rtmp[${index}].streamName is required`);
      if (id !== undefined && typeof id !== 'string') throw new ValidationError(`rtmp[${index}].id must be a string`);
      return id === undefined ? { serverUrl, streamName } : { id, serverUrl, streamName };
    });
  }
  const options = { outputs, layout: { type: 'bestFit' } };
  if (maxDuration !== undefined && maxDuration !== '') {
    const seconds = Number(maxDuration);
    if (!Number.isInteger(seconds)) throw new ValidationError('maxDuration must be an integer number of seconds');
    options.maxDuration = seconds;
  }
  if (resolution !== undefined && resolution !== '') {
    if (typeof resolution !== 'string') throw new ValidationError('resolution must be a string such as 1280x720');
    options.resolution = resolution;
  }
  return options;
}

/** Builds the app around an OpenTok client and an existing (routed) session ID. */
function createApp({ opentok, apiKey, sessionId }) {
  const app = express();
  app.set('views', path.join(__dirname, 'views'));
  app.set('view engine', 'ejs');
  app.use(express.json());
  app.use(express.urlencoded({ extended: false }));

  // The broadcast last started by this app (kept in memory; one per app).
  let current;

  /** Wraps an async JSON handler: rejections become `{error}` answers with errorStatus(). */
  const json = (handler) => (req, res) => {
    handler(req, res).catch((error) => res.status(errorStatus(error)).json(errorBody(error)));
  };
  const noBroadcast = (res) => res.status(404).json({ error: 'No broadcast has been started' });

  app.get('/', (req, res) => {
    // The host moderates: a moderator token, valid 24 hours.
    const token = opentok.generateToken(sessionId, { role: 'moderator' });
    res.render('index', { apiKey, sessionId, token });
  });

  app.get('/participant', (req, res) => {
    const token = opentok.generateToken(sessionId, { role: 'publisher' });
    res.render('participant', { apiKey, sessionId, token });
  });

  app.post('/start', json(async (req, res) => {
    const options = broadcastOptions(req.body);
    const [broadcast] = await call((cb) => opentok.startBroadcast(sessionId, options, cb));
    current = broadcast;
    res.json(broadcast);
  }));

  app.get('/status', json(async (req, res) => {
    if (!current) return noBroadcast(res);
    const [broadcast] = await call((cb) => opentok.getBroadcast(current.id, cb));
    current = broadcast;
    return res.json(broadcast);
  }));

  app.post('/stop', json(async (req, res) => {
    if (!current) return noBroadcast(res);
    const [broadcast] = await call((cb) => opentok.stopBroadcast(current.id, cb));
    current = broadcast;
    return res.json(broadcast);
  }));

  app.post('/layout', json(async (req, res) => {
    if (!current) return noBroadcast(res);
    const { type } = req.body || {};
    if (typeof type !== 'string' || type === '') throw new ValidationError('type is required');
    // The service validates the type (bestFit, pip, verticalPresentation, ...): 400 otherwise.
    await call((cb) => opentok.setBroadcastLayout(current.id, type, cb));
    return res.json({ id: current.id, layout: { type } });
  }));

  return app;
}

module.exports = { createApp, errorStatus };
