// Workflow-side helper: hand a notification to its own dispatch workflow and go on. The
// child is abandoned on purpose, so it finishes its mail retries even after the plan
// ends; a second start with the same key is refused by Temporal and counts as done.
import { ParentClosePolicy, WorkflowIdReusePolicy, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { NOTIFICATION_DISPATCH_WORKFLOW_TYPE, notificationDispatchWorkflowId } from './definitions';
import { type NotificationRequest } from '../../domain/notification';

export async function dispatchNotification(request: NotificationRequest): Promise<void> {
  try {
    await startChild(NOTIFICATION_DISPATCH_WORKFLOW_TYPE, {
      args: [request],
      workflowId: notificationDispatchWorkflowId(request.key),
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
