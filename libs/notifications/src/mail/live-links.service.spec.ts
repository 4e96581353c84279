import { DecisionLinks } from '@app/requests';
import { UnsubscribeLinks } from '../preferences/unsubscribe-links.service';
import { LiveLinks } from './live-links.service';
import { MailLinkKind, newSlot, placeholderOf } from './mail-link-slot';
import { MailMessage } from './mail-message';

const LINK = '7d1c1a9e-1f0e-4b8e-9d57-6a1f3f1d2c11';
const USER = '0b6f4f4a-93a4-4c1f-8a0e-5a3d7b6c9e21';
const DECISION_URL = `https://raci.example/v1/email-actions/${LINK}.mac&x`;
const UNSUBSCRIBE_URL = `https://raci.example/v1/unsubscribe/${USER}.mac`;

function liveLinks(known = true): LiveLinks {
  const decisions = {
    urlsOf: jest.fn((ids: string[]) =>
      Promise.resolve(
        new Map(ids.filter((id) => known && id === LINK).map((id) => [id, DECISION_URL])),
      ),
    ),
  } as unknown as DecisionLinks;
  const unsubscribe = {
    url: (id: string) => `https://raci.example/v1/unsubscribe/${id}.mac`,
  } as unknown as UnsubscribeLinks;
  return new LiveLinks(decisions, unsubscribe);
}

describe('LiveLinks', () => {
  const approve = newSlot(MailLinkKind.Decision, LINK);
  const unsubscribe = newSlot(MailLinkKind.Unsubscribe, USER);
  const stored: MailMessage = {
    messageId: '<m@raci-engine>',
    to: ['ada@example.com'],
    subject: 'Approval needed',
    text: `Approve: ${placeholderOf(approve)}\nStop: ${placeholderOf(unsubscribe)}`,
    html: `<a href="${placeholderOf(approve)}">Approve</a>`,
    headers: { 'List-Unsubscribe': `<${placeholderOf(unsubscribe)}>` },
    links: [approve, unsubscribe],
  };

  it('fills each slot with its working URL, escaped in HTML, and drops the slots', async () => {
    expect(await liveLinks().fill(stored)).toEqual({
      messageId: '<m@raci-engine>',
      to: ['ada@example.com'],
      subject: 'Approval needed',
      text: `Approve: ${DECISION_URL}\nStop: ${UNSUBSCRIBE_URL}`,
      html: `<a href="${DECISION_URL.replace('&', '&amp;')}">Approve</a>`,
      headers: { 'List-Unsubscribe': `<${UNSUBSCRIBE_URL}>` },
    });
  });

  it('gives the same message every time, so a message sent again is the same', async () => {
    expect(await liveLinks().fill(stored)).toEqual(await liveLinks().fill(stored));
  });

  it('fills only the message’s own slots: a placeholder written by someone else stays text', async () => {
    const forged = `{{link:${'0'.repeat(16)}}}`;
    const sent = await liveLinks().fill({ ...stored, text: `${stored.text}\n> ${forged}` });
    expect(sent.text).toContain(`> ${forged}`);
  });

  it('refuses to send a message whose decision link is gone', async () => {
    await expect(liveLinks(false).fill(stored)).rejects.toThrow(`decision link ${LINK}`);
  });

  it('leaves a message without links as it is', async () => {
    const plain: MailMessage = {
      messageId: '<p@raci-engine>',
      to: ['ada@example.com'],
      subject: 'Hi',
      text: 'hello',
    };
    expect(await liveLinks().fill(plain)).toEqual(plain);
  });
});
