'use strict';
// HelloWorld: one session, and a page that gives a browser what OpenTok.js needs to join it.
const path = require('path');
const express = require('express');

/** Builds the app around an OpenTok client and an existing session ID. */
function createApp({ opentok, apiKey, sessionId }) {
  const app = express();
  app.set('views', path.join(__dirname, 'views'));
  app.set('view engine', 'ejs');

  app.get('/', (req, res) => {
    // A fresh token for every visitor: publisher role, valid 24 hours.
    const token = opentok.generateToken(sessionId);
    res.render('index', { apiKey, sessionId, token });
  });

  return app;
}

module.exports = { createApp };
