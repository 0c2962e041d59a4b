// The agreement's path as a picture, in the same form as a plan's: its stage moves on the
// axis; its term's start and end and each obligation's due date (from the PKS) as
// milestones; today and the open step's due date as lines.
import { AGREEMENT_STAGE_INFO } from '../../../../domain/agreement-stage';
import { zoneOf } from '../api/hooks';
import type { Agreement } from '../api/types';
import { TimelinePicture, type TimelinePoint } from '../components/TimelinePicture';
import { localDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { useAgreementObligations } from './useAgreementObligations';

const TEXT = {
  milestones: { id: 'Jangka waktu dan kewajiban menurut PKS', en: 'Term and obligations under the PKS' },
  starts: { id: 'Mulai berlaku', en: 'In force from' },
  ends: { id: 'Berakhir', en: 'Ends' },
};

export function AgreementTimeline({ agreement: a }: { agreement: Agreement }) {
  const { t, pick } = useI18n();
  const zone = zoneOf(a.regionCode);
  // The same query as the obligations panel: one request serves both.
  const obligations = useAgreementObligations(a.id);
  const entries = a.transitions.map((h) => ({ date: localDate(h.occurredAt, zone), text: pick(AGREEMENT_STAGE_INFO[h.toStage].label) }));
  const milestones: TimelinePoint[] = [
    ...(a.startsOn ? [{ date: a.startsOn, text: pick(TEXT.starts) }] : []),
    ...(obligations.data ?? []).map((o) => ({ date: o.dueOn, text: `${o.description} (${o.source})` })),
    ...(a.endsOn ? [{ date: a.endsOn, text: pick(TEXT.ends) }] : []),
  ];
  const dueAt = a.task?.dueAt;
  return (
    <section className="card" aria-labelledby="agreement-timeline-title">
      <h2 id="agreement-timeline-title">{t('timeline')}</h2>
      <TimelinePicture
        entries={entries}
        milestones={milestones}
        today={localDate(new Date().toISOString(), zone)}
        due={dueAt ? localDate(dueAt, zone) : undefined}
        dueAt={dueAt}
        milestonesLabel={pick(TEXT.milestones)}
      />
    </section>
  );
}
