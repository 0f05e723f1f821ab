'use strict';
// Archiving sample in emulator mode, every route driven over real HTTP with a simulated client in
// the session (the service archives only sessions with connected clients).
const path = require('path');
const { spawn } = require('child_process');
const { expect } = require('chai');
const jwt = require('jsonwebtoken');
const OpenTok = require('opentok');
const { start } = require('../../sample/Archiving');

const SAMPLE = path.join(__dirname, '../../sample/Archiving');
const NAME = 'Node Archiving Sample App';

/** Undoes EJS's escaping (`& < > " '`). */
function unescapeHtml(text) {
  const entities = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#34;': '"', '&#39;': "'" };
  return text.replace(/&(amp|lt|gt|#34|#39);/g, (entity) => entities[entity]);
}

/** The text of `<dd id="…">` on a page. */
function field(html, id) {
  const match = new RegExp(`<dd id="${id}">([^<]*)</dd>`).exec(html);
  expect(match, `#${id} on the page`).to.not.equal(null);
  return unescapeHtml(match[1]);
}

/** The archive rows of a history page: [{id, name, status, duration, size, links}]. */
function historyRows(html) {
  const rows = [];
  const pattern = /<tr class="archive" data-id="([^"]*)">([\s\S]*?)<\/tr>/g;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    const cells = [...match[2].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1].trim());
    rows.push({
      id: match[1],
      name: unescapeHtml(cells[0]),
      status: cells[1],
      created: cells[2],
      duration: cells[3],
      size: cells[4],
      links: [...cells[5].matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((link) => `${link[2]} ${link[1]}`),
    });
  }
  return rows;
}

