/** The words of changes of the matrix, in English. */
export const catalogChangesEn = {
  'error.CATALOG_CHANGE_INVALID':
    'The proposed matrix is invalid: each problem is listed with its line. Nothing was stored.',
  'error.CATALOG_CHANGE_PROVIDER_ONLY':
    'Only a person of the provider with the requester role proposes a change of the matrix.',
  'error.ACTION_PROPOSED_AS_CHANGE':
    'A change of the matrix is proposed from the matrix page, not as a plain request.',
} as const;
