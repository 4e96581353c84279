import { Locale } from '@app/parties';
import { DelegationNoticeContext, renderDelegationNotice } from './delegation-notice-mail';

const context: DelegationNoticeContext = {
  locale: Locale.En,
  moment: 'started',
  toDelegate: true,
  delegatorName: 'Grace Hopper',
  delegateName: 'Ada Lovelace',
  roles: ['approver'],
  startsAt: new Date('2026-12-21T08:00:00Z'),
  endsAt: new Date('2027-01-04T08:00:00Z'),
  reason: 'Holidays <3',
  inboxUrl: 'https://raci.example/',
};

describe('the notices of a delegation', () => {
  it('tells the delegate whom they decide for, until when, and where', () => {
    const mail = renderDelegationNotice(context);
    expect(mail.subject).toBe('Delegation started: Ada Lovelace decides for Grace Hopper');
    expect(mail.text).toContain('on behalf of Grace Hopper (approver)');
    expect(mail.text).toContain('2027-01-04 08:00 UTC');
    expect(mail.html).toContain('Holidays &lt;3');
  });

  it('tells the delegator they keep the power to decide, in their organization’s language', () => {
    const mail = renderDelegationNotice({ ...context, locale: Locale.Fr, toDelegate: false });
    expect(mail.text).toContain('Ada Lovelace décide pour votre compte (approver)');
    expect(mail.text).toContain('Vous gardez le pouvoir de décider vous-même');
  });

  it('tells both when it ends', () => {
    const mail = renderDelegationNotice({ ...context, moment: 'ended', toDelegate: false });
    expect(mail.subject).toBe('Delegation ended: Ada Lovelace no longer decides for Grace Hopper');
    expect(mail.text).toContain('Ada Lovelace no longer decides on your behalf.');
  });
});
