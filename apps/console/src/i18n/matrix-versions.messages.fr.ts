import type { matrixVersionsEn } from './matrix-versions.messages.en';

/** Les mots des versions de la matrice, de son historique et de ses changements, en français. */
export const matrixVersionsFr: Record<keyof typeof matrixVersionsEn, string> = {
  'matrix.version': 'La version {version} de la matrice est en vigueur.',
  'matrix.versions.heading': 'Historique',
  'matrix.versions.name': 'Version {version}',
  'matrix.versions.state.active': 'En vigueur',
  'matrix.versions.state.draft': 'Proposée',
  'matrix.versions.state.superseded': 'Remplacée',
  'matrix.versions.state.discarded': 'Abandonnée',
  'matrix.versions.byDeployment': 'Depuis les fichiers du déploiement, {date}',
  'matrix.versions.byChange': 'Changée par une demande approuvée, {date}',
  'matrix.versions.showChanges': 'Voir les changements',
  'matrix.versions.hideChanges': 'Masquer les changements',
  'matrix.versions.changes': 'Changements de la version {from} à la version {to}',
  'matrix.versions.noChange': 'Aucune ligne n’a changé.',
  'matrix.diff.changed': '{title} : {changes}',
  'matrix.diff.letters': '{party} {before} → {after}',
  'matrix.diff.plans': 'offres {before} → {after}',
  'matrix.diff.added': '{title} : ajoutée, {letters}',
  'matrix.diff.removed': '{title} : retirée',
};
