'use strict';
// The start-up every sample shares: an OpenTok client (real credentials or the emulator), one
// routed session, the app listening on 127.0.0.1, and a stop() that leaves nothing running.
const { createOpenTok, call } = require('./opentok-client');

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
    const server = await new Promise((resolve, reject) => {
      const listening = app.listen(port, '127.0.0.1', () => resolve(listening));
      listening.once('error', reject);
    });
    const url = `http://127.0.0.1:${server.address().port}/`;
    log(`${name} is running at ${url}`);
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
    console.error(error);
    process.exit(1);
  });
}

module.exports = { startSample, runIfMain };
