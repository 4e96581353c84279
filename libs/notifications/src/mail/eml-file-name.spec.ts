import { emlFileName } from './mail-transport';

describe('emlFileName', () => {
  it('says when, for whom and about what, safely for any file system', () => {
    const name = emlFileName(
      {
        messageId: '<e1.abc@raci-engine>',
        to: ['alice@example.com'],
        subject: 's',
        text: 't',
        topic: 'approval-needed',
      },
      new Date('2026-11-29T10:00:00.123Z'),
    );
    expect(name).toMatch(
      /^2026-11-29T10-00-00Z_alice@example\.com_approval-needed_[0-9a-f]{8}\.eml$/,
    );
  });

  it('never lets an address or topic reach outside the folder, and tells two messages apart', () => {
    const at = new Date('2026-11-29T10:00:00Z');
    const one = emlFileName(
      { messageId: '<1@x>', to: ['../../etc/passwd'], subject: '', text: '', topic: 'a/b' },
      at,
    );
    const two = emlFileName(
      { messageId: '<2@x>', to: ['../../etc/passwd'], subject: '', text: '' },
      at,
    );
    expect(one).not.toContain('/');
    expect(one).toContain('_a_b_');
    expect(two).toContain('_message_');
    expect(one.slice(-13)).not.toBe(two.slice(-13));
  });
});
