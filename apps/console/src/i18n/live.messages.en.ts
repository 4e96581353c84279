/** The words of the live inbox and of the timeline's internal comments, in English. */
export const liveEn = {
  'timeline.internal': 'Internal',
  'timeline.internalComment': 'Commented internally',
} as const;
