import type { catalogChangesEn } from './catalog-changes.messages.en';

/** Les mots des changements de la matrice, en français. */
export const catalogChangesFr: Record<keyof typeof catalogChangesEn, string> = {
  'error.CATALOG_CHANGE_INVALID':
    'La matrice proposée n’est pas valide : chaque problème est indiqué avec sa ligne. Rien n’a été enregistré.',
  'error.CATALOG_CHANGE_PROVIDER_ONLY':
    'Seule une personne du fournisseur ayant le rôle de demandeur propose un changement de la matrice.',
  'error.ACTION_PROPOSED_AS_CHANGE':
    'Un changement de la matrice se propose depuis la page de la matrice, pas comme une demande ordinaire.',
};
