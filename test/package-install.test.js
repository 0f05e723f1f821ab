'use strict';
// Installs the package as a user would and uses it: `npm pack` into a temporary directory,
// `npm install <tarball> --offline` in a fresh project, then a CommonJS consumer, an ES module
// consumer (both run against the emulator, in-process) and a strict TypeScript consumer
// (skipLibCheck off). Uses the build in dist/ (`npx tsc -p .` first): the pack skips the prepack
// build to stay fast.
//
// Offline: the project's lockfile already holds the package's runtime dependencies (and
// @types/node for the TypeScript consumer), copied from this repository's lockfile at the versions
// `npm ci` just put in the npm cache, so npm needs no registry metadata to add the tarball. npm
// must not warn about install scripts: a `prepare` script in the published package.json makes
// npm 11 list the package, in every project that installs it, as one whose install scripts need
// approving (though npm never runs `prepare` for a tarball).
const { execFile } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { expect } = require('chai');

const ROOT = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
const TSC = require.resolve('typescript/bin/tsc');

/** Runs a command; resolves with `{ code, stdout, stderr }` (never rejects). */
function run(file, args, cwd, env = {}) {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd, env: { ...process.env, ...env }, timeout: 60000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }),
    );
  });
}

/** Lockfile entries (`node_modules/...` -> entry) of `names` and of everything they depend on. */
function lockEntriesOf(names, { dev }) {
  const entries = {};
  const pending = [...names];
  while (pending.length > 0) {
    const name = pending.pop();
    const key = `node_modules/${name}`;
    if (entries[key]) continue;
    const entry = lock.packages[key];
    if (!entry) throw new Error(`${key} is not in package-lock.json`);
    const copy = { ...entry };
    delete copy.dev;
    delete copy.devOptional;
    delete copy.peer;
    entries[key] = dev ? { ...copy, dev: true } : copy;
    pending.push(...Object.keys(entry.dependencies || {}));
  }
  return entries;
}

const CJS_CONSUMER = `'use strict';
const assert = require('assert');
const OpenTok = require('opentok');
const { Emulator } = require('opentok/emulator');
const { parseEvent } = require('opentok/webhooks');

(async () => {
  const emulator = await Emulator.start();
  try {
    const { apiKey, apiSecret } = emulator.project;
    const opentok = new OpenTok(apiKey, apiSecret, { apiUrl: emulator.url });
    const session = await opentok.promises.createSession({ mediaMode: 'routed' });
    assert(session instanceof OpenTok.Session);
    const token = opentok.generateToken(session.sessionId, { role: 'moderator' });
    const client = emulator.connectClient({ token, sessionId: session.sessionId });
    assert.strictEqual(client.role, 'moderator');
    await assert.rejects(opentok.promises.getArchive('00000000-0000-0000-0000-000000000000'), OpenTok.NotFoundError);
    const event = parseEvent({ sessionId: session.sessionId, projectId: apiKey, event: 'connectionCreated',
      timestamp: 1, connection: { id: client.connectionId, createdAt: 1, data: '' } });
    assert.strictEqual(event.type, 'connectionCreated');
    assert.strictEqual(require('opentok/lib/session.js'), OpenTok.Session);
    console.log('cjs ok');
  } finally {
    await emulator.close();
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;

const ESM_CONSUMER = `import assert from 'assert';
import { createRequire } from 'module';
import OpenTok, { NotFoundError, Session } from 'opentok';
import { Emulator } from 'opentok/emulator';
import { parseEvent } from 'opentok/webhooks';

assert.strictEqual(OpenTok, createRequire(import.meta.url)('opentok'));
assert.strictEqual(NotFoundError, OpenTok.NotFoundError);
const emulator = await Emulator.start();
try {
  const { apiKey, apiSecret } = emulator.project;
  const opentok = new OpenTok(apiKey, apiSecret, { apiUrl: emulator.url });
  const session = await opentok.promises.createSession();
  assert(session instanceof Session);
  assert.match(opentok.generateToken(session.sessionId), /^eyJ/);
  assert.strictEqual(typeof parseEvent, 'function');
  console.log('esm ok');
} finally {
  await emulator.close();
}
`;

const TS_CONSUMER = `import OpenTok = require('opentok');
import { Emulator } from 'opentok/emulator';
import { parseEvent, verifyCallback } from 'opentok/webhooks';
import type { OpenTokEvent } from 'opentok/webhooks';

export async function main(emulator: Emulator): Promise<string> {
  const opentok: OpenTok = new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url });
  const options: OpenTok.SessionOptions = { mediaMode: 'routed', archiveMode: 'always' };
  const session: OpenTok.Session = await opentok.promises.createSession(options);
  opentok.createSession(options, (err: OpenTok.OpenTokError | null, created: OpenTok.Session) => {
    if (err) console.error(err.statusCode, err.message);
    else console.log(created.sessionId);
  });
  const onArchive: OpenTok.ResultCallback<OpenTok.Archive> = (err, archive) => {
    if (err instanceof OpenTok.NotFoundError) return;
    if (!err) console.log(archive.status, archive.duration);
  };
  opentok.getArchive('id', onArchive);
  const page: OpenTok.ListPage<OpenTok.Archive> = await opentok.promises.listArchives({ count: 10 });
  const api: OpenTok.Promises = opentok.promises;
  const event: OpenTokEvent = parseEvent('{}');
  void verifyCallback;
  void api;
  return opentok.generateToken(session.sessionId, { role: 'publisher', data: String(page.totalCount) }) + event.type;
}
`;

const TS_ESM_CONSUMER = `import OpenTok, { ArgumentError } from 'opentok';

