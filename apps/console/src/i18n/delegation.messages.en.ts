/** The words of delegation (stand-ins), in English. */
export const delegationEn = {
  'admin.action.delegation.created': 'Delegation set',
  'admin.action.delegation.ended': 'Delegation ended',
  'admin.subject.delegation': 'delegation',
  'inbox.onBehalfOf': 'On behalf of {name}',
  'timeline.onBehalfOf': 'on behalf of {name}',
} as const;
