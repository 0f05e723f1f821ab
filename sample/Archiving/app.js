'use strict';
// Archiving: a host page that starts and stops recordings of one session, a participant page, and
// the history of the project's archives with download and delete links.
const path = require('path');
const express = require('express');
const { call } = require('../shared/opentok-client');

const PAGE_SIZE = 5;
const OUTPUT_MODES = ['composed', 'individual'];

/** Status of the sample's answer for an SDK error: OpenTok's 400/404/409 pass through, the rest is a 500. */
function statusOf(error) {
  return [400, 404, 409].includes(error.statusCode) ? error.statusCode : 500;
}

/** Builds the app around an OpenTok client and an existing routed session ID. */
function createApp({ opentok, apiKey, sessionId }) {
  const app = express();
  app.set('views', path.join(__dirname, 'views'));
  app.set('view engine', 'ejs');

  // Express 4 does not catch rejected promises: hand them to the error handlers below.
  const route = (handler) => (req, res, next) => handler(req, res).catch(next);

  app.get('/', (req, res) => res.render('index'));

  app.get('/host', (req, res) => {
    const token = opentok.generateToken(sessionId, { role: 'moderator' });
    res.render('host', { apiKey, sessionId, token });
  });

  app.get('/participant', (req, res) => {
    const token = opentok.generateToken(sessionId, { role: 'publisher' });
    res.render('participant', { apiKey, sessionId, token });
  });

  app.get('/history', route(async (req, res) => {
    const pageNumber = Math.max(1, Number.parseInt(req.query.page, 10) || 1);
    const offset = (pageNumber - 1) * PAGE_SIZE;
    const [archives, total] = await call((cb) => opentok.listArchives({ offset, count: PAGE_SIZE }, cb));
    res.render('history', {
      archives,
      total,
      pageNumber,
      previous: pageNumber > 1 ? `/history?page=${pageNumber - 1}` : null,
      next: total > offset + PAGE_SIZE ? `/history?page=${pageNumber + 1}` : null,
    });
  }));

  app.get('/download/:archiveId', route(async (req, res) => {
    const [archive] = await call((cb) => opentok.getArchive(req.params.archiveId, cb));
    if (!archive.url) {
      res.status(404).render('error', { status: 404, message: `Archive ${archive.id} is ${archive.status}: it has no download yet.` });
      return;
    }
    res.redirect(archive.url);
  }));

  app.get('/delete/:archiveId', route(async (req, res) => {
    await call((cb) => opentok.deleteArchive(req.params.archiveId, cb));
    res.redirect('/history');
  }));

  // The JSON API the host page calls; its errors are answered as JSON `{ error }`.
  const api = express.Router();
  api.use(express.json());

  api.post('/start', route(async (req, res) => {
    const { hasAudio = true, hasVideo = true, outputMode = 'composed' } = req.body || {};
    if (typeof hasAudio !== 'boolean' || typeof hasVideo !== 'boolean' || !OUTPUT_MODES.includes(outputMode)) {
      res.status(400).json({ error: 'Expected {hasAudio: boolean, hasVideo: boolean, outputMode: "composed"|"individual"}' });
      return;
    }
    const options = { name: 'Node Archiving Sample App', hasAudio, hasVideo, outputMode };
    const [archive] = await call((cb) => opentok.startArchive(sessionId, options, cb));
    res.json(archive);
  }));

  api.get('/stop/:archiveId', route(async (req, res) => {
    const [archive] = await call((cb) => opentok.stopArchive(req.params.archiveId, cb));
    res.json(archive);
  }));

  // eslint-disable-next-line no-unused-vars -- Express recognises error handlers by their 4 parameters.
  api.use((error, req, res, next) => res.status(statusOf(error)).json({ error: error.message }));
  app.use(api);

  // eslint-disable-next-line no-unused-vars -- Express recognises error handlers by their 4 parameters.
  app.use((error, req, res, next) => {
    const status = statusOf(error);
    res.status(status).render('error', { status, message: error.message });
  });

  return app;
}

module.exports = { createApp };
