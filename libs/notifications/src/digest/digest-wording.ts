import { Locale } from '@app/parties';

/** The words of the daily digest, per locale; each event's headline is the Informed message's. */
export interface DigestWording {
  subject(day: string, updates: number, requests: number): string;
  title(day: string): string;
  intro: string;
  now: string;
  request: string;
  note: string;
  footer: string;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const DIGEST_WORDING: Record<Locale, DigestWording> = {
  [Locale.En]: {
    subject: (day, updates, requests) =>
      `Daily summary for ${day}: ${plural(updates, 'update', 'updates')} on ${plural(requests, 'request', 'requests')}`,
    title: (day) => `Daily summary for ${day}`,
    intro: 'What happened to the requests you are Informed of since your last summary.',
    now: 'now',
    request: 'Request',
    note: 'Note',
    footer:
      'You receive this summary once a day because you chose a daily digest of the requests you ' +
      'are Informed of; change it with PUT /v1/me/notification-preferences. Mail asking you to ' +
      'act is always sent at once.',
  },
  [Locale.Fr]: {
    subject: (day, updates, requests) =>
      `Résumé du ${day} : ${plural(updates, 'nouvelle', 'nouvelles')} sur ${plural(requests, 'demande', 'demandes')}`,
    title: (day) => `Résumé du ${day}`,
    intro: 'Ce qui est arrivé aux demandes dont vous êtes informé depuis votre dernier résumé.',
    now: 'désormais',
    request: 'Demande',
    note: 'Note',
    footer:
      'Vous recevez ce résumé une fois par jour parce que vous avez choisi un résumé quotidien ' +
      'des demandes dont vous êtes informé ; modifiez ce choix avec PUT ' +
      '/v1/me/notification-preferences. Les messages qui vous demandent d’agir partent toujours ' +
      'aussitôt.',
  },
};
