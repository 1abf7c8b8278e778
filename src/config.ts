// The platform's configuration: a YAML or JSON file validated against src/config.schema.json at
// start, with errors that name the bad field.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import type { ConfiguredValues } from '../generated/config.types.ts';

const addFormats = addFormatsModule.default;

/** The PEM text of the TLS files the configuration names. */
export interface TlsMaterial {
  cert: string;
  key: string;
  ca: string;
}

/** The configuration in use: the validated values (types generated from src/config.schema.json),
 * every default applied, with the TLS files read. */
export type PlatformConfig = Omit<ConfiguredValues, 'tls'> & { tls?: TlsMaterial };

export class ConfigError extends Error {}

const schema = JSON.parse(readFileSync(new URL('./config.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, useDefaults: 'empty', strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Validates a parsed configuration; TLS paths are read relative to `baseDir`. */
export function configFrom(raw: unknown, source: string, baseDir: string, env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  // Validation applies the schema's defaults (useDefaults) to this copy.
  const value = structuredClone(raw ?? {}) as Record<string, unknown>;
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map((e) => {
      const field = e.instancePath.replace(/^\//, '').replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.') || '(top level)';
      const extra = e.keyword === 'additionalProperties' ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'` : '';
      return `  ${field}: ${e.message}${extra}`;
    });
    throw new ConfigError(`${source} is not a valid configuration:\n${problems.join('\n')}`);
  }
  const { tls, ...values } = value as unknown as ConfiguredValues;
  const platIds = values.partners.map((p) => p.platId);
  const duplicate = platIds.find((id, i) => platIds.indexOf(id) !== i);
  if (duplicate) throw new ConfigError(`${source}: partners: PlatID ${duplicate} appears twice`);
  const config: PlatformConfig = values;
  if (tls) {
    const read = (field: keyof TlsMaterial) => {
      const file = resolve(baseDir, tls[field]);
      try {
        return readFileSync(file, 'utf8');
      } catch (error) {
        throw new ConfigError(`${source}: tls.${field}: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`);
      }
    };
    config.tls = { cert: read('cert'), key: read('key'), ca: read('ca') };
  }
  if (env.DATABASE_URL) config.database.url = env.DATABASE_URL;
  return config;
}

export function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the configuration ${file} (${(error as NodeJS.ErrnoException).code})`);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid YAML or JSON: ${(error as Error).message}`);
  }
  return configFrom(raw, file, dirname(resolve(file)), env);
}
