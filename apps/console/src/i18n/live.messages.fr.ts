import type { liveEn } from './live.messages.en';

/** Les mots du fil de la demande pour les commentaires internes, en français. */
export const liveFr: Record<keyof typeof liveEn, string> = {
  'timeline.internal': 'Interne',
  'timeline.internalComment': 'A commenté en interne',
};
