import { RequestEventType as E, RequestState as S } from '@app/core';
import { Audience } from '../planning/audience';
import { SYSTEM_NOTES } from './system-notes';
import type { Wording } from './wording';

export const WORDING_EN: Wording = {
  asks: {
    [Audience.ApprovalNeeded]: 'Approval needed',
    [Audience.OpinionRequested]: 'Your opinion is requested',
    [Audience.WorkAssigned]: 'Work assigned',
    [Audience.Escalation]: 'Decision stuck',
  },
  informed: {
    [E.Submitted]: 'Request submitted',
    [E.Approved]: 'Request approved',
    [E.Rejected]: 'Request rejected',
    [E.Started]: 'Work started',
    [E.Completed]: 'Request completed',
    [E.Failed]: 'Request failed',
    [E.Cancelled]: 'Request cancelled',
    [E.Expired]: 'Request expired',
  },
  labels: {
    reminder: 'Reminder: approval needed',
    opinionReminder: 'Reminder: your opinion is requested',
    dueAt: 'Due',
    action: 'Action',
    organization: 'Customer',
    submittedBy: 'Submitted by',
    state: 'State',
    performedBy: 'Performed by',
    via: 'through',
    parameters: 'Parameters',
    next: 'Next',
    nobody: 'nobody: the request is finished',
    by: 'by',
    commentFrom: 'Comment from',
    note: 'Note',
    result: 'Result',
    resultFrom: 'Result from',
    opinions: 'Opinions of the Consulted parties',
    about: 'About this action',
    request: 'Request',
    view: 'View the request',
    footer: 'You receive this message because of your part in this request under the RACI matrix.',
    linksNote:
      'These links work once, for you only, while the request waits for this decision, and at the latest until',
  },
  verbs: { approve: 'Approve', reject: 'Reject', agree: 'Agree', disagree: 'Disagree' },
  states: {
    [S.PendingConsultation]: 'waiting for the opinions of the Consulted parties',
    [S.PendingApproval]: 'waiting for approval',
    [S.Approved]: 'approved, waiting for the work to start',
    [S.InProgress]: 'in progress',
    [S.Completed]: 'completed',
    [S.Failed]: 'failed',
    [S.Rejected]: 'rejected',
    [S.Cancelled]: 'cancelled',
    [S.Expired]: 'expired',
  },
  waits: {
    approve: 'approve or reject',
    opinion: 'give their opinion',
    work: 'do the work',
  },
  roles: {
    approver: 'approvers',
    consultant: 'consultants',
    operator: 'operators',
    requester: 'requesters',
    admin: 'admins',
  },
  whoWaits: { provider: "the provider's {roles}", customer: "the customer's {roles}" },
  or: 'or',
  parties: { provider: 'the provider', customer: 'the customer' },
  opinions: { agree: 'agree', disagree: 'disagree' },
  stuck: {
    note: 'This request can no longer move: {fixes}.',
    approve:
      'nobody can approve for {party} since a user was deactivated: add a user with the role ' +
      '{roles} to the organization "{organization}"',
    opinion:
      'nobody can give the opinion of {party} since a user was deactivated: add a user with the ' +
      'role {roles} to the organization "{organization}"',
    roleOr: ' or ',
  },
  systemNotes: {
    [SYSTEM_NOTES.deadlinePassed]: SYSTEM_NOTES.deadlinePassed,
    [SYSTEM_NOTES.decidedBySubmission]: SYSTEM_NOTES.decidedBySubmission,
  },
};
