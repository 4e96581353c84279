import type { Client } from 'pg';
import { Catalog, Party } from '@app/catalog';
import { RequestState as S } from '@app/core';
import { ScaleCast } from '../scale/scale-cast';
import { ScalePreload } from '../scale/scale-preload';
import type { Preload } from '../scale/scale-deployment';

/** Seconds between two preloaded submissions: a million of them span about a year. */
const SPACING_S = 30;
/** The newest requests are still open (about a day's worth); everything older has ended. */
export const OPEN_NEWEST = 1_500;
/** How long a request waits before it is overdue, from its submission. */
const DUE_AFTER = '2 days';

/** Shares in percent of the open requests' states, then of the ended ones'. */
const OPEN_SHARES: [S, number][] = [
  [S.PendingApproval, 45],
  [S.PendingConsultation, 20],
  [S.Approved, 15],
  [S.InProgress, 20],
];
const ENDED_SHARES: [S, number][] = [
  [S.Completed, 80],
  [S.Rejected, 7],
  [S.Cancelled, 7],
  [S.Failed, 4],
  [S.Expired, 2],
];

/**
 * A year of a provider's requests for the console's inbox, by bulk SQL: rows as the engine writes
 * them (parties from the catalog for each tenant's subscription, as the scale scenario resolves
 * them), spread over the tenants, the actions and a year of ages. Only the newest day is open, so
 * the provider's approver has a few hundred waits among a million rows, as in a live deployment.
 * The opinions the inbox shows are there: every Consulted party's for the requests waiting for
 * approval, one of two for those still in consultation. Nothing else of the history is written:
 * the inbox reads none of it.
 */
export class ConsolePreload implements Preload {
  private readonly profiles: ScalePreload;

  constructor(
    private readonly db: Client,
    catalog: Catalog,
    private readonly cast: ScaleCast,
  ) {
    this.profiles = new ScalePreload(db, catalog, cast);
  }

  /** The profiles table (`scale_profiles`) and this preload's table of states. */
  async prepare(): Promise<void> {
    await this.profiles.prepare();
    await this.db.query(
      'CREATE TEMP TABLE console_states (open boolean, bucket int, state text, PRIMARY KEY (open, bucket))',
    );
    for (const [open, shares] of [
      [true, OPEN_SHARES],
      [false, ENDED_SHARES],
    ] as const) {
      const buckets = shares.flatMap(([state, share]) => Array<S>(share).fill(state));
      await this.db.query(
        `INSERT INTO console_states SELECT $1, ordinality - 1, state
           FROM unnest($2::text[]) WITH ORDINALITY AS s(state)`,
        [open, buckets],
      );
    }
  }

  /** Fills an empty table with `total` requests, the newest submitted a minute ago. */
  async growTo(total: number): Promise<number> {
    await this.insertRequests(total);
    await this.insertOpinions();
    await this.profiles.settle();
    return total;
  }

  private async insertRequests(total: number): Promise<void> {
    await this.db.query(
      `INSERT INTO requests (id, action, product, organization_id, state, params, responsible,
         accountable, consulted, informed, performer, submitted_by, comment, result, due_at, version,
         created_at, updated_at)
       SELECT gen_random_uuid(), p.action, p.product, p.organization_id,
         CASE WHEN s.state = $4 AND jsonb_array_length(p.consulted) = 0 THEN $5 ELSE s.state END,
         jsonb_build_object('n', g), p.responsible, p.accountable, p.consulted, p.informed,
         p.performer,
         CASE WHEN g % 10 < 7 THEN p.requester_id WHEN g % 10 < 9 THEN p.approver_id ELSE $3::uuid END,
         NULL, NULL, CASE WHEN s.open THEN at.created + interval '${DUE_AFTER}' END, 3,
         at.created, at.created + CASE WHEN s.open THEN interval '0' ELSE interval '1 hour' END
       FROM generate_series(0, $1::int - 1) AS g
       CROSS JOIN LATERAL (SELECT now() - interval '1 minute'
         - ($1::int - 1 - g) * $6::int * interval '1 second' AS created) at
       JOIN scale_profiles p ON p.idx = (g::bigint * 7919) % (SELECT count(*) FROM scale_profiles)
       JOIN console_states s ON s.open = (g >= $1::int - $2::int)
         AND s.bucket = (g::bigint * 104729) % 100`,
      [
        total,
        Math.min(OPEN_NEWEST, total),
        this.cast.providerApprover.id,
        S.PendingConsultation,
        S.PendingApproval,
        SPACING_S,
      ],
    );
  }

  /**
   * The opinions of open requests: all of them before an approval, one of two (the first or the
   * second party, by turns) while the consultation goes on.
   */
  private async insertOpinions(): Promise<void> {
    await this.db.query(
      `INSERT INTO request_opinions (id, request_id, party, user_id, opinion, comment, created_at)
       SELECT gen_random_uuid(), r.id, c.party,
         CASE WHEN c.party = $3 THEN $4::uuid ELSE p.consultant_id END,
         CASE WHEN (r.params ->> 'n')::int % 5 = 0 THEN 'disagree' ELSE 'agree' END,
         NULL, r.created_at + c.position * interval '10 minutes'
       FROM requests r
       JOIN scale_profiles p ON p.action = r.action AND p.organization_id = r.organization_id
       CROSS JOIN LATERAL jsonb_array_elements_text(r.consulted) WITH ORDINALITY AS c(party, position)
       WHERE (r.state = $1 AND jsonb_array_length(r.consulted) > 0)
          OR (r.state = $2 AND jsonb_array_length(r.consulted) = 2
              AND c.position = 1 + (r.params ->> 'n')::int % 2)`,
      [S.PendingApproval, S.PendingConsultation, Party.Provider, this.cast.providerConsultant.id],
    );
  }
}
