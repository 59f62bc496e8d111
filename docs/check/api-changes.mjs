// What in a new OpenAPI document can break a client written against an older one (README, "API changes").
// Clients are expected to ignore properties and enum values they do not know, so adding those is not
// breaking; taking away what a client may send or read, or asking for more than before, is.

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** The breaking changes from `before` to `after`, one line each; empty when a client of `before` still works. */
export function breakingChanges(before, after) {
  const changes = [];
  for (const [path, itemBefore] of Object.entries(before.paths ?? {})) {
    const itemAfter = after.paths?.[path];
    if (!itemAfter) {
      changes.push(`${path}: path removed`);
      continue;
    }
    for (const method of METHODS.filter(m => itemBefore[m])) {
      const where = `${method.toUpperCase()} ${path}`;
      const opAfter = itemAfter[method];
      if (!opAfter) {
        changes.push(`${where}: operation removed`);
        continue;
      }
      compareOperation(where, itemBefore[method], opAfter, before, after, changes);
    }
  }
  return changes;
}

function compareOperation(where, opBefore, opAfter, before, after, changes) {
  const key = p => `${p.in} ${p.name}`;
  const paramsBefore = new Map((opBefore.parameters ?? []).map(p => [key(p), p]));
  const paramsAfter = new Map((opAfter.parameters ?? []).map(p => [key(p), p]));
  for (const [name, p] of paramsBefore) {
    if (!paramsAfter.has(name)) {
      changes.push(`${where}: parameter ${name} removed`);
    } else {
      compareSchemas(`${where} parameter ${name}`, p.schema, paramsAfter.get(name).schema, before, after, 'sent', changes);
    }
  }
  for (const [name, p] of paramsAfter) {
    if (p.required && !paramsBefore.get(name)?.required) {
      changes.push(`${where}: parameter ${name} now required`);
    }
  }
  const bodyBefore = opBefore.requestBody, bodyAfter = opAfter.requestBody;
  if (bodyAfter?.required && !bodyBefore) {
    changes.push(`${where}: request body now required`);
  }
  for (const [media, content] of Object.entries(bodyBefore?.content ?? {})) {
    const contentAfter = bodyAfter?.content?.[media];
    if (!contentAfter) {
      changes.push(`${where}: request body ${media} no longer documented`);
    } else {
      compareSchemas(`${where} request`, content.schema, contentAfter.schema, before, after, 'sent', changes);
    }
  }
  for (const [code, response] of Object.entries(opBefore.responses ?? {}).filter(([c]) => c.startsWith('2'))) {
    const responseAfter = opAfter.responses?.[code];
    if (!responseAfter) {
      changes.push(`${where}: response ${code} removed`);
      continue;
    }
    for (const [media, content] of Object.entries(response.content ?? {})) {
      const contentAfter = responseAfter.content?.[media];
      if (!contentAfter) {
        changes.push(`${where}: response ${code} ${media} removed`);
      } else {
        compareSchemas(`${where} response ${code}`, content.schema, contentAfter.schema, before, after, 'read', changes);
      }
    }
  }
}

/**
 * Compares what a client sends (`sent`: the new schema must accept everything the old one did) or reads
 * (`read`: the new schema must still give everything the old one promised).
 */
function compareSchemas(where, schemaBefore, schemaAfter, before, after, direction, changes, seen = new Set()) {
  const a = flatten(before, schemaBefore), b = flatten(after, schemaAfter);
  if (!a || !b) {
    return;
  }
  const visit = `${where}|${schemaBefore?.$ref ?? ''}|${schemaAfter?.$ref ?? ''}`;
  if (seen.has(visit)) {
    return;
  }
  seen.add(visit);
  if (b.oneOf && !a.oneOf) {
    // One schema became alternatives: a reader must still get from each what it got before; a sender's
    // body must still fit one of them.
    const variants = b.oneOf.map(variant => {
      const found = [];
      compareSchemas(`${where} (${variant.$ref?.split('/').pop() ?? 'variant'})`, schemaBefore, variant, before, after,
        direction, found, new Set(seen));
      return found;
    });
    if (direction === 'read') {
      variants.forEach(found => changes.push(...found));
    } else if (!variants.some(found => found.length === 0)) {
      changes.push(`${where}: no alternative accepts what was accepted before`);
    }
    return;
  }
  const typeBefore = types(a), typeAfter = types(b);
  if (typeBefore && typeAfter && typeBefore !== typeAfter) {
    changes.push(`${where}: type ${typeBefore} became ${typeAfter}`);
    return;
  }
  if (a.format && b.format && a.format !== b.format) {
    changes.push(`${where}: format ${a.format} became ${b.format}`);
  }
  if (direction === 'sent' && a.enum && b.enum) {
    for (const value of a.enum.filter(v => !b.enum.includes(v))) {
      changes.push(`${where}: value ${JSON.stringify(value)} no longer accepted`);
    }
  }
  const requiredBefore = new Set(a.required ?? []), requiredAfter = new Set(b.required ?? []);
  for (const [name, property] of Object.entries(a.properties ?? {})) {
    const propertyAfter = b.properties?.[name];
    if (!propertyAfter) {
      if (direction === 'read' || !b.additionalProperties) {
        changes.push(`${where}: property ${name} removed`);
      }
      continue;
    }
    if (direction === 'read' && requiredBefore.has(name) && !requiredAfter.has(name)) {
      changes.push(`${where}: property ${name} no longer always present`);
    }
    compareSchemas(`${where}.${name}`, property, propertyAfter, before, after, direction, changes, seen);
  }
  if (direction === 'sent') {
    for (const name of requiredAfter) {
      if (!requiredBefore.has(name)) {
        changes.push(`${where}: property ${name} now required`);
      }
    }
  }
  if (a.items && b.items) {
    compareSchemas(`${where}[]`, a.items, b.items, before, after, direction, changes, seen);
  }
}

