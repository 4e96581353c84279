import { Locale } from '@app/parties';
import type { ClosedReason, LinkVerb } from '@app/requests';

/** The words of the pages behind decision links, in the language of the link's holder. */
export interface PageWords {
  asks: Record<LinkVerb, { question: string; button: string; done: string; field: string }>;
  /** What a history event did. */
  done: Record<string, string>;
  changed: string;
  engine: string;
  cannotUse: string;
  /** Why a link can no longer act: `{what}` (the event), `{who}` and `{when}` are filled in. */
  closed: Record<ClosedReason, string>;
  forCustomer: string;
  request: string;
  now: string;
  needsReason: string;
}

const EN: PageWords = {
  asks: {
    approve: {
      question: 'Approve this request?',
      button: 'Approve',
      done: 'Approved',
      field: 'Comment (optional)',
    },
    reject: {
      question: 'Reject this request?',
      button: 'Reject',
      done: 'Rejected',
      field: 'Reason (required)',
    },
    agree: {
      question: 'Agree with this request?',
      button: 'Agree',
      done: 'Opinion given',
      field: 'Comment (optional)',
    },
    disagree: {
      question: 'Disagree with this request?',
      button: 'Disagree',
      done: 'Opinion given',
      field: 'Comment (optional)',
    },
  },
  done: {
    'request.approved': 'the request was approved',
    'request.approval_recorded': 'an approval was recorded; the request awaits others',
    'request.rejected': 'the request was rejected',
    'request.cancelled': 'the request was cancelled',
    'request.expired': 'the request expired at its deadline',
    'request.consultation_waived': 'the consultation was waived',
    'request.opinion_given': 'an opinion was given',
    'request.started': 'the work was started',
    'request.completed': 'the request was completed',
    'request.failed': 'the request was marked failed',
  },
  changed: 'the request was changed',
  engine: 'the engine',
  cannotUse: 'This link cannot be used',
  closed: {
    used: 'This link was already used: {what} by {who} on {when}.',
    'moved-on': 'This link no longer applies: {what} by {who} on {when}.',
    answered:
      "This link no longer applies: your party's opinion was already given by {who} on {when}.",
    expired: 'This link has expired: the decision was due {when}.',
  },
  forCustomer: 'for',
  request: 'Request',
  now: 'now',
  needsReason: 'A rejection needs a reason: go back and give one.',
};

const FR: PageWords = {
  asks: {
    approve: {
      question: 'Approuver cette demande ?',
      button: 'Approuver',
      done: 'Approuvée',
      field: 'Commentaire (facultatif)',
    },
    reject: {
      question: 'Rejeter cette demande ?',
      button: 'Rejeter',
      done: 'Rejetée',
      field: 'Motif (obligatoire)',
    },
    agree: {
      question: 'Donner un avis favorable ?',
      button: 'D’accord',
      done: 'Avis donné',
      field: 'Commentaire (facultatif)',
    },
    disagree: {
      question: 'Donner un avis défavorable ?',
      button: 'Pas d’accord',
      done: 'Avis donné',
      field: 'Commentaire (facultatif)',
    },
  },
  done: {
    'request.approved': 'la demande a été approuvée',
    'request.rejected': 'la demande a été rejetée',
    'request.cancelled': 'la demande a été annulée',
    'request.expired': 'la demande a expiré à son échéance',
    'request.consultation_waived': 'la consultation a été levée',
    'request.approval_recorded':
      'une approbation a été enregistrée ; la demande en attend d’autres',
    'request.opinion_given': 'un avis a été donné',
    'request.started': 'le travail a commencé',
    'request.completed': 'la demande a été terminée',
    'request.failed': 'la demande a été déclarée en échec',
  },
  changed: 'la demande a changé',
  engine: 'le moteur',
  cannotUse: 'Ce lien ne peut pas servir',
  closed: {
    used: 'Ce lien a déjà servi : {what} par {who} le {when}.',
    'moved-on': 'Ce lien ne s’applique plus : {what} par {who} le {when}.',
    answered:
      'Ce lien ne s’applique plus : l’avis de votre partie a déjà été donné par {who} le {when}.',
    expired: 'Ce lien a expiré : la décision était attendue le {when}.',
  },
  forCustomer: 'pour',
  request: 'Demande',
  now: 'désormais',
  needsReason: 'Un rejet demande un motif : revenez en arrière pour en donner un.',
};

export const PAGE_WORDS: Record<Locale, PageWords> = { [Locale.En]: EN, [Locale.Fr]: FR };
