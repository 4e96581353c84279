/**
 * The catalog's own action: a change of the matrix is a request for it, proposed with
 * POST /v1/catalog/changes (never submitted directly: the proposal stores the version it activates).
 */
export const CHANGE_MATRIX_ACTION = 'catalog.change-matrix';
