'use strict';
// Starts the Broadcast sample: `node sample/Broadcast/index.js`. Uses API_KEY/API_SECRET when set,
// otherwise the local OpenTok emulator. PORT defaults to 3000.
const { createOpenTok, call } = require('../shared/opentok-client');
const { createApp } = require('./app');

/**
 * Creates a routed session (broadcasts need one), serves the app on 127.0.0.1:`port` and resolves
 * to `{ url, server, session, opentok, emulator, stop }`.
 */
async function start({ port = Number(process.env.PORT || 3000), env = process.env, log = console.log } = {}) {
  const { opentok, apiKey, emulator } = await createOpenTok({ env, log });
  try {
    const [session] = await call((cb) => opentok.createSession({ mediaMode: 'routed' }, cb));
    const app = createApp({ opentok, apiKey, sessionId: session.sessionId });
    const server = await new Promise((resolve, reject) => {
      const listening = app.listen(port, '127.0.0.1', () => resolve(listening));
      listening.once('error', reject);
    });
    const url = `http://127.0.0.1:${server.address().port}/`;
    log(`Broadcast sample is running at ${url}`);
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

if (require.main === module) {
  start().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { start };