const opentok = new OpenTok('123456', 'secret');
const error: OpenTok.ArgumentError = new ArgumentError('no');
const archive: OpenTok.Archive | null = null;
export const summary: string = [opentok.apiKey, error.message, String(archive)].join(' ');
`;

describe('the packed tarball, installed in a fresh project (offline)', function () {
  this.timeout(120000);

  let dir;
  let project;
  let install;
  let typesVersion;

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentok-package-'));
    const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
    expect(pack.code, pack.stderr).to.equal(0);
    const [{ filename }] = JSON.parse(pack.stdout);
    const tarball = path.join(dir, filename);
    expect(fs.existsSync(tarball), tarball).to.equal(true);

    project = path.join(dir, 'consumer');
    fs.mkdirSync(project);
    typesVersion = lock.packages['node_modules/@types/node'].version;
    const manifest = {
      name: 'opentok-consumer',
      version: '1.0.0',
      private: true,
      devDependencies: { '@types/node': typesVersion },
    };
    const consumerLock = {
      name: manifest.name,
      version: manifest.version,
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': {
          name: manifest.name,
          version: manifest.version,
          devDependencies: manifest.devDependencies,
        },
        ...lockEntriesOf(Object.keys(pkg.dependencies), { dev: false }),
        ...lockEntriesOf(['@types/node'], { dev: true }),
      },
    };
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify(manifest, null, 2));
    fs.writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify(consumerLock, null, 2));
    fs.writeFileSync(path.join(project, 'cjs.js'), CJS_CONSUMER);
    fs.writeFileSync(path.join(project, 'esm.mjs'), ESM_CONSUMER);
    fs.writeFileSync(path.join(project, 'consumer.ts'), TS_CONSUMER);
    fs.writeFileSync(path.join(project, 'consumer-esm.mts'), TS_ESM_CONSUMER);
    const compilerOptions = {
      target: 'ES2022',
      module: 'node16',
      moduleResolution: 'node16',
      strict: true,
      esModuleInterop: true,
      skipLibCheck: false,
      noEmit: true,
    };
    // No `types` entry: @types/node is picked up from node_modules/@types, as in most projects.
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions, files: ['consumer.ts', 'consumer-esm.mts'] }, null, 2),
    );
    // The same project without @types/node, to show what the README says it needs.
    fs.writeFileSync(
      path.join(project, 'tsconfig.no-node-types.json'),
      JSON.stringify({ compilerOptions: { ...compilerOptions, types: [] }, files: ['consumer-esm.mts'] }, null, 2),
    );

    install = await run('npm', ['install', '--offline', '--no-audit', '--no-fund', `../${filename}`], project, {
      npm_config_update_notifier: 'false',
    });
  });

  after(function () {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('installs from the tarball offline, with no warning about install scripts', function () {
    expect(install.code, install.stdout + install.stderr).to.equal(0);
    const output = install.stdout + install.stderr;
    expect(output).not.to.match(/install.scripts/i);
    expect(output).not.to.match(/npm warn/i);
    const installed = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'opentok', 'package.json'), 'utf8'));
    expect(installed.version).to.equal(pkg.version);
    const scripts = installed.scripts || {};
    expect(['preinstall', 'install', 'postinstall', 'prepare'].filter((name) => name in scripts)).to.deep.equal([]);
  });

  it('ships no source maps and no reference to one', function () {
    const files = [];
    const walk = (folder) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(file);
        else files.push(file);
      }
    };
    walk(path.join(project, 'node_modules', 'opentok'));
    expect(files.filter((file) => file.endsWith('.map'))).to.deep.equal([]);
    const referencing = files.filter(
      (file) => /\.(m?js|d\.m?ts)$/.test(file) && fs.readFileSync(file, 'utf8').includes('sourceMappingURL'),
    );
    expect(referencing).to.deep.equal([]);
  });

  it('a CommonJS consumer: the client against the emulator, the webhooks and a legacy deep path', async function () {
    const result = await run(process.execPath, ['cjs.js'], project);
    expect(result.stderr).to.equal('');
    expect(result.stdout.trim()).to.equal('cjs ok');
    expect(result.code).to.equal(0);
  });

  it('an ES module consumer: default and named imports, the same constructor as require', async function () {
    const result = await run(process.execPath, ['esm.mjs'], project);
    expect(result.stderr).to.equal('');
    expect(result.stdout.trim()).to.equal('esm ok');
    expect(result.code).to.equal(0);
  });

  it('a strict TypeScript consumer compiles (skipLibCheck off, @types/node installed)', async function () {
    const result = await run(process.execPath, [TSC, '-p', 'tsconfig.json', '--pretty', 'false'], project);
    expect(result.stdout + result.stderr).to.equal('');
    expect(result.code).to.equal(0);
  });

  it('without @types/node the declarations do not compile (the README says to install it)', async function () {
    const result = await run(process.execPath, [TSC, '-p', 'tsconfig.no-node-types.json', '--pretty', 'false'], project);
    expect(result.code).not.to.equal(0);
    expect(result.stdout).to.match(/node_modules\/opentok\/dist\/.*Cannot find module '(http|util|crypto)'/);
  });
});
