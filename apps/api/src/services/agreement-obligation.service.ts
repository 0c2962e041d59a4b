// The obligations of a signed PKS: the secretariat records each from the PKS (party, what,
// by when, and where the PKS says so); each gets its own reminder workflow, started before
// the row is written, so an answered request always has its reminders; the secretariat or
// the owning agency records the fulfilment.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { hasRole, type AuthContext } from '../../../../domain/auth-context';
import { AgreementStage } from '../../../../domain/agreement-stage';
import type { ObligationParty, ObligationRecordInput } from '../../../../domain/agreement-obligation';
import { Conflict, Forbidden, NotFound } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import { Role } from '../../../../domain/role';
import { AgreementObligationRepository, type AgreementObligationRecord } from '../../../../persistence/agreement-obligation.repository';
import type { AppConfig } from '../../../../platform/config';
import { OBLIGATION_WORKFLOW_TYPE, fulfilObligationUpdate, obligationWorkflowId } from '../../../../workflows/agreement-obligation/definitions';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../tokens';
import { AgreementService } from './agreement.service';

const OBLIGATION = { id: 'Kewajiban', en: 'Obligation' };

export interface NewObligation {
  party: ObligationParty;
  description: string;
  dueOn: string;
  source: string;
}

@Injectable()
export class AgreementObligationService {
  constructor(
    private readonly agreements: AgreementService,
    private readonly obligations: AgreementObligationRepository,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE'>,
  ) {}

  async list(auth: AuthContext, agreementId: string): Promise<AgreementObligationRecord[]> {
    await this.agreements.get(auth, agreementId);
    return this.obligations.listOf(agreementId);
  }

  async record(auth: AuthContext, agreementId: string, input: NewObligation): Promise<AgreementObligationRecord> {
    const agreement = await this.agreements.get(auth, agreementId);
    if (!hasRole(auth, Role.SECRETARIAT, agreement.regionCode)) {
      throw new Forbidden(text('Kewajiban para pihak dicatat oleh sekretariat kerja sama.', 'The secretariat records the parties’ obligations.'));
    }
    if (agreement.stage !== AgreementStage.IMPLEMENTATION) {
      throw new Conflict(
        'AGREEMENT_NOT_IN_FORCE',
        text('Kewajiban dicatat setelah PKS ditandatangani dan berlaku.', 'Obligations are recorded once the PKS is signed and in force.'),
      );
    }
    if (agreement.startsOn && agreement.endsOn && (input.dueOn < agreement.startsOn || input.dueOn > agreement.endsOn)) {
      throw new Conflict(
        'OBLIGATION_OUTSIDE_TERM',
        text('Tanggal jatuh tempo harus dalam jangka waktu perjanjian.', 'The due date must fall within the agreement’s term.'),
        [
          {
            field: 'dueOn',
            reason: 'OUTSIDE_TERM',
            message: text(
              `Pilih tanggal antara ${agreement.startsOn} dan ${agreement.endsOn}.`,
              `Choose a date between ${agreement.startsOn} and ${agreement.endsOn}.`,
            ),
          },
        ],
      );
    }
    const obligation: ObligationRecordInput = {
      obligationId: randomUUID(),
      agreementId,
      regionCode: agreement.regionCode,
      owningAgency: agreement.owningAgency,
      agreementTitle: agreement.title,
      party: input.party,
      description: input.description.trim(),
      dueOn: input.dueOn,
      source: input.source.trim(),
      createdBy: { userId: auth.userId, name: auth.displayName },
      createdAt: new Date().toISOString(),
    };
    try {
      await this.client.workflow.start(OBLIGATION_WORKFLOW_TYPE, {
        workflowId: obligationWorkflowId(obligation.obligationId),
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [obligation],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    // The workflow writes the same row; whichever is first, the page shows it at once.
    await this.obligations.record(obligation);
    return (await this.obligations.findById(obligation.obligationId))!;
  }

  async fulfil(auth: AuthContext, agreementId: string, obligationId: string, note?: string): Promise<AgreementObligationRecord> {
    const agreement = await this.agreements.get(auth, agreementId);
    const obligation = await this.obligations.findById(obligationId);
    if (!obligation || obligation.agreementId !== agreementId) throw new NotFound(OBLIGATION, obligationId);
    const owner = auth.grants.some((g) => g.role === Role.OFFICER && g.regionCode === agreement.regionCode && g.agency === agreement.owningAgency);
    if (!owner && !hasRole(auth, Role.SECRETARIAT, agreement.regionCode)) {
      throw new Forbidden(
        text('Pemenuhan kewajiban dicatat oleh sekretariat atau perangkat daerah pemilik.', 'The secretariat or the owning agency records a fulfilment.'),
      );
    }
    const alreadyFulfilled = () =>
      new Conflict('OBLIGATION_ALREADY_FULFILLED', text('Kewajiban ini sudah dicatat terpenuhi.', 'This obligation is already recorded as fulfilled.'));
    if (obligation.fulfilledAt) throw alreadyFulfilled();
    try {
      const state = await this.client.workflow
        .getHandle(obligationWorkflowId(obligationId))
        .executeUpdate(fulfilObligationUpdate, { args: [{ byName: auth.displayName, ...(note?.trim() && { note: note.trim() }) }] });
      await this.obligations.markFulfilled({ obligationId, at: state.fulfilled!.at, byName: state.fulfilled!.byName, note: state.fulfilled!.note });
    } catch (error) {
      // Fulfilled at the same moment by someone else: refused by the validator, or the workflow has ended since.
      if (error instanceof WorkflowUpdateFailedError || (await this.obligations.findById(obligationId))?.fulfilledAt) throw alreadyFulfilled();
      throw error;
    }
    return (await this.obligations.findById(obligationId))!;
  }
}
