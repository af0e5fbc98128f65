/**
 * The published JSON Schema: valid draft 2020-12 (ajv strict mode), the same object the package
 * exports, exported in package.json, and it accepts the example policy while rejecting mistakes.
 */
import { readFileSync } from 'node:fs';
import { policyJsonSchema } from '@zhengban/core';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BAD_INPUT, EXAMPLE } from './policy-test-support.js';

const SCHEMA_FILE = new URL('../../schema/policy.schema.json', import.meta.url);
const PACKAGE_JSON = new URL('../../package.json', import.meta.url);

function validator() {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(policyJsonSchema);
}

describe('the published policy JSON Schema', () => {
  it('is the object the package exports, and the package publishes it', () => {
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(policyJsonSchema);
    const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));
    expect(pkg.files).toContain('schema');
    expect(pkg.exports['./schema/policy.schema.json']).toBe('./schema/policy.schema.json');
  });

  it('compiles in ajv strict mode and accepts the example policy', () => {
    const validate = validator();
    const valid = validate(parse(readFileSync(EXAMPLE, 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects what the loader rejects structurally', () => {
    const validate = validator();
    expect(validate(parse(readFileSync(`${BAD_INPUT}unknown-key.yaml`, 'utf8')))).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({
      instancePath: '/settings',
      keyword: 'additionalProperties',
      params: { additionalProperty: 'remediationDay' },
    });
    expect(validate(parse(readFileSync(`${BAD_INPUT}impossible-date.yaml`, 'utf8')))).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({
      instancePath: '/entitlements/0/purchased',
      keyword: 'format',
    });
    expect(validate(parse(readFileSync(`${BAD_INPUT}zero-seats.yaml`, 'utf8')))).toBe(false);
  });
});
