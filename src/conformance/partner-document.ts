// Validators for what a B platform sends to the kit's partner interfaces, compiled from the
// bundled partner document: the schemas the kit judges the cloud under test by are the spec's.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { partnerDocumentFile } from './files.ts';

// ajv-formats is CommonJS: from ESM its plugin function is the module's `default` property.
const addFormats = addFormatsModule.default;

export type Validation = { valid: true } | { valid: false; problems: string[] };

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(JSON.parse(readFileSync(partnerDocumentFile, 'utf8')) as object, 'partner');

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`);
}

function validator(schema: string): (body: unknown) => Validation {
  const validate = ajv.compile({ $ref: `partner#/components/schemas/${schema}` });
  return (body) => (validate(body) ? { valid: true } : { valid: false, problems: describe(validate.errors) });
}

/** 7.1.4 table 26. */
export const validateVerifyRequest = validator('UserVerifyRequest');

/** 7.2.8 table 50; DataType selects the shape of DeviceStatus. */
const validateAnyReport = validator('DataGatewayReport');
const byDataType: Record<string, (body: unknown) => Validation> = {
  attr: validator('AttrReport'),
  alarm: validator('AlarmReport'),
  onOffline: validator('OnOfflineReport'),
};

/** Validates against the schema of the report's own DataType, so the problems name the real mistake
 * rather than every branch of the oneOf. */
export function validateReport(body: unknown): Validation {
  const dataType = (body as { DataType?: unknown } | null)?.DataType;
  const specific = typeof dataType === 'string' ? byDataType[dataType] : undefined;
  return specific ? specific(body) : validateAnyReport(body);
}
