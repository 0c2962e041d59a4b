// The API's response shapes the screens read (see /docs for the full contract).
export interface Bilingual {
  id: string;
  en: string;
}

export interface Option {
  code: string;
  label: Bilingual;
}

export interface Grant {
  role: string;
  regionCode: string;
  agency?: string;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  grants: Grant[];
}

export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  user: CurrentUser;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PlanSummary {
  id: string;
  title: string;
  regionCode: string;
  budgetYear: number;
  proposingAgency: string;
  cooperationType?: string;
  stage: string;
  revision: number;
  requiresDprdApproval: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface Partner {
  kind: string;
  name: string;
  regionCode?: string;
  legalForm?: string;
  country?: string;
}

export interface MappedObject {
  affairCode: string;
  programCode?: string;
  kegiatanCode?: string;
  subKegiatanCode?: string;
  nomenclatureVersion?: string;
  potential?: string;
  characteristics?: string;
  inPlanningDocuments: boolean;
  exceptionReason?: string;
}

export interface LineItem {
  nomenclatureCode: string;
  description: string;
  amount: number;
}

export interface TermsOfReference {
  background?: string;
  purpose?: string;
  legalBasis?: string;
  object?: string;
  activities?: string;
  expectedResults?: string;
  rolesOfParties?: string;
}

export interface FeasibilityStudy {
  preparedBy?: string;
  summary?: string;
  conclusion?: string;
  studyDate?: string;
}

export interface PlanContent {
  title: string;
  summary?: string;
  regionCode: string;
  budgetYear: number;
  proposingAgency: string;
  cooperationType?: string;
  ksdpkKind?: string;
  initiator?: string;
  partners?: Partner[];
  objects?: MappedObject[];
  termsOfReference?: TermsOfReference;
  feasibilityStudy?: FeasibilityStudy;
  plannedDurationMonths?: number;
  fundingSource?: string;
  burdensCommunity?: boolean;
  multiYear?: boolean;
  lineItems?: LineItem[];
}

export interface Transition {
  sequence: number;
  fromStage: string;
  toStage: string;
  action: string;
  revision: number;
  actor: string;
  comment?: string;
  reasonCode?: string;
  occurredAt: string;
}

export interface Person {
  userId: string;
  name: string;
}

export interface TaskAssignment {
  stage: string;
  candidateRole: string;
  assignee?: Person;
  delegatedFrom?: Person;
}

export interface CastVote {
  voter: Person;
  vote: string;
  comment?: string;
  castAt: string;
}

export interface Deliberation {
  revision: number;
  rule: string;
  members: Person[];
  votes: CastVote[];
  outcome?: string;
}

/** The open stage's due date: the calendar milestone it serves, or its service period. */
export interface StageDeadline {
  stage: string;
  dueAt: string;
  dueDate: string;
  basis: 'MILESTONE' | 'SERVICE_PERIOD';
  serviceWorkingDays: number;
  serviceDueDate: string;
  milestone: { code: string; date: string; dueAt: string };
  missedMilestone?: { remedy?: string };
}

export interface StageTimeline {
  openSequence: number;
  deadline: StageDeadline;
  nextReminderAt?: string;
  nextReminderId?: string;
  remedy?: string;
  escalated: boolean;
}

/** What the plan needs because it missed its calendar milestone. */
export interface PlanRemedy {
  remedy: 'DPRD_AGREEMENT_RECORD' | 'RKPD_AMENDMENT';
  milestone: string | null;
  recordedAt: string | null;
  label: Bilingual;
}

export interface Plan extends PlanSummary, PlanContent {
  timeline: StageTimeline | null;
  remedy: PlanRemedy | null;
  summary: string;
  estimatedCost: number;
  dprdApprovalReasons: string[];
  lastComment?: string;
  history: Transition[];
  liveStage: string | null;
  task: TaskAssignment | null;
  deliberation: Deliberation | null;
  partners: Partner[];
  objects: MappedObject[];
  lineItems: LineItem[];
}

export interface PlanCheck {
  submittable: boolean;
  violations: Array<{ field: string; reason: string; message: Bilingual }>;
  warnings: Array<{ field: string; reason: string; message: Bilingual }>;
  estimatedCost: number;
  requiresDprdApproval: boolean;
  dprdApprovalReasons: string[];
}

export interface ReviewTask {
  id: string;
  planId: string;
  planTitle: string;
  proposingAgency: string;
  cooperationType?: string;
  stage: string;
  revision: number;
  regionCode: string;
  budgetYear: number;
  candidateRole?: string;
  assigneeId?: string;
  assigneeName?: string;
  delegatedFromId?: string;
  priority: number;
  dueAt?: string;
  dueBasis?: string;
  milestone?: string;
  milestoneDate?: string;
  escalatedAt?: string;
  createdAt: string;
}

export interface Inbox extends Page<ReviewTask> {
  countsByStage: Record<string, number>;
}

export interface Milestone {
  code: string;
  date: string;
  source: string;
  origin: string;
  label: Bilingual;
  defaultDate: string;
  note: string | null;
  workingDay: boolean;
}

export interface RegionCalendar {
  regionCode: string;
  regionName: string;
  regionLevel: string;
  budgetYear: number;
  timeZone: { abbreviation: string; iana: string };
  milestones: Milestone[];
}

export interface Region {
  code: string;
  name: string;
  level: string;
  provinceCode: string;
}

export interface GovernmentAffair {
  code: string;
  nomenclatureVersion: string;
  name: string;
  group: string;
  level: string;
  allowedAsObject: boolean;
}

export interface CooperationTypeRef {
  code: string;
  name: Bilingual;
  partnerKinds: string[];
  abroad: boolean;
  ksdByLaw: boolean;
  requirements: Bilingual[];
}

export type Enumerations = Record<string, Option[]>;

export interface PlanComment {
  id: string;
  taskId: string | null;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface Attachment {
  id: string;
  purpose: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
  createdAt: string;
}

export interface Revision {
  revision: number;
  submittedBy: string;
  submittedAt: string;
}

export interface RevisionChange {
  path: string;
  kind: string;
  before: unknown;
  after: unknown;
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorName: string;
  actorRole: string | null;
  action: string;
  entity: string;
  fromStage: string | null;
  toStage: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  active: boolean;
  grants: Array<{ id: string; role: string; regionCode: string; agency?: string }>;
}

/** An in-app notification of the caller (GET /notifications). */
export interface AppNotification {
  id: string;
  template: string;
  regionCode: string;
  planId: string | null;
  title: string;
  body: string;
  params: unknown;
  createdAt: string;
  readAt: string | null;
}

/** A plan's line in one of the region's planning or budget documents. */
export interface DocumentLine {
  id: string;
  documentId: string;
  documentKind: string;
  planId: string;
  planTitle: string | null;
  planRevision: number;
  lineKey: string;
  nomenclatureCode: string;
  description: string;
  amount: number;
  fundingSource: string | null;
  ceiling: number | null;
  agency: string;
  status: 'ACTIVE' | 'WITHDRAWN';
  flag: string | null;
  flagMessage: Bilingual | null;
  syncedAt: string;
}

export interface PlanningDocument {
  id: string;
  kind: string;
  kindName: string;
  regionCode: string;
  budgetYear: number;
  agency: string;
  state: string;
  stateName: string;
  stateChangedAt: string | null;
  finalAt: string | null;
  activeLines?: number;
}
