/** The words of delegation (stand-ins), in French. */
export const delegationFr = {
  'admin.action.delegation.created': 'Délégation établie',
  'admin.action.delegation.ended': 'Délégation terminée',
  'admin.subject.delegation': 'délégation',
  'inbox.onBehalfOf': 'Pour le compte de {name}',
  'timeline.onBehalfOf': 'pour le compte de {name}',
} as const;
