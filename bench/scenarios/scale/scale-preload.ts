import { allowsPlan, Catalog, CatalogAction, Letter, Party, PARTIES } from '@app/catalog';
import type { Client } from 'pg';
import { ScaleCast, ScaleTenant } from './scale-cast';
import { RequestState as S } from '@app/core';

/**
 * Share of preloaded requests in each state, in percent, the same at every age: a backlog that
 * grows with the table, the hard case for an inbox (every kind of wait has more rows at 1M).
 */
const STATE_SHARES: [S, number][] = [
  [S.Completed, 58],
  [S.Rejected, 5],
  [S.Cancelled, 5],
  [S.Failed, 3],
  [S.Expired, 2],
  [S.InProgress, 5],
  [S.Approved, 5],
  [S.PendingApproval, 10],
  [S.PendingConsultation, 7],
];
/** Seconds between two preloaded submissions. */
const SPACING_S = 7;

/** One way a request can look: an action for a tenant, with the parties the matrix gives it. */
interface Profile {
  action: string;
  product: string;
  organizationId: string;
  responsible: Party;
  accountable: Party;
  consulted: Party[];
  informed: Party[];
  performer: Party;
  requesterId: string;
  approverId: string;
  consultantId: string;
}

/**
 * Grows the requests table by bulk SQL, rows as the engine writes them: RACI parties resolved
 * from the catalog for each tenant's subscription, submitters of the tenant (its approver among
 * them, for four eyes) or the provider, and, where two parties are consulted, the opinion one of
 * them already gave. Later batches are newer, as a live database grows.
 */
export class ScalePreload {
  private loaded = 0;

  constructor(
    private readonly db: Client,
    private readonly catalog: Catalog,
    private readonly cast: ScaleCast,
    private readonly start = new Date(Date.UTC(2024, 0, 1)),
  ) {}

  async prepare(): Promise<number> {
    const profiles = this.cast.tenants.flatMap((tenant) => this.profilesOf(tenant));
    await this.db.query(
      `CREATE TEMP TABLE scale_profiles (idx int PRIMARY KEY, action text, product text,
         organization_id uuid, responsible text, accountable text, consulted jsonb, informed jsonb,
         performer text, requester_id uuid, approver_id uuid, consultant_id uuid)`,
    );
    await this.db.query(
      `INSERT INTO scale_profiles SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS p(idx int, action text, product text, "organizationId" uuid, responsible text,
              accountable text, consulted jsonb, informed jsonb, performer text,
              "requesterId" uuid, "approverId" uuid, "consultantId" uuid)`,
      [JSON.stringify(profiles.map((profile, idx) => ({ idx, ...profile })))],
    );
    await this.db.query('CREATE TEMP TABLE scale_states (bucket int PRIMARY KEY, state text)');
    const buckets = STATE_SHARES.flatMap(([state, share]) => Array<S>(share).fill(state));
    await this.db.query(
      `INSERT INTO scale_states SELECT ordinality - 1, state
         FROM unnest($1::text[]) WITH ORDINALITY AS s(state)`,
      [buckets],
    );
    return profiles.length;
  }

  /** Adds requests until the table holds `total`; returns how many were added. */
  async growTo(total: number): Promise<number> {
    const from = this.loaded;
    if (total <= from) return 0;
    await this.insertRequests(from, total);
    await this.insertOpinions(from, total);
    await this.settle();
    this.loaded = total;
    return total - from;
  }

  /**
   * After a bulk load: statistics for the planner and a visibility map, so autovacuum does not run
   * while reads are measured; then the load's dirty pages written out now, not by a checkpoint
   * while the reads are timed.
   */
  async settle(): Promise<void> {
    await this.db.query('VACUUM (ANALYZE) requests, request_opinions');
    await this.db.query('CHECKPOINT');
  }

  private async insertRequests(from: number, to: number): Promise<void> {
    await this.db.query(
      `INSERT INTO requests (id, action, product, organization_id, state, params, responsible,
         accountable, consulted, informed, performer, submitted_by, comment, result, due_at, version,
         created_at, updated_at)
       SELECT gen_random_uuid(), p.action, p.product, p.organization_id,
         CASE WHEN s.state = $5 AND jsonb_array_length(p.consulted) = 0 THEN $6 ELSE s.state END,
         jsonb_build_object('n', g), p.responsible, p.accountable, p.consulted, p.informed,
         p.performer,
         CASE WHEN g % 10 < 7 THEN p.requester_id WHEN g % 10 < 9 THEN p.approver_id ELSE $4::uuid END,
         NULL, NULL, NULL, 3, $3::timestamptz + g * $7::int * interval '1 second',
         $3::timestamptz + g * $7::int * interval '1 second' + interval '1 hour'
       FROM generate_series($1::int, $2::int - 1) AS g
       JOIN scale_profiles p ON p.idx = (g::bigint * 7919) % (SELECT count(*) FROM scale_profiles)
       JOIN scale_states s ON s.bucket = (g::bigint * 104729) % 100`,
      [
        from,
        to,
        this.start,
        this.cast.providerApprover.id,
        S.PendingConsultation,
        S.PendingApproval,
        SPACING_S,
      ],
    );
  }

  /** Where every consulted party had answered, the request would have moved on; so one only. */
  private async insertOpinions(from: number, to: number): Promise<void> {
    await this.db.query(
      `INSERT INTO request_opinions (id, request_id, party, user_id, opinion, comment, created_at)
       SELECT gen_random_uuid(), r.id, answered.party,
         CASE WHEN answered.party = $5 THEN $6::uuid ELSE p.consultant_id END,
         'agree', NULL, r.created_at + interval '10 minutes'
       FROM requests r
       JOIN scale_profiles p ON p.action = r.action AND p.organization_id = r.organization_id
       CROSS JOIN LATERAL (SELECT r.consulted ->> ((r.params ->> 'n')::int % 2) AS party) answered
       WHERE r.state = $3 AND jsonb_array_length(r.consulted) = 2
         AND (r.params ->> 'n')::int % 4 < 2
         AND r.created_at >= $4::timestamptz + $1::int * $7::int * interval '1 second'
         AND r.created_at < $4::timestamptz + $2::int * $7::int * interval '1 second'`,
      [
        from,
        to,
        S.PendingConsultation,
        this.start,
        Party.Provider,
        this.cast.providerConsultant.id,
        SPACING_S,
      ],
    );
  }

  private profilesOf(tenant: ScaleTenant): Profile[] {
    const actions = this.catalog
      .actions({ requestable: true })
      .filter((action) => allowsPlan(action.plans, tenant.plan));
    return actions.map((action) => ({
      ...this.partiesOf(action, tenant),
      action: action.key,
      product: action.product,
      organizationId: tenant.id,
      requesterId: tenant.requester.id,
      approverId: tenant.approver.id,
      consultantId: tenant.consultant.id,
    }));
  }

  /** The parties as the engine resolves them at submission (RaciResolver). */
  private partiesOf(action: CatalogAction, tenant: ScaleTenant) {
    const holders = (letter: Letter) =>
      PARTIES.filter((party) => action.raci[party].includes(letter));
    const performer = this.catalog.performerOf(action, tenant);
    const responsibles = holders('R');
    return {
      responsible: responsibles.includes(performer) ? performer : responsibles[0],
      accountable: holders('A')[0],
      consulted: holders('C'),
      informed: holders('I'),
      performer,
    };
  }
}
