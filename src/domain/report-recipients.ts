// Clause 7.2.8: who receives a device's reports. The store carries this rule in SQL, in the lookup
// that locks a device for a change (reportTo in the store's repositories), so that a change needs
// no second statement; test/store/report-recipients.test.ts holds the two together.

/** The partner platforms a device's reports go to: the platform of every user bound to it, each
 * once, in the order they first bound it. `bindings` are the device's, oldest first. */
export function reportRecipients(bindings: { platId: string }[]): string[] {
  return [...new Set(bindings.map((b) => b.platId))];
}
