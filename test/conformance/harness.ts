// The reference platform configured for the conformance kit as conformance/reference-platform.yaml
// documents it, but on a free port, on a migrated in-memory store and with the kit partner's real
// URLs, optionally over mutual TLS. One platform serves every run of a test file (a platform start
// costs more than a run);
// before each run the kit's users are deleted, so no run sees another's state, and the main user
// is created with an AccessToken that expired a minute ago, so the expired-token check runs too.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { parse } from 'yaml';
import { configFrom } from '../../src/config.ts';
import { exampleFixturesFile, kitDirectory } from '../../src/conformance/files.ts';
import { defaultKitUsers, loadFixtures, type Fixtures } from '../../src/conformance/fixtures.ts';
import { startKitPartner, type KitPartner } from '../../src/conformance/kit-partner.ts';
import { hashToken } from '../../src/domain/tokens.ts';
import { startPlatform, type RunningPlatform } from '../../src/platform.ts';
import { createStore } from '../../src/store/repositories.ts';
import { migratedPGliteSnapshot } from '../support/database.ts';
import type { KitPki } from './pki.ts';

export interface Reference {
  platform: RunningPlatform;
  partner: KitPartner;
  /** conformance/fixtures.example.json for both roles, with a fresh expired token of the main user. */
  freshRun(): Promise<Fixtures>;
  close(): Promise<void>;
}

const referenceConfig = parse(readFileSync(`${kitDirectory}reference-platform.yaml`, 'utf8')) as {
  listen: { port: number };
  partners: { platId: string; verifyUrl: string; dataGatewayUrl: string; certificateName?: string }[];
  tls?: { cert: string; key: string; ca: string };
};

/** With `pki`, both sides speak mutual TLS and the platform knows the kit by its certificate's CN. */
export async function startReference(pki?: KitPki): Promise<Reference> {
  const partner = await startKitPartner(pki ? { tls: { ...pki.kit, ca: pki.ca } } : {});
  const raw = structuredClone(referenceConfig);
  raw.listen.port = 0;
  for (const p of raw.partners) Object.assign(p, { verifyUrl: partner.verifyUrl, dataGatewayUrl: partner.dataGatewayUrl }, pki ? { certificateName: p.platId } : {});
  if (pki) raw.tls = { ...pki.files.platform, ca: pki.files.ca };
  const config = configFrom(raw, 'conformance/reference-platform.yaml', kitDirectory, {});
  let platform: RunningPlatform;
  try {
    platform = await startPlatform(config, { database: { snapshot: await migratedPGliteSnapshot() }, log: pino({ level: 'silent' }) });
  } catch (error) {
    await partner.close();
    throw error;
  }
  const store = createStore(platform.db);
  const example = loadFixtures(exampleFixturesFile, 'platform');

  return {
    platform,
    partner,
    async freshRun() {
      const fixtures = structuredClone(example);
      const platId = fixtures.kit.platId;
      const users = fixtures.platform!.users;
      // Deleting a user takes its tokens and bindings with it.
      for (const loginId of [users?.main?.loginID ?? defaultKitUsers.main, users?.other?.loginID ?? defaultKitUsers.other]) {
        const user = await store.users.findByLogin(platId, loginId);
        if (user) await store.users.delete(user.userId);
      }
      const userId = `9${Array.from(randomBytes(17), (b) => b % 10).join('')}`;
      await store.users.insert({ userId, platId, loginId: users?.main?.loginID ?? defaultKitUsers.main, loginName: null, email: null, mobile: null, status: '0', profile: {} });
      const token = randomBytes(32).toString('base64url');
      await store.tokens.insert(hashToken(token), { userId, platId, expiresAt: new Date(Date.now() - 60_000) });
      fixtures.platform!.expiredAccessToken = token;
      return fixtures;
    },
    async close() {
      // The platform first: its outbox may still be delivering to the kit partner.
      await platform.close();
      await partner.close();
    },
  };
}
