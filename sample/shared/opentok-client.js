'use strict';
// How every sample gets its OpenTok client: real credentials from API_KEY / API_SECRET (and
// optionally API_URL), or, when they are absent, the local OpenTok emulator started in-process so
// the sample runs offline with no account.
const OpenTok = require('opentok');
const { Emulator } = require('opentok/emulator');

/**
 * Resolves to `{ opentok, apiKey, emulator }`; `emulator` is set when the emulator was started (its
 * `close()` is the caller's to call). `env` defaults to process.env; `log` to console.log.
 */
async function createOpenTok({ env = process.env, log = console.log } = {}) {
  if (env.API_KEY && env.API_SECRET) {
    const opentok = env.API_URL
      ? new OpenTok(env.API_KEY, env.API_SECRET, { apiUrl: env.API_URL })
      : new OpenTok(env.API_KEY, env.API_SECRET);
    return { opentok, apiKey: env.API_KEY, emulator: undefined };
  }
  const emulator = await Emulator.start();
  const { apiKey, apiSecret } = emulator.project;
  log(`API_KEY and API_SECRET are not set: using the local OpenTok emulator at ${emulator.url} (API key ${apiKey}).`);
  const opentok = new OpenTok(apiKey, apiSecret, { apiUrl: emulator.url });
  return { opentok, apiKey, emulator };
}

/** Turns an error-first callback call into a promise (for the samples' async route handlers). */
function call(fn) {
  return new Promise((resolve, reject) => {
    fn((error, ...results) => (error ? reject(error) : resolve(results)));
  });
}

module.exports = { createOpenTok, call };
