/**
 * The published JSON Schema of the policy format (`@zhengban/core/schema/policy.schema.json`).
 * Editors use it for completion (`# yaml-language-server: $schema=…`); the loader walks it for
 * structural validation, so the two can never disagree.
 */
import schema from '../../schema/policy.schema.json' with { type: 'json' };
import type { SchemaNode } from './schema-walker.js';

/** The JSON Schema (draft 2020-12) of the raw policy YAML. */
export const policyJsonSchema: object = schema;

/** The same schema, typed for the walker. */
export const policySchemaNode = schema as SchemaNode;
