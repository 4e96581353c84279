import { dateIn, escapeHtml } from '@app/notifications';
import { Locale, SignInLinkStatus } from '@app/parties';

/** The small HTML pages behind the sign-in links of emails, in the language of the link's person. */

type Closed = Exclude<SignInLinkStatus, 'usable'>;

interface SignInPageWords {
  title: string;
  /** `{when}` is filled in. */
  press: string;
  button: string;
  cannotUse: string;
  closed: Record<Closed, string>;
}

const WORDS: Record<Locale, SignInPageWords> = {
  [Locale.En]: {
    title: 'Sign in to raci-engine',
    press: 'Press the button to sign in. This link works once, until {when}.',
    button: 'Sign in',
    cannotUse: 'This link cannot be used',
    closed: {
      used: 'This sign-in link was already used: each link signs in once. Ask for a new one.',
      expired: 'This sign-in link has expired: links work for 15 minutes. Ask for a new one.',
      revoked: 'This sign-in link no longer works: the account it was sent for cannot sign in.',
    },
  },
  [Locale.Fr]: {
    title: 'Connexion à raci-engine',
    press:
      'Appuyez sur le bouton pour vous connecter. Ce lien ne sert qu’une fois, jusqu’au {when}.',
    button: 'Se connecter',
    cannotUse: 'Ce lien ne peut pas servir',
    closed: {
      used: 'Ce lien de connexion a déjà servi : chaque lien ne sert qu’une fois. Demandez-en un nouveau.',
      expired:
        'Ce lien de connexion a expiré : un lien sert pendant 15 minutes. Demandez-en un nouveau.',
      revoked:
        'Ce lien de connexion ne fonctionne plus : le compte pour lequel il a été envoyé ne peut plus se connecter.',
    },
  },
};

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1.5rem}';

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

/** Shown when a usable link is followed: nobody is signed in until the button is pressed. */
export function signInPage(locale: Locale, expiresAt: Date): string {
  const words = WORDS[locale];
  const press = words.press.replace('{when}', () => dateIn(locale, expiresAt));
  return page(
    locale,
    words.title,
    `<p>${escapeHtml(press)}</p>` +
      `<form method="post"><button type="submit" id="sign-in">${escapeHtml(words.button)}</button></form>`,
  );
}

/** Shown for a link that can no longer sign in: why, and no form, since it could only fail. */
export function closedSignInPage(locale: Locale, reason: Closed): string {
  const words = WORDS[locale];
  return page(locale, words.cannotUse, `<p id="problem">${escapeHtml(words.closed[reason])}</p>`);
}

/** Shown for a forged or unknown link, or a client over the failure limit: the error's message. */
export function signInProblemPage(message: string): string {
  return page(Locale.En, WORDS[Locale.En].cannotUse, `<p id="problem">${escapeHtml(message)}</p>`);
}
