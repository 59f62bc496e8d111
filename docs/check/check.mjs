// Validates the platform's API documents with each specification's reference parser:
// docs/openapi.json (OpenAPI 3.x, @apidevtools/swagger-parser) and docs/asyncapi.json
// (AsyncAPI 3, @asyncapi/parser with its built-in rules), and docs/openapi.json with the Italian
// guidelines' rules (Spectral, oas-checker/): 0 errors, warnings at most warnings-ceiling; and with
// Redocly's recommended rules (redocly.yaml): 0 errors; and against the last released document
// (docs/api-releases/): the version follows the kind of change (breaking: major; additions: minor).
// Exit code 1 on any error.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { additions, breakingChanges, bumpOf, sameApart } from './api-changes.mjs';
import { Parser } from '@asyncapi/parser';

const docs = fileURLToPath(new URL('..', import.meta.url));
let failed = false;

try {
  const api = await SwaggerParser.validate(docs + 'openapi.json');
  console.log(`openapi.json: valid OpenAPI ${api.openapi}, ${Object.keys(api.paths).length} paths`);
} catch (e) {
  failed = true;
  console.log(`openapi.json: INVALID: ${e.message}`);
}

const { document, diagnostics } = await new Parser().parse(await readFile(docs + 'asyncapi.json', 'utf8'));
const errors = diagnostics.filter(d => d.severity === 0);
for (const d of diagnostics) {
  const level = ['error', 'warning', 'information', 'hint'][d.severity];
  console.log(`asyncapi.json: ${level} ${d.code} at ${d.path.join('/') || '/'}: ${d.message}`);
}
if (document && errors.length === 0) {
  console.log(`asyncapi.json: valid AsyncAPI ${document.version()}, ${document.allMessages().length} messages`);
} else {
  failed = true;
  console.log(`asyncapi.json: INVALID (${errors.length} errors)`);
}
failed = !italianGuidelines() || failed;
failed = !redoclyRecommended() || failed;
failed = !apiChanges() || failed;
process.exit(failed ? 1 : 0);

/** The Italian guidelines' ruleset ("Italian Guidelines Full") on docs/openapi.json. */
function italianGuidelines() {
  const here = fileURLToPath(new URL('.', import.meta.url));
  let output;
  try {
    output = execFileSync(here + 'node_modules/.bin/spectral', ['lint', docs + 'openapi.json', '--ruleset',
      here + 'oas-checker/spectral.yml', '--format', 'json', '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    output = e.stdout; // spectral exits 1 when it finds errors; its report is still on stdout
  }
  const results = JSON.parse(output);
  const count = severity => results.filter(r => r.severity === severity).length;
  const byRule = {};
  for (const r of results.filter(r => r.severity <= 1)) {
    const key = `${r.severity === 0 ? 'error' : 'warning'} ${r.code}`;
    byRule[key] = (byRule[key] || 0) + 1;
  }
  for (const [rule, n] of Object.entries(byRule).sort()) {
    console.log(`openapi.json (Italian guidelines): ${String(n).padStart(4)} ${rule}`);
  }
  for (const r of results.filter(r => r.severity === 0)) {
    console.log(`openapi.json (Italian guidelines): error ${r.code} at ${r.path.join('.')}: ${r.message}`);
  }
  const errors = count(0), warnings = count(1);
  const ceiling = Number.parseInt(readFileSync(here + 'warnings-ceiling', 'utf8').trim(), 10);
  console.log(`openapi.json (Italian guidelines): ${errors} errors, ${warnings} warnings (ceiling ${ceiling})`);
  if (warnings < ceiling) {
    console.log(`openapi.json (Italian guidelines): fewer warnings than the ceiling: lower warnings-ceiling to ${warnings}`);
  }
  return errors === 0 && warnings <= ceiling;
}

/** Redocly's recommended rules on docs/openapi.json: what generators and documentation tools trip on. */
function redoclyRecommended() {
  const here = fileURLToPath(new URL('.', import.meta.url));
  let output;
  try {
    output = execFileSync(here + 'node_modules/.bin/redocly', ['lint', docs + 'openapi.json', '--config',
      here + 'redocly.yaml', '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    output = e.stdout; // redocly exits 1 when it finds errors; its report is still on stdout
  }
  const report = JSON.parse(output);
  for (const p of report.problems.filter(p => p.severity === 'error')) {
    console.log(`openapi.json (Redocly recommended): error ${p.ruleId}: ${p.message}`);
  }
  console.log(`openapi.json (Redocly recommended): ${report.totals.errors} errors, ${report.totals.warnings} warnings`);
  return report.totals.errors === 0;
}

/**
 * docs/openapi.json against docs/api-releases (README, "API changes"): its version has a release file holding
 * this very document, and the change from the release before it is of the kind its version says (breaking:
 * major; additions: minor; anything else: patch).
 */
function apiChanges() {
  const releases = docs + 'api-releases/';
  const semver = f => f.replace('.json', '').split('.').map(Number);
  const files = readdirSync(releases).filter(f => /^\d+\.\d+\.\d+\.json$/.test(f))
    .sort((a, b) => semver(a).reduce((d, n, i) => d || n - semver(b)[i], 0));
  const read = f => JSON.parse(readFileSync(releases + f, 'utf8'));
  const current = JSON.parse(readFileSync(docs + 'openapi.json', 'utf8'));
  const version = current.info.version;
  const label = `openapi.json (version ${version})`;
  const newest = read(files.at(-1));
  if (newest.info.version !== version || !sameApart(newest, current)) {
    const kind = neededBump(newest, current);
    console.log(`${label}: differs from the newest release ${newest.info.version} (needs a ${kind} version):`
      + ` set the new version (kernel's microprofile-config.properties), regenerate, and copy docs/openapi.json`
      + ` to docs/api-releases/<version>.json (README "API changes")`);
    return false;
  }
  if (files.length < 2) {
    console.log(`${label}: the first release`);
    return true;
  }
  const previous = read(files.at(-2));
  const needed = neededBump(previous, current);
  const made = bumpOf(previous.info.version, version);
  const rank = ['none', 'patch', 'minor', 'major'];
  console.log(`${label}: since ${previous.info.version}, a ${needed} change; the version made a ${made} step`);
  if (made === 'backwards' || rank.indexOf(made) < rank.indexOf(needed) || (needed !== 'none' && made === 'none')) {
    console.log(`${label}: a ${needed} change needs a ${needed} version step (README "API changes")`);
    return false;
  }
  return true;
}

/** The version step a change from `before` to `after` needs, printing why. */
function neededBump(before, after) {
  const label = `openapi.json (since ${before.info.version})`;
  const breaking = breakingChanges(before, after);
  breaking.forEach(change => console.log(`${label}: breaking: ${change}`));
  if (breaking.length > 0) {
    return 'major';
  }
  const added = additions(before, after);
  added.slice(0, 20).forEach(a => console.log(`${label}: added: ${a}`));
  if (added.length > 20) {
    console.log(`${label}: added: ... ${added.length - 20} more`);
  }
  if (added.length > 0) {
    return 'minor';
  }
  return sameApart(before, after) ? 'none' : 'patch';
}