/** The schema a reference points to, with the parts of an allOf merged into one object schema. */
function flatten(doc, schema) {
  const resolved = resolve(doc, schema);
  if (!resolved?.allOf) {
    return resolved;
  }
  const merged = { ...resolved, properties: { ...(resolved.properties ?? {}) }, required: [...(resolved.required ?? [])] };
  delete merged.allOf;
  for (const part of resolved.allOf.map(p => flatten(doc, p)).filter(Boolean)) {
    Object.assign(merged.properties, part.properties ?? {});
    merged.required.push(...(part.required ?? []));
    merged.type ??= part.type;
  }
  return merged;
}

function resolve(doc, schema) {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 20; hops++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    current = doc.components?.schemas?.[name];
  }
  return current;
}

function types(schema) {
  const t = schema.type;
  if (!t) {
    return null;
  }
  return (Array.isArray(t) ? [...t] : [t]).filter(x => x !== 'null').sort().join('|');
}

/** The major version of a semantic version string ("1.4.2" -> 1). */
export function major(version) {
  return Number.parseInt(String(version).split('.')[0], 10);
}

/**
 * What a client can newly use in `after`: operations, parameters, response codes, schemas, properties and
 * enum values that `before` did not have, one line each. Any of them asks for a new minor version.
 */
export function additions(before, after) {
  const had = new Set(features(before));
  return features(after).filter(f => !had.has(f));
}

function features(doc) {
  const found = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS.filter(m => item[m])) {
      const op = item[method], where = `${method.toUpperCase()} ${path}`;
      found.push(`operation ${where}`);
      (op.parameters ?? []).forEach(p => found.push(`parameter ${p.in} ${p.name} of ${where}`));
      Object.keys(op.responses ?? {}).forEach(code => found.push(`response ${code} of ${where}`));
    }
  }
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    found.push(`schema ${name}`);
    collect(`${name}`, schema, found, 0);
  }
  return found;
}

function collect(where, schema, found, depth) {
  if (!schema || typeof schema !== 'object' || depth > 8) {
    return;
  }
  (schema.enum ?? []).forEach(v => found.push(`value ${JSON.stringify(v)} of ${where}`));
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    found.push(`property ${where}.${name}`);
    collect(`${where}.${name}`, property, found, depth + 1);
  }
  collect(`${where}[]`, schema.items, found, depth + 1);
  ['allOf', 'oneOf', 'anyOf'].forEach(k => (schema[k] ?? []).forEach((s, i) => collect(`${where}(${k} ${i})`, s, found, depth + 1)));
}

/** The kind of change from one version to the next: major, minor, patch, none, or backwards. */
export function bumpOf(from, to) {
  const a = String(from).split('.').map(Number), b = String(to).split('.').map(Number);
  for (const [i, kind] of ['major', 'minor', 'patch'].entries()) {
    if (b[i] > a[i]) {
      return kind;
    }
    if (b[i] < a[i]) {
      return 'backwards';
    }
  }
  return 'none';
}

/** The same document, whatever its version says (info.version): to tell whether anything else changed. */
export function sameApart(a, b) {
  const strip = doc => JSON.stringify({ ...doc, info: { ...doc.info, version: undefined } });
  return strip(a) === strip(b);
}
