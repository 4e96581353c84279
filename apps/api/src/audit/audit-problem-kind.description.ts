/** What each kind of problem means (docs/audit.md tells more). */
export const AUDIT_PROBLEM_KIND_DESCRIPTION =
  'What is wrong, stable for programs: `entry_missing` (a place in the history is empty, or its ' +
  'last entries were deleted), `history_deleted` (a request has no history left), `link_broken` ' +
  '(an entry does not point to the one before), `head_mismatch` (the head the request row keeps ' +
  'is not its last entry), `state_mismatch` (the row’s state or version is not what its history ' +
  'ends with), `mac_mismatch` (edited, or re-hashed without the key), `unknown_key` (keyed under ' +
  'a key the engine does not have), `log_gap` (a place in the organization’s log is empty: a ' +
  'request was deleted whole), `log_link_broken` (the log does not link up to its head), ' +
  '`unsealed` (recorded before the history was keyed and not sealed: its old chain was broken).';
