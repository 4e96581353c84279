import { Locale } from '@app/parties';
import { Audience } from '../planning/audience';
import { RequestEventType as E } from '@app/core';

/** The words of every message, per locale. The provider and many customers work in French. */
export interface Wording {
  asks: Record<Exclude<Audience, Audience.Informed>, string>;
  informed: Partial<Record<E, string>>;
  labels: {
    reminder: string;
    opinionReminder: string;
    dueAt: string;
    action: string;
    organization: string;
    state: string;
    performedBy: string;
    via: string;
    note: string;
    opinions: string;
    about: string;
    request: string;
    footer: string;
    approve: string;
    reject: string;
    linksNote: string;
  };
  parties: Record<string, string>;
}

export const WORDING: Record<Locale, Wording> = {
  [Locale.En]: {
    asks: {
      [Audience.ApprovalNeeded]: 'Approval needed',
      [Audience.OpinionRequested]: 'Your opinion is requested',
      [Audience.WorkAssigned]: 'Work assigned',
      [Audience.Escalation]: 'Approval overdue',
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
      state: 'State',
      performedBy: 'Performed by',
      via: 'through',
      note: 'Note',
      opinions: 'Opinions of the Consulted parties',
      about: 'About this action',
      request: 'Request',
      footer:
        'You receive this message because of your part in this request under the RACI matrix.',
      approve: 'Approve',
      reject: 'Reject',
      linksNote: 'These links work once, for you only, until',
    },
    parties: { provider: 'the provider', customer: 'the customer' },
  },
  [Locale.Fr]: {
    asks: {
      [Audience.ApprovalNeeded]: 'Approbation requise',
      [Audience.OpinionRequested]: 'Votre avis est demandé',
      [Audience.WorkAssigned]: 'Travail assigné',
      [Audience.Escalation]: 'Approbation en retard',
    },
    informed: {
      [E.Submitted]: 'Demande soumise',
      [E.Approved]: 'Demande approuvée',
      [E.Rejected]: 'Demande rejetée',
      [E.Started]: 'Travaux commencés',
      [E.Completed]: 'Demande terminée',
      [E.Failed]: 'Demande en échec',
      [E.Cancelled]: 'Demande annulée',
      [E.Expired]: 'Demande expirée',
    },
    labels: {
      reminder: 'Rappel : approbation requise',
      opinionReminder: 'Rappel : votre avis est demandé',
      dueAt: 'Échéance',
      action: 'Action',
      organization: 'Client',
      state: 'État',
      performedBy: 'Réalisée par',
      via: 'via',
      note: 'Note',
      opinions: 'Avis des parties consultées',
      about: 'À propos de cette action',
      request: 'Demande',
      footer:
        'Vous recevez ce message en raison de votre rôle dans cette demande selon la matrice RACI.',
      approve: 'Approuver',
      reject: 'Rejeter',
      linksNote: 'Ces liens ne servent qu’une fois, pour vous seul, jusqu’au',
    },
    parties: { provider: 'le fournisseur', customer: 'le client' },
  },
};
