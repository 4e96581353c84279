/** The words of quorum approvals, in English. */
export const quorumEn = {
  'request.approvals': 'Approvals',
  'request.approvalsOf': '{count} of the {required} needed',
  'event.request.approval_recorded': 'Approved; other approvals awaited',
  'error.ALREADY_APPROVED': 'You have already approved this request; it awaits other approvers.',
} as const;
