// The rules of api-changes.mjs on small documents: what must be caught, and what must not be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { additions, breakingChanges, bumpOf, major, sameApart } from './api-changes.mjs';

function doc(needSchema, parameters = [], extraPaths = {}) {
  return {
    openapi: '3.1.0', info: { version: '1.0.0' },
    paths: {
      '/v1/needs': {
        get: { parameters, responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Need' } } } } } },
        post: { requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NeedRequest' } } } },
          responses: { 201: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Need' } } } } } },
      },
      ...extraPaths,
    },
    components: { schemas: {
      Need: needSchema,
      NeedRequest: { type: 'object', required: ['title'], properties: {
        title: { type: 'string' }, theme: { type: 'string', enum: ['MOBILITY', 'ENERGY'] } } },
    } },
  };
}

const need = { type: 'object', required: ['id', 'title'], properties: { id: { type: 'string', format: 'uuid' },
  title: { type: 'string' }, status: { type: 'string' } } };
const clone = value => JSON.parse(JSON.stringify(value));

test('the same document has no breaking change', () => {
  assert.deepEqual(breakingChanges(doc(need), doc(need)), []);
});

test('adding an optional property, parameter or path is not breaking', () => {
  const after = doc({ ...need, properties: { ...need.properties, area: { type: 'boolean' } } },
    [{ in: 'query', name: 'q', schema: { type: 'string' } }], { '/v1/themes': { get: { responses: {} } } });
  assert.deepEqual(breakingChanges(doc(need), after), []);
});

test('a removed path, operation or response property is breaking', () => {
  const withoutStatus = clone(need);
  delete withoutStatus.properties.status;
  assert.match(breakingChanges(doc(need), doc(withoutStatus)).join('\n'), /property status removed/);
  const withoutPost = doc(need);
  delete withoutPost.paths['/v1/needs'].post;
  assert.match(breakingChanges(doc(need), withoutPost).join('\n'), /POST \/v1\/needs: operation removed/);
  const before = doc(need, [], { '/v1/old': { get: { responses: {} } } });
  assert.match(breakingChanges(before, doc(need)).join('\n'), /\/v1\/old: path removed/);
});

test('a property or parameter clients must now send is breaking', () => {
  const after = doc(need, [{ in: 'query', name: 'municipality', required: true, schema: { type: 'string' } }]);
  after.components.schemas.NeedRequest.required = ['title', 'theme'];
  const changes = breakingChanges(doc(need), after).join('\n');
  assert.match(changes, /parameter query municipality now required/);
  assert.match(changes, /property theme now required/);
});

test('a changed type, a value no longer accepted, a property no longer promised are breaking', () => {
  const after = doc({ ...clone(need), required: ['id'] });
  after.components.schemas.Need.properties.id = { type: 'integer' };
  after.components.schemas.NeedRequest.properties.theme.enum = ['MOBILITY'];
  const changes = breakingChanges(doc(need), after).join('\n');
  assert.match(changes, /\.id: type string became integer/);
  assert.match(changes, /value "ENERGY" no longer accepted/);
  assert.match(changes, /property title no longer always present/);
});

test('the major version is the first number', () => {
  assert.equal(major('1.4.2'), 1);
  assert.equal(major('2.0.0'), 2);
});

test('alternatives by type (oneOf of allOf variants) that each keep every property are not breaking', () => {
  const common = { type: 'object', required: ['id'], properties: { id: need.properties.id, status: need.properties.status } };
  const variant = theme => ({ allOf: [{ $ref: '#/components/schemas/NeedCommon' }, { type: 'object', required: ['title'],
    properties: { title: { type: 'string', enum: [theme] } } }] });
  const after = doc({ oneOf: [{ $ref: '#/components/schemas/Mobility' }, { $ref: '#/components/schemas/Energy' }],
    discriminator: { propertyName: 'title' } });
  Object.assign(after.components.schemas, { NeedCommon: common, Mobility: variant('MOBILITY'), Energy: variant('ENERGY') });
  assert.deepEqual(breakingChanges(doc(need), after), []);

  const withoutStatus = clone(after);
  delete withoutStatus.components.schemas.NeedCommon.properties.status;
  withoutStatus.components.schemas.Energy.allOf[1].properties.status = { type: 'string' };
  assert.deepEqual(breakingChanges(doc(need), withoutStatus), [
    'GET /v1/needs response 200 (Mobility): property status removed',
    'POST /v1/needs response 201 (Mobility): property status removed',
  ]);
});

test('additions are what a client can newly use: an operation, a parameter, a property, a value', () => {
  const after = doc({ ...need, properties: { ...need.properties, area: { type: 'boolean' } } },
    [{ in: 'query', name: 'q', schema: { type: 'string' } }], { '/v1/themes': { get: { responses: {} } } });
  after.components.schemas.NeedRequest.properties.theme.enum.push('WATER');
  assert.deepEqual(additions(doc(need), after).sort(), [
    'operation GET /v1/themes',
    'parameter query q of GET /v1/needs',
    'property Need.area',
    'value "WATER" of NeedRequest.theme',
  ]);
  assert.deepEqual(additions(doc(need), doc(need)), []);
});

test('a changed description is neither breaking nor an addition, but the document is not the same', () => {
  const after = doc({ ...need, description: 'A need of the territory' });
  assert.deepEqual(breakingChanges(doc(need), after), []);
  assert.deepEqual(additions(doc(need), after), []);
  assert.equal(sameApart(doc(need), after), false);
});

test('the version alone does not make a document different', () => {
  const after = doc(need);
  after.info.version = '1.1.0';
  assert.equal(sameApart(doc(need), after), true);
});

test('the step between two versions', () => {
  assert.equal(bumpOf('1.0.0', '2.0.0'), 'major');
  assert.equal(bumpOf('1.0.0', '1.1.0'), 'minor');
  assert.equal(bumpOf('1.1.0', '1.1.1'), 'patch');
  assert.equal(bumpOf('1.1.0', '1.1.0'), 'none');
  assert.equal(bumpOf('1.1.0', '1.0.9'), 'backwards');
  assert.equal(bumpOf('1.9.0', '1.10.0'), 'minor');
});
