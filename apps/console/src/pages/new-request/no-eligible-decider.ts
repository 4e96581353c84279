import type { Translate } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages.en';

/** The codes of a submission nobody could move on, refused 422 or warned of by the preview. */
const CODES = {
  NO_ELIGIBLE_APPROVER: 'newRequest.noEligible.approve',
  NO_ELIGIBLE_CONSULTANT: 'newRequest.noEligible.opinion',
} as const satisfies Record<string, MessageKey>;

const ROLES = ['requester', 'approver', 'operator', 'consultant', 'admin'] as const;

/**
 * The words for NO_ELIGIBLE_APPROVER or NO_ELIGIBLE_CONSULTANT, with the fix: who must give which
 * role in which organization. Undefined for any other code.
 */
export function noEligibleDeciderWords(
  t: Translate,
  code: string,
  details: Record<string, unknown> = {},
): string | undefined {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  if (!(code in CODES)) return undefined;
  const party = details.party === 'provider' ? t('party.provider') : t('party.customer');
  const roles = text(details.roles)
    .split(' or ')
    .map((role) =>
      (ROLES as readonly string[]).includes(role)
        ? t(`newRequest.role.${role as (typeof ROLES)[number]}`)
        : role,
    )
    .join(` ${t('newRequest.or')} `);
  return t(CODES[code as keyof typeof CODES], {
    party,
    organization: text(details.organization),
    roles,
  });
}
