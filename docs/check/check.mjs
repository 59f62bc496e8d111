// Validates the platform's API documents with each specification's reference parser:
// docs/openapi.json (OpenAPI 3.x, @apidevtools/swagger-parser) and docs/asyncapi.json
// (AsyncAPI 3, @asyncapi/parser with its built-in rules). Exit code 1 on any error.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
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
process.exit(failed ? 1 : 0);
