import type { delegationSettingsEn } from './delegation-settings.messages.en';

/** Les mots de la section délégations des paramètres, en français. */
export const delegationSettingsFr: Record<keyof typeof delegationSettingsEn, string> = {
  'delegations.heading': 'Délégations',
  'delegations.hint':
    'Absent ? Confiez vos approbations et vos avis à un collègue de votre organisation pour une période. Vous gardez le pouvoir de décider, et personne ne décide une demande que vous avez soumise.',
  'delegations.empty': 'Aucune délégation.',
  'delegations.you': 'vous',
  'delegations.formerMember': 'un ancien membre',
  'delegations.summary': 'De {delegator} à {delegate}',
  'delegations.window': 'Du {from} au {to}',
  'delegations.roles': 'Décisions confiées : {roles}',
  'delegations.status.scheduled': 'Prévue',
  'delegations.status.active': 'Active',
  'delegations.status.over': 'Terminée',
  'delegations.new': 'Déléguer mes décisions',
  'delegations.choose': 'Choisissez une personne',
  'delegations.delegate': 'Délégué',
  'delegations.startsAt': 'Début',
  'delegations.endsAt': 'Fin',
  'delegations.reason': 'Motif',
  'delegations.created':
    'La délégation est enregistrée. Vous serez prévenus tous les deux de son début et de sa fin.',
  'delegations.end': 'Terminer',
  'delegations.endNamed': 'Terminer la délégation {summary}',
  'delegations.endTitle': 'Terminer cette délégation ?',
  'delegations.endText': '{name} ne décidera plus à ce titre.',
  'delegations.ended': 'La délégation est terminée.',
  'error.DELEGATION_TO_SELF': 'Choisissez quelqu’un d’autre : vous ne pouvez pas vous déléguer.',
  'error.DELEGATE_NOT_FOUND': 'Le délégué doit être une personne de votre organisation.',
  'error.DELEGATE_INACTIVE': 'Cette personne est désactivée : choisissez un collègue actif.',
  'error.DELEGATE_NOT_A_PERSON': 'Un compte de service ne décide jamais : choisissez une personne.',
  'error.DELEGATOR_NOT_FOUND': 'Aucun utilisateur actif de votre organisation pour qui déléguer.',
  'error.DELEGATION_WINDOW_INVALID': 'La fin doit venir après le début.',
  'error.DELEGATION_IN_THE_PAST':
    'Cette période est passée : une délégation vaut pour maintenant ou plus tard.',
  'error.NOTHING_TO_DELEGATE':
    'Vous n’avez ni le rôle d’approbateur ni celui de consultant : aucune décision à déléguer.',
  'error.DELEGATION_NOT_FOUND': 'Cette délégation n’existe plus.',
};
