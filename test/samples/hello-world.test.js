'use strict';
// HelloWorld sample: started in emulator mode (no credentials) and in credentials mode (API_KEY,
// API_SECRET and API_URL of a separately started emulator), driven over real HTTP.
const path = require('path');
const { spawn } = require('child_process');
const { expect } = require('chai');
const jwt = require('jsonwebtoken');
const { Emulator } = require('opentok/emulator');
const { start } = require('../../sample/HelloWorld');

const SAMPLE = path.join(__dirname, '../../sample/HelloWorld');
const URL_PATTERN = /^http:\/\/127\.0\.0\.1:\d+\/$/;

/** The text of `<dd id="…">` on the page (values are plain identifiers, nothing to unescape). */
function field(html, id) {
  const match = new RegExp(`<dd id="${id}">([^<]*)</dd>`).exec(html);
  expect(match, `#${id} on the page`).to.not.equal(null);
  return match[1];
}

async function getPage(url) {
  const response = await fetch(url);
  expect(response.status).to.equal(200);
  expect(response.headers.get('content-type')).to.equal('text/html; charset=utf-8');
  const html = await response.text();
  return { html, apiKey: field(html, 'apiKey'), sessionId: field(html, 'sessionId'), token: field(html, 'token') };
}

/** Rejects when nothing answers at `url` any more. */
async function expectClosed(url) {
  const error = await fetch(url).then(
    () => null,
    (failure) => failure,
  );
  expect(error, `${url} still answers`).to.be.an.instanceof(TypeError);
  expect(error.cause.code).to.equal('ECONNREFUSED');
}

