'use strict';
// Compiling type-test fixtures: `tsc` in a child process (so that independent projects run in
// parallel), and in-process programs whose `@ts-expect-error` directives are disabled, to check
// that each directive's line really fails, with the error code the directive names.
const { execFile } = require('child_process');
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..', '..');
const TSC = require.resolve('typescript/bin/tsc');

/**
 * `// @ts-expect-error TS2322 reason` or `// @ts-expect-error TS2322 (strict) reason`; the tag
 * marks a line that fails only under strictNullChecks.
 */
const DIRECTIVE = /^\s*\/\/ @ts-expect-error (TS\d+)( \(strict\))?(?=\s|$)/;

/** Runs `tsc -p <project> [...args]` with this Node; resolves with the exit code and both outputs. */
function runTsc(project, args = []) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSC, '-p', project, '--pretty', 'false', ...args],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/**
 * Compiles snippets as one strict project under `outDir` (emptied first): `prelude.d.ts` declares
 * their free variables, each snippet is a file of its own, type-checked against the built package
 * with `@types/node` and `skipLibCheck` off, as a strict consumer compiles. `snippets` are
 * `{ name, code }`; `compilerOptions` are added to the common ones. Resolves as {@link runTsc}.
 */
function compileSnippets(outDir, prelude, snippets, compilerOptions = {}) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'prelude.d.ts'), prelude);
  for (const { name, code } of snippets) fs.writeFileSync(path.join(outDir, name), code);
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'node16',
      moduleResolution: 'node16',
      types: ['node'],
      strict: true,
      // Snippets write `import OpenTok from 'opentok'`, which needs it in a CommonJS project.
      esModuleInterop: true,
      noEmit: true,
      skipLibCheck: false,
      ...compilerOptions,
    },
    files: ['prelude.d.ts', ...snippets.map(({ name }) => name)],
  };
  fs.writeFileSync(path.join(outDir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  return runTsc(path.join(outDir, 'tsconfig.json'));
}

/**
 * `{ line (1-based) -> { code, strictOnly } }` of the lines that follow each directive.
 */
function expectationsOf(text) {
  const expected = new Map();
  text.split('\n').forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (match) expected.set(index + 2, { code: Number(match[1].slice(2)), strictOnly: Boolean(match[2]) });
  });
  return expected;
}

/** The text with every directive disabled, line numbers unchanged. */
function stripDirectives(text) {
  return text
    .split('\n')
    .map((line) => line.replace('// @ts-expect-error ', '// expected error: '))
    .join('\n');
}

/** Parsed compiler options of a tsconfig file; `overrides` win. Throws on a config error. */
function compilerOptions(configFile, overrides = {}) {
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, overrides, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic(diagnostic) {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (parsed.errors.length > 0) {
    throw new Error(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  }
  return parsed.options;
}

/**
 * Compiles `rootNames` with `options`, the files of `stripped` with their directives disabled;
 * returns `{ file -> { line -> [{ code, message }] } }` of every diagnostic.
 */
function diagnosticsWithoutDirectives(rootNames, options, stripped) {
  const texts = new Map(stripped.map((file) => [path.resolve(file), stripDirectives(fs.readFileSync(file, 'utf8'))]));
  const host = ts.createCompilerHost(options);
  const readSourceFile = host.getSourceFile;
  host.getSourceFile = (fileName, languageVersionOrOptions, ...rest) => {
    const text = texts.get(path.resolve(fileName));
    return text === undefined
      ? readSourceFile.call(host, fileName, languageVersionOrOptions, ...rest)
      : ts.createSourceFile(fileName, text, languageVersionOrOptions);
  };
  const program = ts.createProgram({ rootNames, options, host });
  const byFile = {};
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file ? path.resolve(diagnostic.file.fileName) : '<global>';
    const line = diagnostic.file ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    byFile[file] = byFile[file] || {};
    byFile[file][line] = byFile[file][line] || [];
    byFile[file][line].push({ code: diagnostic.code, message });
  }
  return byFile;
}

/**
 * Compares a file's diagnostics (`{ line -> [{ code }] }`) with the expectations of its directives
 * (those with `strictOnly` are expected only when `strict`): the lines expected to fail that do
 * not, the lines that fail without a directive, and the lines failing with another code, each as
 * `<file>:<line> <diagnostics>`.
 */
function compareWithDirectives(label, expectations, diagnostics, { strict = true } = {}) {
  const expected = new Map([...expectations].filter(([, { strictOnly }]) => strict || !strictOnly));
  const report = (lines) => lines.map((line) => `${label}:${line} ${JSON.stringify(diagnostics[line] || [])}`);
  const missing = [...expected.keys()].filter((line) => !diagnostics[line]);
  const unexpected = Object.keys(diagnostics).map(Number).filter((line) => !expected.has(line));
  const wrongCode = [...expected]
    .filter(([line, { code }]) => diagnostics[line] && !diagnostics[line].some((d) => d.code === code))
    .map(([line]) => line);
  return { missing: report(missing), unexpected: report(unexpected), wrongCode: report(wrongCode) };
}

module.exports = {
  ROOT,
  runTsc,
  compileSnippets,
  expectationsOf,
  stripDirectives,
  compilerOptions,
  diagnosticsWithoutDirectives,
  compareWithDirectives,
};
