import { Logger } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { Repository } from 'typeorm';
import { AppConfig, RequestEvent } from '@app/core';
import { WebhookBreaker } from '../webhooks/webhook-breaker';
import {
  WebhookDelivery,
  WebhookDeliveryError,
  WebhookDeliveryStatus,
} from '../webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity';
import { PostOutcome, WebhookPoster } from '../webhooks/webhook-poster';
import { WebhookSecrets } from '../webhooks/webhook-secrets';
import { WebhookSlots } from '../webhooks/webhook-slots';
import { DeliverWebhookProcessor } from './deliver-webhook.processor';

const ENDPOINT = '00000000-0000-4000-8000-0000000000e1';
const ORG = '00000000-0000-4000-8000-00000000000a';
const event = { id: 'ev-1', type: 'request.submitted', occurredAt: '2026-11-30T06:00:00Z' };

describe('DeliverWebhookProcessor', () => {
  let endpoint: WebhookEndpoint;
  let deliveries: Record<'findOneBy' | 'update', jest.Mock>;
  let poster: { post: jest.Mock };
  let slots: Record<'acquire' | 'release', jest.Mock>;
  let breaker: Record<'failed' | 'succeeded', jest.Mock>;
  let processor: DeliverWebhookProcessor;

  const job = () =>
    ({
      id: `${event.id}.${ENDPOINT}`,
      data: { endpointId: ENDPOINT, organizationId: ORG, event: event as unknown as RequestEvent },
      attemptsMade: 0,
      opts: { attempts: 15 },
      moveToDelayed: jest.fn().mockResolvedValue(undefined),
    }) as unknown as Job & { moveToDelayed: jest.Mock };

  const answers = (outcome: PostOutcome) => poster.post.mockResolvedValue(outcome);
  const settledWith = () => deliveries.update.mock.calls.at(-1)?.[1] as Partial<WebhookDelivery>;

  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  beforeEach(() => {
    endpoint = Object.assign(new WebhookEndpoint(), {
      id: ENDPOINT,
      organizationId: ORG,
      url: 'https://hooks.example/raci',
      secret: 'whsec_plain',
      disabledAt: null,
      pausedAt: null,
    });
    const pending = { id: 'd1', status: WebhookDeliveryStatus.Pending, attempts: 0 };
    deliveries = {
      findOneBy: jest.fn().mockResolvedValue(pending),
      update: jest.fn().mockResolvedValue({ affected: 1 }),
    };
    const query = {
      addSelect: jest.fn().mockReturnThis(),
      where: jest.fn().mockReturnThis(),
      getOne: jest.fn(() => Promise.resolve(endpoint)),
    };
    poster = { post: jest.fn() };
    slots = { acquire: jest.fn().mockResolvedValue(true), release: jest.fn() };
    breaker = { failed: jest.fn().mockResolvedValue(false), succeeded: jest.fn() };
    processor = new DeliverWebhookProcessor(
      AppConfig.fromEnv({ WEBHOOK_TIMEOUT_MS: '1000' }),
      { createQueryBuilder: () => query } as unknown as Repository<WebhookEndpoint>,
      deliveries as unknown as Repository<WebhookDelivery>,
      poster as unknown as WebhookPoster,
      slots as unknown as WebhookSlots,
      breaker as unknown as WebhookBreaker,
      { open: (_id: string, s: string) => s, reseal: jest.fn() } as unknown as WebhookSecrets,
    );
  });

  it('puts a job back to wait, reading nothing, when its endpoint or organization is busy', async () => {
    slots.acquire.mockResolvedValue(false);
    const waiting = job();
    await expect(processor.process(waiting, 'token')).rejects.toBeInstanceOf(DelayedError);
    const [[until, token]] = waiting.moveToDelayed.mock.calls as [[number, string]];
    expect(until - Date.now()).toBeGreaterThanOrEqual(400);
    expect(until - Date.now()).toBeLessThanOrEqual(1_500);
    expect(token).toBe('token');
    expect(deliveries.findOneBy).not.toHaveBeenCalled();
    expect(poster.post).not.toHaveBeenCalled();
  });

  it('delivers, resets the breaker and frees the slot', async () => {
    answers({ responseStatus: 204, failure: null, detail: null });
    await expect(processor.process(job(), 'token')).resolves.toMatchObject({
      outcome: 'delivered',
      responseStatus: 204,
    });
    expect(settledWith()).toMatchObject({ status: 'delivered', attempts: 1, lastError: null });
    expect(breaker.succeeded).toHaveBeenCalled();
    expect(slots.release).toHaveBeenCalledWith(expect.objectContaining({ endpointId: ENDPOINT }));
  });

  it('records a timeout as its category only, and retries it', async () => {
    answers({
      responseStatus: null,
      failure: WebhookDeliveryError.Timeout,
      detail: 'no answer in 1000 ms from 10.1.2.3',
    });
    const error = await processor.process(job(), 'token').catch((e: Error) => e);
    expect(error).not.toBeInstanceOf(UnrecoverableError);
    expect(settledWith()).toMatchObject({ status: 'pending', lastError: 'timeout' });
    expect(JSON.stringify(deliveries.update.mock.calls)).not.toContain('10.1.2.3');
    expect(breaker.failed).toHaveBeenCalled();
    expect(slots.release).toHaveBeenCalled();
  });

  it('fails a blocked address at once, and a delivery whose failure paused the endpoint', async () => {
    answers({ responseStatus: null, failure: WebhookDeliveryError.BlockedAddress, detail: 'x' });
    await expect(processor.process(job(), 'token')).rejects.toBeInstanceOf(UnrecoverableError);
    expect(settledWith()).toMatchObject({ status: 'failed', lastError: 'blocked_address' });

    answers({ responseStatus: 503, failure: WebhookDeliveryError.Http5xx, detail: 'HTTP 503' });
    breaker.failed.mockResolvedValue(true);
    await expect(processor.process(job(), 'token')).rejects.toBeInstanceOf(UnrecoverableError);
    expect(settledWith()).toMatchObject({ status: 'failed', lastError: 'http_5xx' });
  });

  it('sends nothing to a paused endpoint: its delivery fails as paused', async () => {
    endpoint.pausedAt = new Date();
    await expect(processor.process(job(), 'token')).resolves.toMatchObject({
      outcome: 'skipped',
    });
    expect(settledWith()).toEqual({ status: 'failed', lastError: 'paused' });
    expect(poster.post).not.toHaveBeenCalled();
    expect(slots.release).toHaveBeenCalled();
  });
});
