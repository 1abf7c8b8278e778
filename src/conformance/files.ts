// Where the kit's workflows, fixtures schema and the bundled documents they run against live.
import { fileURLToPath } from 'node:url';
import type { Role } from './types.ts';

export const kitDirectory = fileURLToPath(new URL('../../conformance/', import.meta.url));

export const workflowFile = (role: Role) => `${kitDirectory}${role}.arazzo.yaml`;

export const fixturesSchemaFile = `${kitDirectory}fixtures.schema.json`;

export const exampleFixturesFile = `${kitDirectory}fixtures.example.json`;

export const partnerDocumentFile = fileURLToPath(new URL('../../generated/cheaa-c2c/partner.openapi.json', import.meta.url));

/** The name of each role's source description in its Arazzo file: `--server <name>=<target>`. */
export const sourceName: Record<Role, string> = { platform: 'platform', partner: 'partner' };
