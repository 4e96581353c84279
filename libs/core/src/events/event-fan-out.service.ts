import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { JobItem } from '../queue/job-item';
import { EventMap, REQUEST_EVENT_TYPES, RequestEvent, RequestEventType } from './request-event';
import { HandledEvents, ON_REQUEST_EVENT } from './on-request-event.decorator';

/** A handler as the fan-out keeps it: where it comes from, and what it does. */
interface Handler {
  name: string;
  handle: (event: RequestEvent) => JobItem[];
}

/**
 * The one map from event to handlers, found at start among every provider's `@OnRequestEvent`
 * methods. The outbox relay asks it for the jobs of each event it relays.
 */
@Injectable()
export class EventFanOut implements OnModuleInit {
  private readonly logger = new Logger(EventFanOut.name);
  private readonly handlers = new Map<RequestEventType, Handler[]>(
    REQUEST_EVENT_TYPES.map((type) => [type, []]),
  );

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const { instance } of this.discovery.getProviders()) {
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handled = this.reflector.get<HandledEvents | undefined>(
          ON_REQUEST_EVENT,
          (instance as Record<string, () => unknown>)[method],
        );
        if (handled) this.register(instance as Record<string, unknown>, method, handled);
      }
    }
  }

  /** The jobs every handler of the event asks for. */
  jobsFor<Type extends RequestEventType>(event: EventMap[Type]): JobItem[] {
    return (this.handlers.get(event.type) ?? []).flatMap((handler) => handler.handle(event));
  }

  /** Who handles each event, for logs and tests. */
  describe(): Record<string, string[]> {
    return Object.fromEntries(
      [...this.handlers].map(([type, handlers]) => [type, handlers.map((h) => h.name)]),
    );
  }

  private register(instance: Record<string, unknown>, method: string, handled: HandledEvents) {
    const name = `${instance.constructor.name}.${method}`;
    const handle = (instance[method] as Handler['handle']).bind(instance);
    for (const type of handled === 'all' ? REQUEST_EVENT_TYPES : handled) {
      this.handlers.get(type)!.push({ name, handle });
    }
    this.logger.debug(`${name} handles ${handled === 'all' ? 'every event' : handled.join(', ')}`);
  }
}
