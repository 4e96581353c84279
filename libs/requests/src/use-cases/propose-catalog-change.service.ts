import { Injectable } from '@nestjs/common';
import { CatalogErrorCode, CatalogException, CatalogVersionsService } from '@app/catalog';
import { AccessPolicy, OrganizationsService, Principal } from '@app/parties';
import { RequestView } from '../request.view';
import { CHANGE_MATRIX_ACTION } from './change-matrix.action';
import { SubmitRequestService } from './submit-request.service';

export interface CatalogChangeInput {
  product: string;
  yaml: string;
  effectiveAt?: string;
  reason: string;
}

/** What a request for `catalog.change-matrix` carries: the change, and the versions it relates. */
export interface CatalogChangeParams extends CatalogChangeInput {
  /** The draft version the request activates once approved. */
  version: number;
  /** The active version it was proposed against, which its diff is read from. */
  baseVersion: number;
}

/**
 * Proposes a change of one product's file: validated as `catalog:validate` does, stored as a draft
 * version (the other files as in the active version), and submitted as a request for
 * `catalog.change-matrix` in the provider's organization, through the ordinary submission.
 */
@Injectable()
export class ProposeCatalogChangeService {
  constructor(
    private readonly versions: CatalogVersionsService,
    private readonly submissions: SubmitRequestService,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Only the provider's people propose changes of its matrix; a customer is told so. */
  assertMayPropose(principal: Principal): void {
    if (!AccessPolicy.isProvider(principal)) {
      throw new CatalogException(CatalogErrorCode.ChangeProviderOnly);
    }
  }

  async propose(principal: Principal, input: CatalogChangeInput): Promise<RequestView> {
    this.assertMayPropose(principal);
    const active = await this.versions.active();
    const files = { ...(active?.files ?? {}), [input.product]: input.yaml };
    this.versions.validate(files);
    const provider = await this.organizations.findById(principal.organizationId);
    if (!provider) throw new CatalogException(CatalogErrorCode.ChangeProviderOnly);
    const effectiveAt = input.effectiveAt ? new Date(input.effectiveAt) : null;
    const draft = await this.versions.propose(files, {
      effectiveAt,
      reason: input.reason,
      createdBy: principal.userId ?? 'unknown',
    });
    const params: CatalogChangeParams = {
      ...input,
      version: draft.version,
      baseVersion: active?.version ?? draft.version,
    };
    try {
      return await this.submissions.submitIn(principal, provider, {
        action: CHANGE_MATRIX_ACTION,
        params: { ...params },
        comment: input.reason,
      });
    } catch (error) {
      await this.versions.forget(draft.version);
      throw error;
    }
  }
}
