'use strict';
// Starts the SIP sample: `node sample/SipInterconnect/index.js`. Uses API_KEY/API_SECRET (and
// API_URL) when set, otherwise the local OpenTok emulator. PORT defaults to 3000.
const { startSample, runIfMain } = require('../shared/start-sample');
const { createApp } = require('./app');

/** Resolves to `{ url, server, session, opentok, emulator, stop }`. */
function start(options = {}) {
  return startSample({ name: 'SipInterconnect sample', createApp, ...options });
}

runIfMain(module, start);

module.exports = { start };
