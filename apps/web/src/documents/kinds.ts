// Names of the planning and budget documents and their states, as the server names them.
export { DOCUMENT_KIND_LABELS, DOCUMENT_STATE_LABELS, DOCUMENT_STATES, documentStateRoles } from '../../../../domain/planning-document';

import { DOCUMENT_KIND_LABELS } from '../../../../domain/planning-document';

export const kindName = (kind: string): string => (DOCUMENT_KIND_LABELS as Record<string, string>)[kind] ?? kind;
