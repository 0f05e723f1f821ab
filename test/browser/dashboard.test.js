'use strict';
/* global window, document -- in functions that run in the page */
// The emulator's dashboard (`/`) in headless Chromium: what the SDK and simulated clients do shows
// up on the open page without a reload (a session, its connections and streams, an archive through
// to its download link, a delivered event callback), its buttons connect, publish and disconnect a
// simulated client, connection data is shown as text, and a page of another origin cannot drive it.
const http = require('http');
const { expect } = require('chai');
const OpenTok = require('opentok');
const { Emulator } = require('opentok/emulator');
const { newContext, screenshot } = require('./support');
const { startReceiver, waitFor } = require('../emulator/support');

/** Connection data that would run script if the page rendered it as HTML. */
const XSS = '<img src=x onerror="window.__xss = 1">';

describe('emulator dashboard (headless Chromium)', function () {
  this.timeout(20000);
  let emulator;
  let opentok;
  let receiver;
  let context;

  beforeEach(async function () {
    emulator = await Emulator.start({ archiveProcessingMs: 20 });
    opentok = new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url });
    receiver = await startReceiver();
    context = await newContext();
  });

  afterEach(async function () {
    await context.close();
    await emulator.events.settled();
    await emulator.close();
    await receiver.close();
  });

  /** The emulator's connections of a session (all kinds). */
  function connectionsOf(sessionId) {
    return [...emulator.projects.get(emulator.project.apiKey).sessions.get(sessionId).connections.values()];
  }

  it('shows a session, its connections, streams, an archive and a delivered callback as they appear', async function () {
    await opentok.promises.registerCallback({ group: 'connection', event: 'created', url: receiver.url('/connection-events') });
    const page = await context.newPage();
    await page.goto(emulator.dashboardUrl);
    await page.waitForSelector('#status.live');
    // Set once: a reload or navigation would lose it.
    await page.evaluate(() => (window.__loadedOnce = true));

    // A session created through the SDK.
    const session = await opentok.promises.createSession({ mediaMode: 'routed' });
    const sessionBlock = page.locator(`[data-session-id="${session.sessionId}"]`);
    await sessionBlock.waitFor();
    expect(await sessionBlock.locator('.badge.idle').count()).to.equal(1);

    // A simulated client through the dashboard's button: a publisher token minted on the server.
    await sessionBlock.locator('button[data-action="connect"]').click();
    const [dashboardConnection] = await waitFor(() => connectionsOf(session.sessionId));
    expect(dashboardConnection).to.include({ kind: 'client', role: 'publisher', data: 'dashboard' });
    const dashboardRow = sessionBlock.locator(`[data-connection-id="${dashboardConnection.id}"]`);
    await dashboardRow.waitFor();
    expect(await dashboardRow.locator('td.data').textContent()).to.equal('dashboard');
    await sessionBlock.locator('.badge.live').waitFor();

    // It publishes through the dashboard's button.
    await dashboardRow.locator('button[data-action="publish"]').click();
    const stream = await waitFor(() => [...emulator.projects.get(emulator.project.apiKey).sessions.get(session.sessionId).streams.values()][0]);
    await sessionBlock.locator(`[data-stream-id="${stream.id}"]`).waitFor();

    // A client connected by the test through emulator.connectClient, with data that is markup.
    const client = emulator.connectClient({ token: session.generateToken({ data: XSS }), sessionId: session.sessionId });
    const xssRow = sessionBlock.locator(`[data-connection-id="${client.connectionId}"]`);
    await xssRow.waitFor();
    expect(await xssRow.locator('td.data').textContent()).to.equal(XSS);
    const xssStream = client.publish();
    await sessionBlock.locator(`[data-stream-id="${xssStream}"] td.name`).waitFor();
    expect(await sessionBlock.locator(`[data-stream-id="${xssStream}"] td.name`).textContent()).to.equal(XSS);
    expect(await page.locator('#app img').count()).to.equal(0);

    // An archive: started, then stopped and available with its download link.
    const archive = await opentok.promises.startArchive(session.sessionId, { name: 'dashboard test' });
    const archiveRow = page.locator(`[data-archive-id="${archive.id}"]`);
    await archiveRow.locator('.badge.started').waitFor();
    expect(await archiveRow.locator('td.name').textContent()).to.equal('dashboard test');
    await opentok.promises.stopArchive(archive.id);
    await archiveRow.locator('.badge.available').waitFor();
    const href = await archiveRow.locator('a', { hasText: 'Download' }).getAttribute('href');
    expect(href).to.equal(`${emulator.url}/_emulator/archives/${archive.id}/download`);

    // A broadcast, a SIP call, a render and live captions, each in its section.
    const broadcast = await opentok.promises.startBroadcast(session.sessionId, { outputs: { hls: {} } });
    await page.locator(`[data-broadcast-id="${broadcast.id}"] .badge.started`).waitFor();
    const call = await opentok.promises.dial(session.sessionId, session.generateToken(), 'sip:alice@sip.example.com', { from: 'alice@example.com' });
    const callRow = page.locator(`[data-call-id="${call.id}"]`);
    await callRow.waitFor();
    expect(await callRow.locator('td').nth(1).textContent()).to.equal('alice@example.com');
    const render = await opentok.promises.startRender({ sessionId: session.sessionId, token: session.generateToken(), url: 'https://example.com/board' });
    await page.locator(`[data-render-id="${render.id}"] .badge.started`).waitFor();
    const captionsId = await opentok.promises.startCaptions(session.sessionId, session.generateToken());
    await page.locator(`[data-captions-id="${captionsId}"] .badge.started`).waitFor();

    // The callbacks registered above were delivered to the receiver, and are listed.
    await emulator.events.settled();
    // One per connection: the two clients, the SIP call and the render.
    expect(receiver.received).to.have.length(4);
    const deliveries = page.locator('[data-section="callbacks"] tr.delivery', { hasText: receiver.url('/connection-events') });
    await waitFor(async () => (await deliveries.count()) === 4);
    expect(await deliveries.first().locator('td.kind').textContent()).to.equal('connectionCreated');
    expect(await deliveries.first().locator('td.answer').textContent()).to.equal('200');

    await screenshot(page, 'dashboard');

    // The dashboard's client disconnects through its button; its row goes.
    await dashboardRow.locator('button[data-action="disconnect"]').click();
    await dashboardRow.waitFor({ state: 'detached' });
    expect(connectionsOf(session.sessionId).map((connection) => connection.id)).to.not.include(dashboardConnection.id);
    expect(connectionsOf(session.sessionId).map((connection) => connection.id)).to.include(client.connectionId);

    expect(await page.evaluate(() => window.__loadedOnce)).to.equal(true);
    expect(await page.evaluate(() => window.__xss)).to.equal(undefined);
    expect(context.pageErrors).to.deep.equal([]);
  });

  it('a page of another origin cannot connect a client through the dashboard', async function () {
    const session = await opentok.promises.createSession({ mediaMode: 'routed' });
    // Another local app (another port: another origin, the same site) tries the dashboard's API.
    const other = http.createServer((req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end('<!doctype html><title>other app</title>');
    });
    await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${other.address().port}/`);
      const target = `${emulator.url}/_emulator/dashboard/sessions/${encodeURIComponent(session.sessionId)}/clients`;
      // no-cors: the request goes out (a simple POST needs no preflight) but its answer is opaque.
      await page.evaluate((url) => fetch(url, { method: 'POST', mode: 'no-cors', body: '{}' }).then(() => 'sent'), target);
      await page.evaluate((url) => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = url;
        document.body.appendChild(form);
        form.submit();
      }, target);
      await page.waitForURL(target);
      expect(connectionsOf(session.sessionId)).to.deep.equal([]);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
