// The plan workflow's writes into the region's planning documents (the lines and their
// flags are placed in persistence/), each followed by the webhook's dispatch of what
// changed: also after a re-run that changed nothing, as an earlier run may have
// crashed before dispatching.
import type { DocumentKind, DocumentSyncSummary } from '../domain/planning-document';
import type { PlanningDocumentRepository, SyncPlanToDocumentInput, WithdrawPlanInput } from '../persistence/planning-document.repository';

/** Called after a sync or withdrawal committed document changes (the webhook's dispatch). */
export type OnDocumentsChanged = () => Promise<unknown>;

export function createDocumentSync(documents: PlanningDocumentRepository, onChanged: OnDocumentsChanged = async () => undefined) {
  return {
    async syncPlanToDocument(input: SyncPlanToDocumentInput): Promise<DocumentSyncSummary> {
      const summary = await documents.placeLines(input);
      await onChanged();
      return summary;
    },

    /**
     * Several documents of one step in one activity, in the order given (RKPD before Renja,
     * as the calendar has them): one dispatch instead of one per document. A retry writes
     * them again, which changes nothing already written.
     */
    async syncPlanToDocuments({ kinds, ...input }: Omit<SyncPlanToDocumentInput, 'kind'> & { kinds: readonly DocumentKind[] }): Promise<DocumentSyncSummary[]> {
      const summaries: DocumentSyncSummary[] = [];
      for (const kind of kinds) summaries.push(await documents.placeLines({ ...input, kind }));
      await onChanged();
      return summaries;
    },

    async withdrawPlanFromDocuments(input: WithdrawPlanInput): Promise<DocumentSyncSummary> {
      const summary = await documents.withdrawPlanLines(input);
      await onChanged();
      return summary;
    },
  };
}
