'use strict';
// The start-up every sample shares: an OpenTok client (real credentials or the emulator), one
// routed session, the app listening on 127.0.0.1, and a stop() that leaves nothing running.
const path = require('path');
const { createOpenTok, call } = require('./opentok-client');

/** The real OpenTok.js, for pages of a sample that runs with real credentials. */
const OPENTOK_JS_CDN = 'https://static.opentok.com/v2/js/opentok.min.js';

/** The views every sample shares (`<%- include(sharedView('opentok-js')) %>`). */
const SHARED_VIEWS = path.join(__dirname, 'views');

/**
 * What the pages need to load OpenTok.js: in emulator mode the stand-in the emulator serves (it
 * joins the emulator's sessions and needs no network), otherwise the CDN's OpenTok.js.
 */
function openTokJs(emulator) {
  return emulator
    ? { scriptUrl: `${emulator.url}/_emulator/opentok.js`, emulatorUrl: emulator.url, dashboardUrl: emulator.dashboardUrl }
    : { scriptUrl: OPENTOK_JS_CDN, emulatorUrl: null, dashboardUrl: null };
}

/** The error of a port that is taken, as one line that says what to do. */
function portTakenError(port, error) {
  const taken = new Error(`Port ${port} is already in use: set PORT to a free port, e.g. PORT=${port + 1}`);
  taken.code = error.code;
  taken.cause = error;
  return taken;
}

/**
 * Starts a sample app built by `createApp({ opentok, apiKey, sessionId })` and resolves to
 * `{ url, server, session, opentok, emulator, stop }`. If anything fails (the port is taken, the
 * credentials are wrong), whatever was started is stopped and the promise rejects.
 */
async function startSample({ name, createApp, port = Number(process.env.PORT || 3000), env = process.env, log = console.log }) {
  const { opentok, apiKey, emulator } = await createOpenTok({ env, log });
  try {
    // Archives, broadcasts and SIP calls need the OpenTok Media Router: a routed session.
    const [session] = await call((cb) => opentok.createSession({ mediaMode: 'routed' }, cb));
    const app = createApp({ opentok, apiKey, sessionId: session.sessionId });
    app.locals.openTok = openTokJs(emulator);
    app.locals.sharedView = (view) => path.join(SHARED_VIEWS, `${view}.ejs`);
    const server = await new Promise((resolve, reject) => {
      const listening = app.listen(port, '127.0.0.1', () => resolve(listening));
      listening.once('error', (error) => reject(error.code === 'EADDRINUSE' ? portTakenError(port, error) : error));
    });
    const url = `http://127.0.0.1:${server.address().port}/`;
    log(`${name} is running at ${url}`);
    if (emulator) {
      log(`Emulator mode: the pages load the emulator's OpenTok.js stand-in (${app.locals.openTok.scriptUrl}); its dashboard is ${emulator.dashboardUrl}`);
    }
    const stop = async () => {
      await new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (emulator) await emulator.close();
    };
    return { url, server, session, opentok, emulator, stop };
  } catch (error) {
    if (emulator) await emulator.close();
    throw error;
  }
}

/** Runs `start()` when the sample's index.js is executed directly. */
function runIfMain(module, start) {
  if (require.main !== module) return;
  start().catch((error) => {
    // A taken port is the user's to fix, in one line; anything else is worth its stack.
    console.error(error.code === 'EADDRINUSE' ? error.message : error);
    process.exit(1);
  });
}

module.exports = { startSample, runIfMain };
