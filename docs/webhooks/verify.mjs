// Checks a Next Generation Siena webhook delivery (Standard Webhooks): Node 18 or newer, no dependencies.
//   import { verifyWebhook } from './verify.mjs';
//   verifyWebhook(secret, req.headers, rawBody)  // rawBody: the request's bytes, before any JSON parsing
// As a command (used by the platform's tests): node verify.mjs <secret> <delivery.json>
// where delivery.json is {"headers": {...}, "body": "<the raw body>"}; exits 0 when authentic and fresh.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function verifyWebhook(secret, headers, rawBody, toleranceSeconds = 300, now = Date.now() / 1000) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) return false;
  // a delivery older than the tolerance may be a replay of a captured one
  if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > toleranceSeconds) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${id}.${timestamp}.`)
    .update(Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8'))
    .digest();
  // during a secret rotation the header holds one signature per secret, separated by spaces
  return signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [secret, file] = process.argv.slice(2);
  const delivery = JSON.parse(readFileSync(file, 'utf8'));
  const ok = verifyWebhook(secret, delivery.headers, delivery.body);
  console.log(ok ? 'authentic' : 'refused');
  process.exit(ok ? 0 : 1);
}
