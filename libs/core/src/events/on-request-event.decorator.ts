import { SetMetadata } from '@nestjs/common';
import { RequestEventType } from './request-event';

export const ON_REQUEST_EVENT = Symbol('raci:on-request-event');

/** The events a handler takes: some types, or every one. */
export type HandledEvents = readonly RequestEventType[] | 'all';

/**
 * Marks a provider method as a handler of request events. A handler only turns the event into the
 * jobs that do the work (`(event) => JobItem[]`); it knows no other handler, and the fan-out calls
 * every handler of an event when the outbox relays it.
 */
export const OnRequestEvent = (events: HandledEvents): MethodDecorator =>
  SetMetadata(ON_REQUEST_EVENT, events);
