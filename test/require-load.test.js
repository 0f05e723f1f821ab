'use strict';
// What `require('opentok')` loads, in a fresh process: the SDK's own modules and a few Node
// built-ins, but no package and no networking code. The HTTP stack (http, https, zlib, debug, the
// proxy agents) is required on the first request, and the emulator's dependencies (jsonwebtoken,
// node-fetch) only by `opentok/emulator`, so that an application pays for them only when it uses them.
const { execFile } = require('child_process');
const path = require('path');
const { expect } = require('chai');

const ROOT = path.resolve(__dirname, '..');

/** Runs `code` in a fresh Node process at the repository root; resolves with its parsed JSON output. */
function inFreshProcess(code) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', code], { cwd: ROOT, timeout: 20000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

const REPORT = `
const before = new Set(process.moduleLoadList);
require('opentok');
const builtins = process.moduleLoadList
  .filter((entry) => !before.has(entry) && entry.startsWith('NativeModule '))
  .map((entry) => entry.slice('NativeModule '.length));
const files = Object.keys(require.cache).map((file) => require('path').relative(process.cwd(), file));
process.stdout.write(JSON.stringify({ builtins, files }));
`;

describe("require('opentok') loads no networking code and no dependency", function () {
  this.timeout(30000);

  let loaded;

  before(async function () {
    loaded = await inFreshProcess(REPORT);
  });

  it('loads only the built SDK, no package from node_modules', function () {
    expect(loaded.files.length).to.be.above(10);
    expect(loaded.files.filter((file) => !file.startsWith(`dist${path.sep}`))).to.deep.equal([]);
  });

  it('loads none of the HTTP modules, zlib or the emulator', function () {
    const networking = ['http', 'https', 'http2', 'tls', 'zlib', '_http_client', '_http_agent'];
    expect(loaded.builtins.filter((name) => networking.includes(name))).to.deep.equal([]);
    expect(loaded.files.filter((file) => file.includes(`${path.sep}emulator${path.sep}`))).to.deep.equal([]);
  });
});
