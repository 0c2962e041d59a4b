// Everything about one plan: progress, actions, the task beside it, timeline, content,
// history, comments, attachments, revisions and the audit trail.
import { useParams } from 'react-router';
import { STAGE_ROLE } from '../../../../domain/access-policy';
import { zoneOf } from '../api/hooks';
import { isOfficer } from '../auth/roles';
import { useUser } from '../auth/session';
import { RegionLabel } from '../components/RegionLabel';
import { StageBadge } from '../components/StageBadge';
import { QueryView } from '../components/Status';
import { formatRupiah } from '../format';
import { useI18n } from '../i18n/i18n';
import { AgreementLink } from '../plan/AgreementLink';
import { AttachmentsPanel } from '../plan/AttachmentsPanel';
import { AuditTrail } from '../plan/AuditTrail';
import { CommentsPanel } from '../plan/CommentsPanel';
import { DocumentLinesPanel } from '../plan/DocumentLinesPanel';
import { HistoryList } from '../plan/HistoryList';
import { OfficerActions } from '../plan/OfficerActions';
import { PlanContentView } from '../plan/PlanContentView';
import { RemedyWarning } from '../plan/RemedyWarning';
import { RevisionDiff } from '../plan/RevisionDiff';
import { StageProgress } from '../plan/StageProgress';
import { TaskPanel } from '../plan/TaskPanel';
import { PlanTimeline } from '../plan/PlanTimeline';
import { usePlan } from '../plan/usePlan';

export function PlanPage() {
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const user = useUser();
  const { t, lang } = useI18n();
  return (
    <QueryView query={plan}>
      {(p) => (
        <article className="plan-page">
          <header className="plan-head">
            <h1>{p.title}</h1>
            <p className="meta">
              <StageBadge stage={p.stage} /> <span data-testid="plan-stage" data-stage={p.stage} hidden />· {p.proposingAgency} ·{' '}
              <RegionLabel code={p.regionCode} /> · {t('budgetYear')} {p.budgetYear} · {t('revision')} {p.revision} · {t('estimatedCost')}{' '}
              {formatRupiah(p.estimatedCost, lang)}
              {p.requiresDprdApproval && <> · {t('dprdRequired')}</>}
            </p>
            <StageProgress stage={p.stage} rejectedAt={p.history.at(-1)?.fromStage} requiresDprdApproval={p.requiresDprdApproval} />
          </header>
          {p.remedy && <RemedyWarning remedy={p.remedy} />}
          {/* The reviewer's reason the officer must answer: only while the plan is back with them. */}
          {p.stage === 'DRAFT' && p.lastComment && (
            <section className="card returned" aria-labelledby="last-comment">
              <h2 id="last-comment">{t('lastComment')}</h2>
              <p data-testid="last-comment">{p.lastComment}</p>
            </section>
          )}
          {isOfficer(user) && <OfficerActions plan={p} />}
          {p.stage === 'COMPLETED' && <AgreementLink plan={p} />}
          <div className={STAGE_ROLE[p.stage] ? 'plan-columns' : 'plan-single'}>
            <div className="plan-main">
              <PlanTimeline plan={p} />
              <PlanContentView plan={p} />
              {p.stage !== 'DRAFT' && <DocumentLinesPanel plan={p} />}
              <HistoryList history={p.history} zone={zoneOf(p.regionCode)} />
              <CommentsPanel planId={p.id} zone={zoneOf(p.regionCode)} />
              <AttachmentsPanel plan={p} />
              <RevisionDiff planId={p.id} />
              <AuditTrail planId={p.id} zone={zoneOf(p.regionCode)} />
            </div>
            <TaskPanel plan={p} />
          </div>
        </article>
      )}
    </QueryView>
  );
}
