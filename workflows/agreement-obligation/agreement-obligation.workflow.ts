// One obligation of a PKS: reminds the secretariat and the owning agency at 07:00 in the
// region's zone on each configured day before the due date, marks it overdue when the date
// passes unfulfilled (and tells them), and ends when someone records it fulfilled.
import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ObligationActivities } from '../../activities';
import { OBLIGATION_REMINDER_HOUR } from '../../domain/agreement-obligation';
import { localInstant } from '../../domain/local-date';
import { NotificationTemplate } from '../../domain/notification';
import { regionTimeZone } from '../../domain/region-time-zone';
import { Role } from '../../domain/role';
import { timelineDelayMs, timelineNow } from '../../domain/timeline-policy';
import { expiryReminders } from '../cooperation-agreement/expiry-calendar';
import { dispatchNotification } from '../notification/dispatch';
import { DATABASE_ACTIVITY } from '../shared/activity-options';
import {
  OBLIGATION_REFUSED_FAILURE_TYPE,
  fulfilObligationUpdate,
  obligationStateQuery,
  type FulfilObligation,
  type ObligationState,
  type ObligationWorkflowInput,
} from './definitions';

const activities = proxyActivities<ObligationActivities>(DATABASE_ACTIVITY);

export async function agreementObligationWorkflow(input: ObligationWorkflowInput): Promise<ObligationState> {
  const state: ObligationState = { overdue: false, remindersSent: [] };
  setHandler(obligationStateQuery, () => state);
  setHandler(
    fulfilObligationUpdate,
    ({ byName, note }: FulfilObligation) => {
      state.fulfilled = { at: new Date().toISOString(), byName, ...(note && { note }) };
      return state;
    },
    {
      validator: (_fulfil: FulfilObligation) => {
        if (state.fulfilled) throw ApplicationFailure.create({ type: OBLIGATION_REFUSED_FAILURE_TYPE, message: 'already fulfilled', nonRetryable: true });
      },
    },
  );

  await activities.recordObligation(input);
  const policy = await activities.loadObligationPolicy();
  const offset = regionTimeZone(input.regionCode).utcOffsetMinutes;
  // The timeline's anchor: now, on the real calendar and on the workflow's clock (a shortened day in tests).
  const anchorReal = new Date().getTime();
  const realNow = () => timelineNow(policy, new Date(anchorReal), anchorReal, new Date().getTime()).getTime();
  const recipients = {
    roles: [
      { role: Role.SECRETARIAT, regionCode: input.regionCode },
      { role: Role.OFFICER, regionCode: input.regionCode, agency: input.owningAgency },
    ],
  };
  const params = { planTitle: input.agreementTitle, obligation: input.description, dueOn: input.dueOn, source: input.source, party: input.party };

  const reminders = expiryReminders(input.dueOn, policy.reminderDays, offset, OBLIGATION_REMINDER_HOUR, new Date(anchorReal));
  for (const reminder of reminders) {
    const waited = await condition(() => state.fulfilled !== undefined, timelineDelayMs(policy, new Date(reminder.at).getTime() - realNow()));
    if (waited) break;
    state.remindersSent.push(reminder.daysBefore);
    await dispatchNotification({
      key: `obligation-due:${input.obligationId}:H-${reminder.daysBefore}`,
      template: NotificationTemplate.AGREEMENT_OBLIGATION_DUE,
      regionCode: input.regionCode,
      recipients,
      params: { ...params, daysLeft: reminder.daysBefore },
    });
  }
  // Overdue from the start of the day after the due date, in the region's zone.
  const overdueAt = localInstant(input.dueOn, 24, 0, offset).getTime();
  if (!state.fulfilled && !(await condition(() => state.fulfilled !== undefined, timelineDelayMs(policy, overdueAt - realNow())))) {
    state.overdue = true;
    await activities.markObligationOverdue({ obligationId: input.obligationId, at: new Date().toISOString() });
    await dispatchNotification({
      key: `obligation-overdue:${input.obligationId}`,
      template: NotificationTemplate.AGREEMENT_OBLIGATION_OVERDUE,
      regionCode: input.regionCode,
      recipients,
      params,
    });
    await condition(() => state.fulfilled !== undefined);
  }
  await activities.markObligationFulfilled({ obligationId: input.obligationId, ...state.fulfilled! });
  await condition(allHandlersFinished);
  return state;
}
