import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Catalog, Party } from '@app/catalog';
import { Request, RequestEvent, RequestOpinion } from '@app/requests';
import { MailMessage } from '../mail/mail-message';
import { renderMessage } from '../templates/message-renderer';
import { audiencesOf, Audience } from './audience';
import { localeOf, RecipientDirectory } from './recipient-directory';

/** One message owed for an event, ready to be recorded and sent. */
export interface PlannedMessage {
  audience: Audience;
  recipient: string;
  organizationId: string;
  message: MailMessage;
}

/**
 * Decides who hears of an event and what each is told: one message per recipient and event (the
 * first audience wins where a person is in several), worded for the recipient's organization.
 */
@Injectable()
export class NotificationPlanner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: Catalog,
    private readonly directory: RecipientDirectory,
  ) {}

  async plan(event: RequestEvent): Promise<PlannedMessage[]> {
    const audiences = audiencesOf(event);
    if (audiences.length === 0) return [];
    const request = await this.dataSource
      .getRepository(Request)
      .findOneByOrFail({ id: event.requestId });
    const organizations = await this.directory.organizationsOf(request);
    const opinions = await this.dataSource
      .getRepository(RequestOpinion)
      .find({ where: { requestId: request.id }, order: { createdAt: 'ASC' } });
    const action = this.catalog.action(request.action);
    const planned = new Map<string, PlannedMessage>();
    for (const audience of audiences) {
      for (const { email, organization } of await this.directory.recipients(
        audience,
        request,
        organizations,
      )) {
        if (planned.has(email)) continue;
        const rendered = renderMessage({
          audience,
          eventType: event.type,
          locale: localeOf(organization),
          requestId: request.id,
          actionKey: request.action,
          actionTitle: action?.title ?? request.action,
          actionComment: action?.comment,
          organizationName: organizations[Party.Customer].name,
          state: event.toState,
          performer: request.performer,
          via: action?.performer.via,
          eventText: event.comment,
          opinions:
            audience === Audience.ApprovalNeeded
              ? opinions.map(({ party, opinion, comment }) => ({ party, opinion, comment }))
              : [],
        });
        const messageId = messageIdOf(event.id, email);
        planned.set(email, {
          audience,
          recipient: email,
          organizationId: organization.id,
          message: { messageId, to: [email], ...rendered },
        });
      }
    }
    return [...planned.values()];
  }
}

/** The same event and recipient always give the same Message-ID, so duplicates are recognizable. */
export function messageIdOf(eventId: string, recipient: string): string {
  return `<${eventId}.${recipientKey(recipient)}@raci-engine>`;
}

export function recipientKey(recipient: string): string {
  return createHash('sha256').update(recipient.toLowerCase()).digest('hex').slice(0, 16);
}
