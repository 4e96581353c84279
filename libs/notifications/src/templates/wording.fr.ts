import { RequestEventType as E, RequestState as S } from '@app/core';
import { Audience } from '../planning/audience';
import { SYSTEM_NOTES } from './system-notes';
import type { Wording } from './wording';

export const WORDING_FR: Wording = {
  asks: {
    [Audience.ApprovalNeeded]: 'Approbation requise',
    [Audience.OpinionRequested]: 'Votre avis est demandé',
    [Audience.WorkAssigned]: 'Travail assigné',
    [Audience.Escalation]: 'Décision bloquée',
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
    submittedBy: 'Soumise par',
    state: 'État',
    performedBy: 'Réalisée par',
    via: 'via',
    parameters: 'Paramètres',
    next: 'Prochaine étape',
    nobody: 'aucune : la demande est close',
    by: 'avant le',
    commentFrom: 'Commentaire de',
    note: 'Note',
    result: 'Résultat',
    resultFrom: 'Résultat de',
    opinions: 'Avis des parties consultées',
    about: 'À propos de cette action',
    request: 'Demande',
    view: 'Voir la demande',
    footer:
      'Vous recevez ce message en raison de votre rôle dans cette demande selon la matrice RACI.',
    linksNote:
      'Ces liens ne servent qu’une fois, pour vous seul, tant que la demande attend cette décision, et au plus tard jusqu’au',
  },
  verbs: { approve: 'Approuver', reject: 'Rejeter', agree: 'D’accord', disagree: 'Pas d’accord' },
  states: {
    [S.PendingConsultation]: 'en attente de l’avis des parties consultées',
    [S.PendingApproval]: 'en attente d’approbation',
    [S.Approved]: 'approuvée, en attente de réalisation',
    [S.InProgress]: 'en cours de réalisation',
    [S.Completed]: 'terminée',
    [S.Failed]: 'en échec',
    [S.Rejected]: 'rejetée',
    [S.Cancelled]: 'annulée',
    [S.Expired]: 'expirée',
  },
  waits: {
    approve: 'approuver ou rejeter',
    opinion: 'donner leur avis',
    work: 'réaliser le travail',
  },
  roles: {
    approver: 'approbateurs',
    consultant: 'consultants',
    operator: 'opérateurs',
    requester: 'demandeurs',
    admin: 'administrateurs',
  },
  whoWaits: { provider: 'les {roles} du fournisseur', customer: 'les {roles} du client' },
  or: 'ou',
  parties: { provider: 'le fournisseur', customer: 'le client' },
  opinions: { agree: 'd’accord', disagree: 'pas d’accord' },
  stuck: {
    note: 'Cette demande ne peut plus avancer : {fixes}.',
    approve:
      'plus personne ne peut approuver pour {party} depuis la désactivation d’un utilisateur : ' +
      'ajoutez un utilisateur ayant le rôle {roles} à l’organisation « {organization} »',
    opinion:
      'plus personne ne peut donner d’avis pour {party} depuis la désactivation d’un utilisateur : ' +
      'ajoutez un utilisateur ayant le rôle {roles} à l’organisation « {organization} »',
    roleOr: ' ou ',
  },
  systemNotes: {
    [SYSTEM_NOTES.deadlinePassed]: 'L’échéance d’approbation est passée.',
    [SYSTEM_NOTES.decidedBySubmission]:
      'Soumise par un approbateur de la partie responsable (A) : selon le catalogue, la soumission vaut décision.',
  },
};
