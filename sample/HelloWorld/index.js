'use strict';
// Starts HelloWorld: `npm start` (or `node sample/HelloWorld/index.js`). Uses API_KEY/API_SECRET
// when set, otherwise the local OpenTok emulator. PORT defaults to 3000.
const { createOpenTok, call } = require('../shared/opentok-client');
const { createApp } = require('./app');

async function start({ port = Number(process.env.PORT || 3000), env = process.env, log = console.log } = {}) {
  const { opentok, apiKey, emulator } = await createOpenTok({ env, log });
  const [session] = await call((cb) => opentok.createSession({ mediaMode: 'routed' }, cb));
  const app = createApp({ opentok, apiKey, sessionId: session.sessionId });
  const server = await new Promise((resolve) => {
    const listening = app.listen(port, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  log(`HelloWorld is running at ${url}`);
  const stop = async () => {
    await new Promise((resolve) => server.close(resolve));
    if (emulator) await emulator.close();
  };
  return { url, server, session, emulator, stop };
}

if (require.main === module) {
  start().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { start };
