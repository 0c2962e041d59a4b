// The obligations of a signed PKS: the secretariat records each from the PKS (party, what,
// by when, and where the PKS says so); each gets its own reminder workflow, started before
// the row is written, so an answered request always has its reminders; the secretariat or
// the owning agency records the fulfilment.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { canDraftFor } from '../../../../domain/access-policy';
import { hasRole, type AuthContext } from '../../../../domain/auth-context';
import { AgreementStage } from '../../../../domain/agreement-stage';
import type { ObligationParty, ObligationRecordInput } from '../../../../domain/agreement-obligation';
import { Conflict, Forbidden, NotFound } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import { Role } from '../../../../domain/role';
import { AgreementObligationRepository, type AgreementObligationRecord } from '../../../../persistence/agreement-obligation.repository';
import { ObligationProcessRepository, alreadyFulfilled } from '../repositories/obligation-process.repository';
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
    private readonly processes: ObligationProcessRepository,
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
    await this.processes.start(obligation);
    // The workflow writes the same row; whichever is first, the page shows it at once.
    await this.obligations.record(obligation);
    return (await this.obligations.findById(obligation.obligationId))!;
  }

  async fulfil(auth: AuthContext, agreementId: string, obligationId: string, note?: string): Promise<AgreementObligationRecord> {
    const agreement = await this.agreements.get(auth, agreementId);
    const obligation = await this.obligations.findById(obligationId);
    if (!obligation || obligation.agreementId !== agreementId) throw new NotFound(OBLIGATION, obligationId);
    const owner = canDraftFor(auth, { regionCode: agreement.regionCode, proposingAgency: agreement.owningAgency });
    if (!owner && !hasRole(auth, Role.SECRETARIAT, agreement.regionCode)) {
      throw new Forbidden(
        text('Pemenuhan kewajiban dicatat oleh sekretariat atau perangkat daerah pemilik.', 'The secretariat or the owning agency records a fulfilment.'),
      );
    }
    if (obligation.fulfilledAt) throw alreadyFulfilled();
    try {
      const { fulfilled } = await this.processes.fulfil(obligationId, { byName: auth.displayName, ...(note?.trim() && { note: note.trim() }) });
      await this.obligations.markFulfilled({ obligationId, at: fulfilled!.at, byName: fulfilled!.byName, note: fulfilled!.note });
    } catch (error) {
      // Fulfilled at the same moment by someone else: the workflow may have ended since.
      if ((await this.obligations.findById(obligationId))?.fulfilledAt) throw alreadyFulfilled();
      throw error;
    }
    return (await this.obligations.findById(obligationId))!;
  }
}
