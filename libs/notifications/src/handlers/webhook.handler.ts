import { Injectable } from '@nestjs/common';
import { JobItem, JobName, OnRequestEvent, type RequestEvent } from '@app/core';

/** Every event becomes one webhook dispatch job, which finds the endpoints that subscribed. */
@Injectable()
export class WebhookHandler {
  @OnRequestEvent('all')
  dispatch(event: RequestEvent): JobItem[] {
    return [{ name: JobName.DispatchWebhooks, data: { event } }];
  }
}
