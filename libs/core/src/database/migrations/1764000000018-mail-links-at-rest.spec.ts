import { withoutLiveLinks } from './1764000000018-mail-links-at-rest';

const LINK = '7d1c1a9e-1f0e-4b8e-9d57-6a1f3f1d2c11';
const USER = '0b6f4f4a-93a4-4c1f-8a0e-5a3d7b6c9e21';
const MAC = 'yld1agk58JEd3EF9fu2OavLac5ZMLVJd6AZrr48evb0';
const APPROVE = `https://raci.example/v1/email-actions/${LINK}.${MAC}`;
const UNSUBSCRIBE = `https://raci.example/v1/unsubscribe/${USER}.${MAC}`;

describe('withoutLiveLinks', () => {
  it('puts each working link of a recorded message by reference, one slot per link', () => {
    const scrubbed = withoutLiveLinks({
      messageId: '<m@raci-engine>',
      text: `Approve: ${APPROVE}\nStop: ${UNSUBSCRIBE}`,
      html: `<a href="${APPROVE}">Approve</a>`,
      headers: { 'List-Unsubscribe': `<${UNSUBSCRIBE}>`, 'List-Unsubscribe-Post': 'One-Click' },
    })!;
    const [decision, unsubscribe] = scrubbed.links!;
    expect(decision).toEqual({
      slot: expect.stringMatching(/^[0-9a-f]{16}$/),
      kind: 'decision',
      id: LINK,
    });
    expect(unsubscribe).toEqual({ slot: expect.any(String), kind: 'unsubscribe', id: USER });
    expect(scrubbed).toEqual({
      messageId: '<m@raci-engine>',
      text: `Approve: {{link:${decision.slot}}}\nStop: {{link:${unsubscribe.slot}}}`,
      html: `<a href="{{link:${decision.slot}}}">Approve</a>`,
      headers: {
        'List-Unsubscribe': `<{{link:${unsubscribe.slot}}}>`,
        'List-Unsubscribe-Post': 'One-Click',
      },
      links: [decision, unsubscribe],
    });
    expect(JSON.stringify(scrubbed)).not.toContain(MAC);
  });

  it('leaves a message without working links alone', () => {
    expect(
      withoutLiveLinks({ text: 'View: https://raci.example/v1/requests/1', html: '<p></p>' }),
    ).toBeNull();
    expect(withoutLiveLinks({ text: `Approve: {{link:0011223344556677}}` })).toBeNull();
  });
});
