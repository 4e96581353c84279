/** Les mots des approbations à quorum, en français. */
export const quorumFr = {
  'request.approvals': 'Approbations',
  'request.approvalsOf': '{count} sur les {required} requises',
  'event.request.approval_recorded': 'A approuvé ; d’autres approbations sont attendues',
  'error.ALREADY_APPROVED':
    'Vous avez déjà approuvé cette demande ; elle attend d’autres approbateurs.',
} as const;
