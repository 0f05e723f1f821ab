'use strict';
// What `npm publish` would ship: `npm pack --dry-run --json` (scripts skipped: dist/ is already
// built by `npx tsc -p .`). The tarball holds package.json, README.md, LICENSE and the build only,
// and every entry point of package.json points at a packed file.
const { builtinModules } = require('module');
const { execFile } = require('child_process');
const fs = require('fs');
const path = require('path');
const { expect } = require('chai');

const ROOT = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const BUILD_FILE = /^dist\/.+\.(js|mjs|d\.ts|d\.mts)$/;
const TOP_LEVEL = ['package.json', 'README.md', 'LICENSE'];

function npmPackDryRun() {
  return new Promise((resolve, reject) => {
    execFile(
      'npm',
      ['pack', '--dry-run', '--json', '--ignore-scripts'],
      { cwd: ROOT, maxBuffer: 32 * 1024 * 1024, timeout: 30000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`npm pack failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout));
      },
    );
  });
}

/** Every string target of an `exports` value (conditions and subpaths, nested). */
function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(exportTargets);
  if (value && typeof value === 'object') return Object.values(value).flatMap(exportTargets);
  return [];
}

/** Files under dir (relative to ROOT, `/`-separated). */
function walk(dir) {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    return entry.isDirectory() ? walk(relative) : [relative];
  });
}

/** Module specifiers of `require('x')`, `from 'x'` and `import('x')` in a built file (comments skipped). */
function specifiersOf(source) {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  const found = [];
  const pattern = /\brequire\(\s*(['"])([^'"]+)\1\s*\)|\bfrom\s*(['"])([^'"]+)\3|\bimport\(\s*(['"])([^'"]+)\5\s*\)/g;
  for (const match of code.matchAll(pattern)) found.push(match[2] || match[4] || match[6]);
  return found;
}

describe('published package contents (npm pack --dry-run)', function () {
  this.timeout(30000);

  let files;

  before(async function () {
    const [report] = await npmPackDryRun();
    expect(report.name).to.equal('opentok');
    files = report.files.map((file) => file.path).sort();
  });

  it('contains only package.json, README.md, LICENSE and build output under dist/', function () {
    const stray = files.filter((file) => !TOP_LEVEL.includes(file) && !BUILD_FILE.test(file));
    expect(stray).to.deep.equal([]);
    for (const file of TOP_LEVEL) expect(files, file).to.include(file);
  });

  it('leaves out sources, tests, samples and tooling config', function () {
    const leaked = files.filter((file) =>
      /^(src|test|sample|\.ci|node_modules|coverage)\//.test(file) ||
      /(^|\/)(tsconfig[^/]*\.json|\.eslintrc[^/]*|\.gitignore|package-lock\.json)$/.test(file) ||
      /(^|\/)[^/]+\.tgz$/.test(file),
    );
    expect(leaked).to.deep.equal([]);
  });

  it('includes the CommonJS and ESM entry points, the legacy deep paths and the emulator', function () {
    const required = [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/esm/index.mjs',
      'dist/esm/index.d.mts',
      'dist/lib/opentok.js',
      'dist/lib/opentok.d.ts',
      'dist/lib/session.js',
      'dist/lib/session.d.ts',
      'dist/lib/sipInterconnect.js',
      'dist/lib/sipInterconnect.d.ts',
      'dist/emulator/index.js',
      'dist/emulator/index.d.ts',
      // The OpenTok.js stand-in the emulator serves at /_emulator/opentok.js.
      'dist/emulator/browser/opentok.js',
    ];
    expect(required.filter((file) => !files.includes(file)), 'missing from the tarball').to.deep.equal([]);
  });

  it('packs every built .js, .mjs, .d.ts and .d.mts file of dist/, and no source map', function () {
    const built = walk('dist').filter((file) => BUILD_FILE.test(file));
    expect(built.length).to.be.above(50);
    expect(built.filter((file) => !files.includes(file)), 'built but not packed').to.deep.equal([]);
    // Maps would point at src/, which is not shipped: the build makes none and none is packed.
    expect(files.filter((file) => file.endsWith('.map'))).to.deep.equal([]);
  });

  it('every path of package.json exports, main, types and bin is a packed file', function () {
    const targets = [
      ...exportTargets(pkg.exports),
      pkg.main,
      pkg.types,
      ...(typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin || {})),
    ];
    expect(targets.length).to.be.above(8);
    const normalised = targets.map((target) => path.posix.normalize(target).replace(/^\.\//, ''));
    expect(normalised.filter((target) => !files.includes(target)), 'entry points not packed').to.deep.equal([]);
  });

  it('the bin script starts with a node shebang', function () {
    for (const bin of Object.values(pkg.bin || {})) {
      const firstLine = fs.readFileSync(path.join(ROOT, bin), 'utf8').split('\n')[0];
      expect(firstLine, bin).to.equal('#!/usr/bin/env node');
    }
  });

  it('every relative import of a packed .js/.mjs file resolves to a packed file', function () {
    const unresolved = [];
    for (const file of files.filter((name) => /\.m?js$/.test(name))) {
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const specifier of specifiersOf(source).filter((spec) => spec.startsWith('.'))) {
        const base = path.posix.join(path.posix.dirname(file), specifier);
        const candidates = [base, `${base}.js`, `${base}/index.js`, `${base}.json`];
        if (!candidates.some((candidate) => files.includes(candidate))) unresolved.push(`${file}: ${specifier}`);
      }
    }
    expect(unresolved).to.deep.equal([]);
  });

  it('every package a packed .js/.mjs file imports is a runtime dependency (or a Node built-in)', function () {
    const builtins = new Set(builtinModules);
    const dependencies = new Set(Object.keys(pkg.dependencies || {}));
    const missing = new Set();
    for (const file of files.filter((name) => /\.m?js$/.test(name))) {
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const specifier of specifiersOf(source)) {
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        if (name === pkg.name || builtins.has(name) || dependencies.has(name)) continue;
        missing.add(`${name} (${file})`);
      }
    }
    expect([...missing]).to.deep.equal([]);
  });
});
