import { Locale } from '@app/parties';
import { dateIn } from './dates';
import { escapeHtml } from './html';
import { RenderedMessage } from './message-context';

/** What a sign-in mail needs: its link (the credential), for whom, and until when it works. */
export interface SignInMailContext {
  locale: Locale;
  email: string;
  url: string;
  expiresAt: Date;
  minutes: number;
}

interface SignInWords {
  subject: string;
  intro: string;
  button: string;
  /** `{minutes}` and `{when}` are filled in. */
  expiry: string;
  ignore: string;
}

const WORDS: Record<Locale, SignInWords> = {
  [Locale.En]: {
    subject: 'Sign in to raci-engine',
    intro: 'Use this link to sign in to raci-engine as {email}:',
    button: 'Sign in',
    expiry: 'The link expires in {minutes} minutes ({when}) and works once.',
    ignore:
      'If you did not ask to sign in, you can ignore this message: nobody can sign in without the link.',
  },
  [Locale.Fr]: {
    subject: 'Connexion à raci-engine',
    intro: 'Utilisez ce lien pour vous connecter à raci-engine en tant que {email} :',
    button: 'Se connecter',
    expiry: 'Le lien expire dans {minutes} minutes ({when}) et ne sert qu’une fois.',
    ignore:
      'Si vous n’avez pas demandé à vous connecter, ignorez ce message : personne ne peut se connecter sans le lien.',
  },
};

/** The mail that carries a sign-in link, text and HTML, in the language of its person's organization. */
export function renderSignInMail(context: SignInMailContext): RenderedMessage {
  const words = WORDS[context.locale];
  const intro = words.intro.replace('{email}', () => context.email);
  const expiry = words.expiry
    .replace('{minutes}', String(context.minutes))
    .replace('{when}', () => dateIn(context.locale, context.expiresAt));
  const text = [
    words.subject,
    intro,
    `${words.button}: ${context.url}`,
    expiry,
    `--\n${words.ignore}`,
  ];
  const html = [
    `<h2>${escapeHtml(words.subject)}</h2>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p><a href="${escapeHtml(context.url)}">${escapeHtml(words.button)}</a></p>`,
    `<p>${escapeHtml(expiry)}</p>`,
    `<hr><p><small>${escapeHtml(words.ignore)}</small></p>`,
  ];
  return { subject: words.subject, text: text.join('\n\n'), html: html.join('\n') };
}
