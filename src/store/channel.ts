// LISTEN channel names both engines treat alike: PGlite sends them unquoted (so folded to lower
// case) and PostgreSQL reports them as written, so only plain lower-case identifiers are allowed.
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertChannelName(channel: string): void {
  if (!CHANNEL.test(channel)) {
    throw new Error(`LISTEN channel ${JSON.stringify(channel)} must be a lower-case identifier: [a-z_][a-z0-9_]*, at most 63 characters`);
  }
}
