'use strict';
// sample/Archiving in emulator mode, in headless Chromium, by clicks only: the host publishes, a
// participant joins in another tab, the host records the session, then the history lists the
// archive, downloads it and deletes it. Each step is checked on the pages and in the emulator.
const fs = require('fs');
const { expect } = require('chai');
const { newContext, screenshot } = require('./support');
const { startSample, waitForText, expectMovingPattern } = require('./sample-pages');

describe('sample/Archiving in a browser (emulator mode)', function () {
  this.timeout(20000);
  let sample;
  let context;

  before(async function () {
    sample = await startSample('Archiving');
  });

  after(async function () {
    if (context) await context.close();
    if (sample) await sample.stop();
  });

  it('host and participant, start and stop archiving, then history: download and delete', async function () {
    context = await newContext();
    const host = await context.newPage();
    await host.goto(`${sample.url}host`);
    await waitForText(host, '#session-status', 'Connected, publishing as "Host"');
    await expectMovingPattern(host, '#publisher', 'Host');
    expect(await host.textContent('#recording')).to.equal('Not recording.');

    // The participant, in another tab: the host sees their stream, and they see the host's.
    const participant = await context.newPage();
    await participant.goto(`${sample.url}participant`);
    await waitForText(participant, '#session-status', 'Connected, publishing as "Participant"; 1 other stream in the session.');
    await waitForText(host, '#session-status', '1 other stream in the session.');
    await expectMovingPattern(host, '#subscribers .OT_subscriber', 'Participant');
    await expectMovingPattern(participant, '#subscribers .OT_subscriber', 'Host');
    const connections = [...sample.sessionState().connections.values()];
    expect(connections.map((connection) => connection.role).sort()).to.deep.equal(['moderator', 'publisher']);
    expect(sample.sessionState().streams.size).to.equal(2);

    // Start archiving: the answer, the session's archiveStarted in both tabs, the emulator's archive.
    await host.click('#start');
    const recording = await waitForText(host, '#recording', /^Recording \(archive [^)]+\)\.$/);
    const archiveId = /archive ([^)]+)\)/.exec(recording)[1];
    await waitForText(host, '#status', `Archive ${archiveId}: started.`);
    await waitForText(participant, '#recording', 'This session is being recorded.');
    expect(await host.isDisabled('#start')).to.equal(true);
    expect(await host.isEnabled('#stop')).to.equal(true);
    expect(sample.state().archives.get(archiveId)).to.include({
      status: 'started',
      sessionId: sample.sessionId,
      name: 'Node Archiving Sample App',
      hasAudio: true,
      hasVideo: true,
      outputMode: 'composed',
    });

    // Stop archiving.
    await host.click('#stop');
    await waitForText(host, '#status', `Archive ${archiveId}: stopped.`);
    await waitForText(host, '#recording', 'Not recording.');
    await waitForText(participant, '#recording', 'Not recording.');
    expect(await host.isEnabled('#start')).to.equal(true);
    expect(['stopped', 'available']).to.include(sample.state().archives.get(archiveId).status);
    await screenshot(host, 'archiving-host');

    // The history (by the nav link) lists it, and reloads until it is available.
    await host.click('nav >> text=Past archives');
    await host.waitForSelector(`tr.archive[data-id="${archiveId}"] td.status >> text=available`);
    const { items: archives, totalCount } = await sample.opentok.promises.listArchives();
    expect(totalCount).to.equal(1);
    expect(archives[0]).to.include({ id: archiveId, status: 'available' });
    const row = await host.textContent(`tr.archive[data-id="${archiveId}"]`);
    expect(row).to.include('Node Archiving Sample App').and.to.include(`${archives[0].size} bytes`);
    await screenshot(host, 'archiving-history');

    // Download: the link leads (by the sample's redirect) to the emulator's file, which the browser saves.
    const responses = [];
    host.on('response', (response) => responses.push([response.url(), response.status()]));
    const [download] = await Promise.all([host.waitForEvent('download'), host.click(`tr.archive[data-id="${archiveId}"] >> text=Download`)]);
    expect(download.url()).to.equal(archives[0].url);
    expect(download.suggestedFilename()).to.equal(`${archiveId}.mp4`);
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.length).to.equal(archives[0].size);
    expect(bytes.toString('latin1', 4, 12)).to.equal('ftypmp42');
    // The sample redirects (302) to the archive's URL, which the emulator answers (200).
    expect(responses).to.deep.equal([
      [`${sample.url}download/${archiveId}`, 302],
      [archives[0].url, 200],
    ]);

    // Delete: gone from the page and from the emulator.
    await host.click(`tr.archive[data-id="${archiveId}"] >> text=Delete`);
    await waitForText(host, '#empty', 'No archives yet.');
    expect(host.url()).to.equal(`${sample.url}history`);
    expect(sample.state().archives.has(archiveId)).to.equal(false);
    expect((await sample.opentok.promises.listArchives()).totalCount).to.equal(0);
    expect(context.pageErrors).to.deep.equal([]);
  });
});
