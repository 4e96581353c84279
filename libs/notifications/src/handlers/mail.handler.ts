import { Injectable } from '@nestjs/common';
import { JobItem, JobName, OnRequestEvent, type RequestEvent } from '@app/core';
import { audiencesOf } from '../planning/audience';

/** Every event somebody hears of by mail becomes one planning job. */
@Injectable()
export class MailHandler {
  @OnRequestEvent('all')
  plan(event: RequestEvent): JobItem[] {
    return audiencesOf(event).length > 0 ? [{ name: JobName.PlanMail, data: { event } }] : [];
  }
}