/** Runs `node <args>` and resolves to {code, stdout, stderr}; kills it (by its pid) after `timeoutMs`. */
function runNode(args, { env = process.env, timeoutMs = 5000, onStdout } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')} did not exit within ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (onStdout) onStdout(stdout, child);
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('sample/HelloWorld', () => {
  describe('without credentials (emulator mode)', () => {
    let app;
    let logs;

    beforeEach(async () => {
      logs = [];
      app = await start({ port: 0, env: {}, log: (line) => logs.push(line) });
    });

    afterEach(async () => {
      if (app) await app.stop();
      app = undefined;
    });

    it('starts the emulator and logs it, then logs the URL of the app', () => {
      const { apiKey } = app.emulator.project;
      expect(app.emulator.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(app.url).to.match(URL_PATTERN);
      expect(app.url).to.equal(`http://127.0.0.1:${app.server.address().port}/`);
      expect(logs).to.deep.equal([
        `API_KEY and API_SECRET are not set: using the local OpenTok emulator at ${app.emulator.url} (API key ${apiKey}).`,
        `HelloWorld is running at ${app.url}`,
        `Emulator mode: the pages load the emulator's OpenTok.js stand-in (${app.emulator.url}/_emulator/opentok.js); its dashboard is ${app.emulator.url}/`,
      ]);
    });

    it('creates one routed session in the emulator', () => {
      const sessions = app.emulator.projects.get(app.emulator.project.apiKey).sessions;
      expect([...sessions.keys()]).to.deep.equal([app.session.sessionId]);
      expect(sessions.get(app.session.sessionId).mediaMode).to.equal('routed');
    });

    it('serves a page with the API key, the session ID and a publisher token of that session', async () => {
      const { apiKey, apiSecret } = app.emulator.project;
      const page = await getPage(app.url);
      expect(page.apiKey).to.equal(apiKey);
      expect(page.sessionId).to.equal(app.session.sessionId);

      const claims = jwt.verify(page.token, apiSecret, { algorithms: ['HS256'], issuer: apiKey });
      expect(claims).to.include({ session_id: app.session.sessionId, role: 'publisher', scope: 'session.connect' });
      expect(claims.expire_time - claims.create_time).to.equal(24 * 60 * 60);
      expect(() => jwt.verify(page.token, 'another secret', { algorithms: ['HS256'] })).to.throw('invalid signature');

      const client = app.emulator.connectClient({ token: page.token, sessionId: page.sessionId });
      expect(client.sessionId).to.equal(app.session.sessionId);
      expect(client.role).to.equal('publisher');
      expect(client.connected).to.equal(true);
      expect(client.publish({ name: 'camera' })).to.be.a('string');
    });

    it('loads the emulator\'s OpenTok.js stand-in and says so in a banner', async () => {
      const { html } = await getPage(app.url);
      expect(html).to.include(`<script src="${app.emulator.url}/_emulator/opentok.js"></script>`);
      expect(html).to.not.include('static.opentok.com');
      expect(html).to.include('<p id="emulator-banner"');
      expect(html).to.include(`<a href="${app.emulator.url}/">its dashboard</a>`);
    });

    it('gives every visitor a fresh token', async () => {
      const first = await getPage(app.url);
      const second = await getPage(app.url);
      expect(second.token).to.not.equal(first.token);
      expect(second.sessionId).to.equal(first.sessionId);
      for (const { token } of [first, second]) {
        expect(app.emulator.connectClient({ token, sessionId: app.session.sessionId }).connected).to.equal(true);
      }
    });

    it('answers 404 for other paths', async () => {
      const response = await fetch(new URL('/nothing-here', app.url));
      expect(response.status).to.equal(404);
      await response.text();
    });

    it('stop() closes the app and the emulator', async () => {
      const { url, emulator } = app;
      await getPage(url);
      await app.stop();
      app = undefined;
      await expectClosed(url);
      await expectClosed(`${emulator.url}/_emulator/project`);
    });
  });

  describe('with API_KEY, API_SECRET and API_URL (credentials mode)', () => {
    let emulator;
    let project;
    let app;
    let logs;

    beforeEach(async () => {
      emulator = await Emulator.start({ port: 0 });
      // A second project, so the app can only reach it through the given credentials.
      project = emulator.createProject();
      logs = [];
    });

    afterEach(async () => {
      if (app) await app.stop();
      app = undefined;
      await emulator.close();
    });

    it('uses the given project: no emulator of its own, a session and tokens of that project', async () => {
      const env = { API_KEY: project.apiKey, API_SECRET: project.apiSecret, API_URL: emulator.url };
      app = await start({ port: 0, env, log: (line) => logs.push(line) });
      expect(app.emulator).to.equal(undefined);
      expect(app.url).to.match(URL_PATTERN);
      expect(logs).to.deep.equal([`HelloWorld is running at ${app.url}`]);

      const sessions = emulator.projects.get(project.apiKey).sessions;
      expect([...sessions.keys()]).to.deep.equal([app.session.sessionId]);
      expect(emulator.projects.get(emulator.project.apiKey).sessions.size).to.equal(0);

      const page = await getPage(app.url);
      expect(page.apiKey).to.equal(project.apiKey);
      expect(page.sessionId).to.equal(app.session.sessionId);
      const claims = jwt.verify(page.token, project.apiSecret, { algorithms: ['HS256'], issuer: project.apiKey });
      expect(claims).to.include({ session_id: app.session.sessionId, role: 'publisher' });
      const client = emulator.connectClient({ token: page.token, sessionId: page.sessionId });
      expect(client.role).to.equal('publisher');
    });

    it('loads the real OpenTok.js from its CDN, with no emulator banner', async () => {
      const env = { API_KEY: project.apiKey, API_SECRET: project.apiSecret, API_URL: emulator.url };
      app = await start({ port: 0, env, log: (line) => logs.push(line) });
      const { html } = await getPage(app.url);
      expect(html).to.include('<script src="https://static.opentok.com/v2/js/opentok.min.js"></script>');
      expect(html).to.not.include('_emulator');
      expect(html).to.not.include('emulator-banner');
    });

    it('stop() closes the app but leaves the service alone', async () => {
      const env = { API_KEY: project.apiKey, API_SECRET: project.apiSecret, API_URL: emulator.url };
      app = await start({ port: 0, env, log: (line) => logs.push(line) });
      const { url } = app;
      await app.stop();
      app = undefined;
      await expectClosed(url);
      const response = await fetch(`${emulator.url}/_emulator/project`);
      expect(response.status).to.equal(200);
      await response.text();
    });

    it('fails to start with a wrong secret, without listening', async () => {
      const env = { API_KEY: project.apiKey, API_SECRET: 'wrong', API_URL: emulator.url };
      const error = await start({ port: 0, env, log: (line) => logs.push(line) }).then(
        () => null,
        (failure) => failure,
      );
      expect(error).to.be.an.instanceof(Error);
      expect(error.name).to.equal('AuthError');
      expect(error.message).to.equal('Failed to createSession. Error: Invalid API key or secret');
      expect(logs).to.deep.equal([]);
    });
  });

  describe('as a program', () => {
    it('exits by itself once stop() is done', async () => {
      const script = `
        require(${JSON.stringify(SAMPLE)}).start({ port: 0, env: {}, log: () => {} }).then(async (app) => {
          const response = await fetch(app.url);
          console.log(response.status, (await response.text()).includes(app.session.sessionId));
          await app.stop();
        });`;
      const result = await runNode(['-e', script]);
      expect(result).to.deep.include({ code: 0, signal: null, stdout: '200 true\n', stderr: '' });
    });

    it('a taken PORT is one line on stderr that names PORT, and exit code 1', async () => {
      const blocker = require('http').createServer();
      await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const port = blocker.address().port;
      try {
        const env = { ...process.env, PORT: String(port) };
        delete env.API_KEY;
        delete env.API_SECRET;
        delete env.API_URL;
        const result = await runNode([path.join(SAMPLE, 'index.js')], { env });
        expect(result.code).to.equal(1);
        expect(result.stderr).to.equal(`Port ${port} is already in use: set PORT to a free port, e.g. PORT=${port + 1}\n`);
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    });

    it('`node sample/HelloWorld/index.js` serves the page on PORT with the emulator', async () => {
      const env = { ...process.env, PORT: '0' };
      delete env.API_KEY;
      delete env.API_SECRET;
      delete env.API_URL;
      let served;
      const result = await runNode([path.join(SAMPLE, 'index.js')], {
        env,
        onStdout: (stdout, child) => {
          const match = /HelloWorld is running at (\S+)/.exec(stdout);
          if (match && !served) {
            served = getPage(match[1]).finally(() => child.kill('SIGTERM'));
          }
        },
      });
      const page = await served;
      expect(result.signal).to.equal('SIGTERM');
      expect(result.stdout).to.match(/^API_KEY and API_SECRET are not set: using the local OpenTok emulator at http:\/\/127\.0\.0\.1:\d+ \(API key (\d+)\)\.\nHelloWorld is running at http:\/\/127\.0\.0\.1:\d+\/\nEmulator mode: the pages load the emulator's OpenTok\.js stand-in \(http:\/\/127\.0\.0\.1:\d+\/_emulator\/opentok\.js\); its dashboard is http:\/\/127\.0\.0\.1:\d+\/\n$/);
      expect(result.stdout).to.include(`(API key ${page.apiKey})`);
      expect(page.token).to.match(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    });
  });
});
