import type { AuditKeys } from '../keys/audit-keys';

/**
 * Whether an entry's MAC is still that of its content, under the key it names. An entry of a key
 * this engine does not have, or of none (recorded before keys, never sealed), proves nothing.
 */
export function macHolds<T extends { keyId: string | null; hash: string }>(
  entry: T,
  keys: AuditKeys,
  fields: (entry: T) => unknown[],
): boolean {
  if (entry.keyId === null || !keys.has(entry.keyId)) return false;
  return keys.mac(fields(entry), entry.keyId) === entry.hash;
}
