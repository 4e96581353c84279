/** Thrown inside a sealing transaction when the plain chain recorded before keys is broken. */
export class UnsealableHistoryError extends Error {}
