// The fixtures file: what the kit needs to know about the cloud under test (documented in
// conformance/README.md, validated against conformance/fixtures.schema.json).
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { fixturesSchemaFile } from './files.ts';
import type { Role } from './types.ts';

export type DeviceAttr = Record<string, string>;

export interface KitUser {
  loginID: string;
  authToken?: string;
}

export interface Fixtures {
  kit: { platId: string; appId: string };
  platform?: {
    users?: { main?: KitUser; other?: KitUser; refused?: KitUser };
    devices: {
      own: { deviceID: string; deviceType: string; model: string; manufacturer: string; brand: string; command: DeviceAttr; restoreCommand: DeviceAttr };
      others: { deviceID: string };
      unbound: { deviceID: string };
      unknown: { deviceID: string };
    };
    expiredAccessToken?: string;
  };
  partner?: {
    user: { loginID: string; authToken: string };
    unknownLoginID: string;
    deviceID: string;
  };
}

export class FixturesError extends Error {}

const ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: false });
const validate = ajv.compile<Fixtures>(JSON.parse(readFileSync(fixturesSchemaFile, 'utf8')) as object);

/** The kit's users when the fixtures name none: loginIDs at most 20 characters (table 14). */
export const defaultKitUsers = { main: 'cheaa-kit-main', other: 'cheaa-kit-other', refused: 'cheaa-kit-refused' } as const;

/** Validates parsed fixtures for a role; the error names every bad field. */
export function fixturesFrom(raw: unknown, source: string, role: Role): Fixtures {
  const value = structuredClone(raw);
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map((e) => `  ${e.instancePath || '(top level)'}: ${e.message}`);
    throw new FixturesError(`${source} is not a valid fixtures file:\n${problems.join('\n')}`);
  }
  if (!value[role]) throw new FixturesError(`${source} has no "${role}" part, which --role ${role} needs (see conformance/README.md)`);
  return value;
}

export function loadFixtures(file: string, role: Role): Fixtures {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FixturesError(`cannot read the fixtures file ${file} (${(error as NodeJS.ErrnoException).code})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new FixturesError(`${file} is not JSON: ${(error as Error).message}`);
  }
  return fixturesFrom(raw, file, role);
}
