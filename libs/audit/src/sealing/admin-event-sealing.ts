import { GENESIS_HASH, linkProblem } from '../audit-chain';
import { AdminEvent } from '../admin/admin-event.entity';
import { adminEventFields } from '../admin/admin-event-chain';
import type { AuditKeys } from '../keys/audit-keys';
import { legacyAdminEventHash, legacyLinkProblem } from './legacy-chain';
import { UnsealableHistoryError } from './unsealable-history.error';

/**
 * An organization's admin events (in `seq` order) chained again and keyed under AUDIT_KEY, once
 * their chain is checked: plain hashes for the events recorded before keys, MACs for those since.
 * Throws UnsealableHistoryError where it is broken.
 */
export function sealedAdminEvents(events: AdminEvent[], keys: AuditKeys): AdminEvent[] {
  events.forEach((event, i) => {
    const previous = events[i - 1];
    const problem =
      event.keyId === null
        ? legacyLinkProblem(event, previous, legacyAdminEventHash)
        : linkProblem(event, previous, keys, adminEventFields, () => '')?.problem;
    if (problem) throw new UnsealableHistoryError(`event ${event.seq}: ${problem}`);
  });
  let prevHash = GENESIS_HASH;
  return events.map((event) => {
    const keyed = { ...event, prevHash, keyId: keys.currentId };
    const hash = keys.mac(adminEventFields(keyed));
    prevHash = hash;
    return Object.assign(new AdminEvent(), keyed, { hash });
  });
}