describe('sample/Archiving', () => {
  let app;
  let logs;
  let apiKey;
  let apiSecret;
  let sessionId;

  /** GET (or another method) on the app without following redirects. */
  async function request(route, init = {}) {
    const response = await fetch(new URL(route, app.url), { redirect: 'manual', ...init });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  async function page(route, status = 200) {
    const response = await request(route);
    expect(response.status, `GET ${route}: ${response.text}`).to.equal(status);
    expect(response.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    return response.text;
  }

  async function api(route, { method = 'GET', body, status = 200 } = {}) {
    const init = { method };
    if (body !== undefined) {
      init.headers = { 'Content-Type': 'application/json' };
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await request(route, init);
    expect(response.status, `${method} ${route}: ${response.text}`).to.equal(status);
    expect(response.headers.get('content-type')).to.equal('application/json; charset=utf-8');
    return JSON.parse(response.text);
  }

  const startArchive = (body = {}, status = 200) => api('/start', { method: 'POST', body, status });
  const stopArchive = (archiveId, status = 200) => api(`/stop/${archiveId}`, { status });

  /** The emulator's record of an archive. */
  const stored = (archiveId) => app.emulator.projects.get(apiKey).archives.get(archiveId);

  /** Connects a simulated participant with the participant page's token, publishing a camera. */
  async function joinAsParticipant() {
    const token = field(await page('/participant'), 'token');
    const client = app.emulator.connectClient({ token, sessionId });
    client.publish({ name: 'camera' });
    return client;
  }

  /** Polls GET /download/:id until it redirects (the emulator makes the file within ~200 ms). */
  async function downloadWhenAvailable(archiveId) {
    const deadline = Date.now() + 2000;
    for (;;) {
      const response = await request(`/download/${archiveId}`);
      if (response.status === 302) return response.headers.get('location');
      expect(response.status, response.text).to.equal(404);
      expect(unescapeHtml(response.text)).to.include(`Archive ${archiveId} is stopped: it has no download yet.`);
      if (Date.now() > deadline) throw new Error(`archive ${archiveId} still not available after 2 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  beforeEach(async () => {
    logs = [];
    app = await start({ port: 0, env: {}, log: (line) => logs.push(line) });
    ({ apiKey, apiSecret } = app.emulator.project);
    sessionId = app.session.sessionId;
  });

  afterEach(async () => {
    if (app) await app.stop();
    app = undefined;
  });

  describe('start', () => {
    it('starts the emulator, creates a routed session and logs the URL', () => {
      expect(app.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(logs).to.deep.equal([
        `API_KEY and API_SECRET are not set: using the local OpenTok emulator at ${app.emulator.url} (API key ${apiKey}).`,
        `Archiving is running at ${app.url}`,
        `Emulator mode: the pages load the emulator's OpenTok.js stand-in (${app.emulator.url}/_emulator/opentok.js); its dashboard is ${app.emulator.url}/`,
      ]);
      const sessions = app.emulator.projects.get(apiKey).sessions;
      expect([...sessions.keys()]).to.deep.equal([sessionId]);
      expect(sessions.get(sessionId).mediaMode).to.equal('routed');
    });

    it('stop() closes the app and the emulator', async () => {
      const { url, emulator } = app;
      await app.stop();
      app = undefined;
      for (const closed of [url, `${emulator.url}/_emulator/project`]) {
        const error = await fetch(closed).then(() => null, (failure) => failure);
        expect(error, `${closed} still answers`).to.be.an.instanceof(TypeError);
        expect(error.cause.code).to.equal('ECONNREFUSED');
      }
    });

    it('rejects when the port is taken, leaving nothing running', async () => {
      const taken = new URL(app.url).port;
      const otherLogs = [];
      const error = await start({ port: Number(taken), env: {}, log: (line) => otherLogs.push(line) }).then(
        () => null,
        (failure) => failure,
      );
      expect(error).to.be.an.instanceof(Error);
      expect(error.code).to.equal('EADDRINUSE');
      expect(otherLogs).to.have.length(1);
      const emulatorUrl = /local OpenTok emulator at (\S+) /.exec(otherLogs[0])[1];
      expect(emulatorUrl).to.not.equal(app.emulator.url);
      const closed = await fetch(`${emulatorUrl}/_emulator/project`).then(() => null, (failure) => failure);
      expect(closed).to.be.an.instanceof(TypeError);
      expect(closed.cause.code).to.equal('ECONNREFUSED');
      // The running app is untouched.
      expect((await request('/')).status).to.equal(200);
    });

    it('lets the process exit by itself after stop(), even with an archive being processed', async () => {
      const script = `
        const { start } = require(${JSON.stringify(SAMPLE)});
        start({ port: 0, env: {}, log: () => {} }).then(async (app) => {
          const participant = await fetch(app.url + 'participant').then((r) => r.text());
          app.emulator.connectClient({ token: /<dd id="token">([^<]*)</.exec(participant)[1] });
          const post = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' };
          const archive = await fetch(app.url + 'start', post).then((r) => r.json());
          const stopped = await fetch(app.url + 'stop/' + archive.id).then((r) => r.json());
          console.log(stopped.status);
          await app.stop();
        });`;
      const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      const [code, signal] = await new Promise((resolve) => child.on('exit', (...args) => resolve(args)));
      clearTimeout(timer);
      expect({ code, signal, output }).to.deep.equal({ code: 0, signal: null, output: 'stopped\n' });
    });
  });

  describe('pages', () => {
    it('GET / links the host and participant pages', async () => {
      const html = await page('/');
      expect(html).to.include('<a id="host" href="/host">');
      expect(html).to.include('<a id="participant" href="/participant">');
      expect(html).to.include('<a href="/history">');
    });

    it('GET /host shows the API key, the session ID, a moderator token and the archiving buttons', async () => {
      const html = await page('/host');
      expect(field(html, 'apiKey')).to.equal(apiKey);
      expect(field(html, 'sessionId')).to.equal(sessionId);
      const token = field(html, 'token');
      const claims = jwt.verify(token, apiSecret, { algorithms: ['HS256'], issuer: apiKey });
      expect(claims).to.include({ session_id: sessionId, role: 'moderator', scope: 'session.connect' });
      expect(app.emulator.connectClient({ token, sessionId }).role).to.equal('moderator');
      expect(html).to.include('<button type="button" id="start">Start archiving</button>');
      expect(html).to.include('<button type="button" id="stop" disabled>Stop archiving</button>');
    });

    it('GET /participant shows a publisher token of the session', async () => {
      const html = await page('/participant');
      expect(field(html, 'apiKey')).to.equal(apiKey);
      expect(field(html, 'sessionId')).to.equal(sessionId);
      const token = field(html, 'token');
      const claims = jwt.verify(token, apiSecret, { algorithms: ['HS256'], issuer: apiKey });
      expect(claims).to.include({ session_id: sessionId, role: 'publisher' });
      const client = app.emulator.connectClient({ token, sessionId });
      expect(client.role).to.equal('publisher');
      expect(client.publish()).to.be.a('string');
      expect(html).to.not.include('id="start"');
    });

    it('GET /history with no archive says so', async () => {
      const html = await page('/history');
      expect(historyRows(html)).to.deep.equal([]);
      expect(html).to.include('<p id="empty">No archives yet.</p>');
      expect(html).to.include('Page 1 (0 archives in all).');
      expect(html).to.not.include('id="previous"');
      expect(html).to.not.include('id="next"');
    });

    it('answers 404 for other paths', async () => {
      expect((await request('/nothing-here')).status).to.equal(404);
    });
  });

  describe('an archive from start to delete', () => {
    it('starts, stops, lists, downloads and deletes it', async () => {
      await joinAsParticipant();

      // POST /start with the host page's options.
      const started = await startArchive({ hasAudio: true, hasVideo: false, outputMode: 'individual' });
      expect(started).to.include({
        status: 'started',
        name: NAME,
        sessionId,
        hasAudio: true,
        hasVideo: false,
        outputMode: 'individual',
        url: null,
        size: 0,
      });
      expect(started.id).to.be.a('string').that.is.not.empty;
      expect(stored(started.id)).to.include({ status: 'started', name: NAME, hasVideo: false, outputMode: 'individual' });

      // While it records: listed without links, no download.
      let rows = historyRows(await page('/history'));
      expect(rows).to.have.length(1);
      expect(rows[0]).to.include({ id: started.id, name: NAME, status: 'started', size: '0 bytes', duration: '0 s' });
      expect(rows[0].created).to.equal(new Date(started.createdAt).toISOString());
      expect(rows[0].links).to.deep.equal([]);
      const notYet = await page(`/download/${started.id}`, 404);
      expect(unescapeHtml(notYet)).to.include(`<p id="message">Archive ${started.id} is started: it has no download yet.</p>`);

      // GET /stop/:id.
      const stopped = await stopArchive(started.id);
      expect(stopped).to.include({ id: started.id, status: 'stopped', name: NAME, reason: 'user initiated', url: null });
      expect(stopped.duration).to.equal(1);

      // Available after processing: the download redirects to a URL serving the file.
      const location = await downloadWhenAvailable(started.id);
      expect(location).to.equal(`${app.emulator.url}/_emulator/archives/${started.id}/download`);
      const file = await fetch(location);
      expect(file.status).to.equal(200);
      expect(file.headers.get('content-type')).to.equal('video/mp4');
      const bytes = Buffer.from(await file.arrayBuffer());
      const { size } = stored(started.id);
      expect(size).to.be.above(0);
      expect(bytes.length).to.equal(size);
      expect(bytes.toString('latin1', 4, 8)).to.equal('ftyp');

      rows = historyRows(await page('/history'));
      expect(rows).to.have.length(1);
      expect(rows[0]).to.include({ id: started.id, status: 'available', size: `${size} bytes`, duration: '1 s' });
      expect(rows[0].links).to.deep.equal([`Download /download/${started.id}`, `Delete /delete/${started.id}`]);

      // GET /delete/:id redirects to the history, which no longer has it.
      const deleted = await request(`/delete/${started.id}`);
      expect(deleted.status).to.equal(302);
      expect(deleted.headers.get('location')).to.equal('/history');
      expect(stored(started.id)).to.equal(undefined);
      const history = await page('/history');
      expect(historyRows(history)).to.deep.equal([]);
      expect(history).to.include('No archives yet.');

      // Gone: download, stop and delete say so.
      expect(unescapeHtml(await page(`/download/${started.id}`, 404))).to.include('<p id="message">Archive not found</p>');
      expect(unescapeHtml(await page(`/delete/${started.id}`, 404))).to.include('<p id="message">Archive not found</p>');
      expect(await stopArchive(started.id, 404)).to.deep.equal({ error: 'Archive not found' });
    });

    it('records audio and video, composed, when the body gives no option', async () => {
      await joinAsParticipant();
      const archive = await startArchive({});
      expect(archive).to.include({ status: 'started', name: NAME, hasAudio: true, hasVideo: true, outputMode: 'composed' });
      expect(stored(archive.id)).to.include({ hasAudio: true, hasVideo: true, outputMode: 'composed' });
      await stopArchive(archive.id);
      const another = await api('/start', { method: 'POST' });
      expect(another).to.include({ status: 'started', hasAudio: true, hasVideo: true, outputMode: 'composed' });
    });

    it('marks an archive stopped when the last client leaves', async () => {
      const client = await joinAsParticipant();
      const archive = await startArchive();
      client.disconnect();
      const [row] = historyRows(await page('/history'));
      expect(row).to.include({ id: archive.id, status: 'stopped' });
      expect(row.links).to.deep.equal([`Delete /delete/${archive.id}`]);
    });
  });

  describe('errors', () => {
    it('POST /start without a connected client: 404 JSON error, no archive', async () => {
      expect(await startArchive({}, 404)).to.deep.equal({ error: 'Session not found' });
      expect(app.emulator.projects.get(apiKey).archives.size).to.equal(0);
    });

    it('POST /start while recording: 409 JSON error', async () => {
      await joinAsParticipant();
      await startArchive();
      expect(await startArchive({}, 409)).to.deep.equal({
        error: 'Recording already in progress or session not using OpenTok Media Router',
      });
      expect(app.emulator.projects.get(apiKey).archives.size).to.equal(1);
    });

    it('POST /start with neither audio nor video: the service 400 as a 400 JSON error', async () => {
      await joinAsParticipant();
      expect(await startArchive({ hasAudio: false, hasVideo: false }, 400)).to.deep.equal({
        error: 'Unexpected response from OpenTok: "{"message":"hasAudio and hasVideo cannot both be false"}"',
      });
    });

    it('POST /start with ill-typed options or malformed JSON: 400 JSON error, nothing sent to OpenTok', async () => {
      await joinAsParticipant();
      const expected = { error: 'Expected {hasAudio: boolean, hasVideo: boolean, outputMode: "composed"|"individual"}' };
      expect(await startArchive({ hasAudio: 'yes' }, 400)).to.deep.equal(expected);
      expect(await startArchive({ hasVideo: 1 }, 400)).to.deep.equal(expected);
      expect(await startArchive({ outputMode: 'mixed' }, 400)).to.deep.equal(expected);
      const malformed = await startArchive('{"hasAudio":', 400);
      expect(Object.keys(malformed)).to.deep.equal(['error']);
      expect(malformed.error).to.be.a('string').that.is.not.empty;
      expect(app.emulator.projects.get(apiKey).archives.size).to.equal(0);
    });

    it('POST /start when OpenTok fails: 500 JSON error', async () => {
      await joinAsParticipant();
      app.emulator.faults.add({ method: 'POST', path: `/v2/project/${apiKey}/archive`, status: 500, body: { message: 'boom' }, times: 1 });
      expect(await startArchive({}, 500)).to.deep.equal({ error: 'Unexpected response from OpenTok: "{"message":"boom"}"' });
      expect((await startArchive()).status).to.equal('started');
    });

    it('GET /stop of an unknown archive: 404 JSON error', async () => {
      expect(await stopArchive('00000000-0000-0000-0000-000000000000', 404)).to.deep.equal({ error: 'Archive not found' });
    });

    it('GET /stop of a stopped archive: 409 JSON error', async () => {
      await joinAsParticipant();
      const archive = await startArchive();
      await stopArchive(archive.id);
      expect(await stopArchive(archive.id, 409)).to.deep.equal({
        error: 'Conflict. You are trying to stop an archive that is not recording.',
      });
    });

    it('GET /delete of a recording archive: 409 page, escaped, and the archive is kept', async () => {
      await joinAsParticipant();
      const archive = await startArchive();
      const html = await page(`/delete/${archive.id}`, 409);
      expect(html).to.include('<h1>Error 409</h1>');
      expect(html).to.include(
        '<p id="message">Unexpected response from OpenTok: &#34;{&#34;message&#34;:&#34;Conflict. You cannot delete an archive that is recording.&#34;}&#34;</p>',
      );
      expect(stored(archive.id).status).to.equal('started');
    });

    it('GET /download of an unknown archive: 404 page', async () => {
      const html = await page('/download/unknown', 404);
      expect(html).to.include('<p id="message">Archive not found</p>');
    });

    it('GET /history when OpenTok fails: 500 page', async () => {
      app.emulator.faults.add({ method: 'GET', path: `/v2/project/${apiKey}/archive`, status: 503, body: { message: 'down' }, times: 1 });
      const html = await page('/history', 500);
      expect(unescapeHtml(html)).to.include('<p id="message">Unexpected response from OpenTok: "{"message":"down"}"</p>');
    });
  });

  describe('history', () => {
    /** Records `n` archives through the sample; resolves to their IDs, newest first. */
    async function recordArchives(n) {
      await joinAsParticipant();
      const ids = [];
      for (let i = 0; i < n; i += 1) {
        const { id } = await startArchive();
        await stopArchive(id);
        ids.unshift(id);
      }
      return ids;
    }

    it('shows 5 archives a page, newest first, with previous and next links', async () => {
      const ids = await recordArchives(12);

      const first = await page('/history');
      expect(historyRows(first).map((row) => row.id)).to.deep.equal(ids.slice(0, 5));
      expect(first).to.include('Page 1 (12 archives in all).');
      expect(first).to.not.include('id="previous"');
      expect(first).to.include('<a id="next" href="/history?page=2">Next</a>');

      const second = await page('/history?page=2');
      expect(historyRows(second).map((row) => row.id)).to.deep.equal(ids.slice(5, 10));
      expect(second).to.include('Page 2 (12 archives in all).');
      expect(second).to.include('<a id="previous" href="/history?page=1">Previous</a>');
      expect(second).to.include('<a id="next" href="/history?page=3">Next</a>');

      const third = await page('/history?page=3');
      expect(historyRows(third).map((row) => row.id)).to.deep.equal(ids.slice(10));
      expect(third).to.include('<a id="previous" href="/history?page=2">Previous</a>');
      expect(third).to.not.include('id="next"');

      const beyond = await page('/history?page=4');
      expect(historyRows(beyond)).to.deep.equal([]);
      expect(beyond).to.include('<p id="empty">No archives on this page.</p>');
      expect(beyond).to.include('<a id="previous" href="/history?page=3">Previous</a>');
    });

    it('has no next link when the archives exactly fill the page', async () => {
      const ids = await recordArchives(5);
      const html = await page('/history');
      expect(historyRows(html).map((row) => row.id)).to.deep.equal(ids);
      expect(html).to.not.include('id="next"');
    });

    it('treats a missing, invalid or non-positive page as page 1', async () => {
      const ids = await recordArchives(6);
      for (const query of ['', '?page=abc', '?page=0', '?page=-3', '?page=']) {
        const html = await page(`/history${query}`);
        expect(historyRows(html).map((row) => row.id), query).to.deep.equal(ids.slice(0, 5));
        expect(html, query).to.include('Page 1 (6 archives in all).');
      }
    });

    it('reloads itself while an archive is being processed (stopped), and not once it is available', async () => {
      const [id] = await recordArchives(1);
      await downloadWhenAvailable(id);
      const available = await page('/history');
      expect(historyRows(available)[0]).to.include({ id, status: 'available' });
      expect(available).to.not.include('id="processing"').and.to.not.include('location.reload');
      // The same archive as the service lists it while processing (the emulator takes ~200 ms).
      const processing = { ...stored(id), status: 'stopped', size: 0, url: null };
      app.emulator.faults.add({ method: 'GET', path: `/v2/project/${apiKey}/archive`, status: 200, body: { count: 1, items: [processing] }, times: 1 });
      const html = await page('/history');
      expect(historyRows(html)).to.deep.equal([{ ...historyRows(available)[0], status: 'stopped', size: '0 bytes', links: [`Delete /delete/${id}`] }]);
      expect(html).to.include('<p id="processing">An archive is being processed: this page reloads until it is available.</p>');
      expect(html).to.include('location.reload()');
    });

    it('escapes what it shows', async () => {
      await joinAsParticipant();
      // An archive started outside the sample, with markup in its name.
      const opentok = new OpenTok(apiKey, apiSecret, { apiUrl: app.emulator.url });
      const name = '<img src=x onerror="alert(1)">';
      const archive = await new Promise((resolve, reject) => {
        opentok.startArchive(sessionId, { name }, (error, result) => (error ? reject(error) : resolve(result)));
      });
      const html = await page('/history');
      expect(html).to.include('<td>&lt;img src=x onerror=&#34;alert(1)&#34;&gt;</td>');
      expect(html).to.not.include('<img');
      expect(historyRows(html)).to.deep.include({
        id: archive.id,
        name,
        status: 'started',
        created: new Date(archive.createdAt).toISOString(),
        duration: '0 s',
        size: '0 bytes',
        links: [],
      });
    });
  });
});
