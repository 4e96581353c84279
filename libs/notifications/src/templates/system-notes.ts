/**
 * The notes the engine writes in a request's history itself, by their English text: mail says them
 * in the recipient's language (`Wording.systemNotes`), and any other text as its author wrote it.
 */
export const SYSTEM_NOTES = {
  deadlinePassed: 'The approval deadline passed.',
  decidedBySubmission:
    'Submitted by an approver of the Accountable party: the catalog makes the submission the decision.',
} as const;
