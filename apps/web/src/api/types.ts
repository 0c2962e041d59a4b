// The API's shapes the screens read and send, by the names the screens use, taken from the
// types generated from the API's own OpenAPI document (schema.d.ts, written by
// `npm run build`; see /docs for the contract). Nothing here restates a field: a change to
// the API's DTOs reaches the screens through the build, or fails it.
import type { components } from './schema';

type Schemas = components['schemas'];

export type Bilingual = Schemas['BilingualTextDto'];
export type Violation = Schemas['ViolationDto'];
export type Enumerations = Schemas['EnumerationsResponseDto'];

export type CurrentUser = Schemas['CurrentUserDto'];
export type LoginResponse = Schemas['LoginResponseDto'];

export type PlanSummary = Schemas['PlanSummaryResponseDto'];
export type PlanPage = Schemas['PlanPageResponseDto'];
export type Plan = Schemas['PlanResponseDto'];
/** A draft's content as the plan form sends it (POST /plans, PATCH /plans/:id). */
export type PlanContent = Schemas['CreatePlanDto'];
export type Partner = Schemas['PlanPartnerDto'];
export type MappedObject = Schemas['MappedObjectDto'];
export type LineItem = Schemas['PlanLineItemDto'];
export type Transition = Schemas['PlanTransitionResponseDto'];
export type Person = Schemas['PersonDto'];
export type StageTimeline = Schemas['StageTimelineDto'];
export type PlanRemedy = Schemas['PlanRemedyDto'];
export type PlanCheck = Schemas['PlanCheckResponseDto'];
/** A reviewer's decision (POST /plans/:id/decisions). */
export type ReviewDecision = Schemas['ReviewDecisionDto'];

export type ReviewTask = Schemas['ReviewTaskResponseDto'];
export type Inbox = Schemas['InboxResponseDto'];

export type Milestone = Schemas['MilestoneResponseDto'];
export type RegionCalendar = Schemas['RegionCalendarResponseDto'];
export type YearDaysOff = Schemas['YearDaysOffResponseDto'];

export type Region = Schemas['RegionResponseDto'];
export type GovernmentAffair = Schemas['GovernmentAffairResponseDto'];
export type CooperationTypeRef = Schemas['CooperationTypeResponseDto'];

export type PlanComment = Schemas['PlanCommentResponseDto'];
export type Attachment = Schemas['AttachmentResponseDto'];
export type Revision = Schemas['PlanRevisionResponseDto'];
export type PlanRevisionDiff = Schemas['RevisionDiffResponseDto'];
export type AuditTrailPage = Schemas['AuditPageResponseDto'];

export type AdminUser = Schemas['AdminUserResponseDto'];

/** An in-app notification of the caller (GET /notifications). */
export type AppNotification = Schemas['NotificationResponseDto'];
export type NotificationPage = Schemas['NotificationPageResponseDto'];
export type UnreadCount = Schemas['UnreadCountResponseDto'];

/** A plan's line in one of the region's planning or budget documents. */
export type DocumentLine = Schemas['DocumentLineDto'];
export type PlanningDocument = Schemas['PlanningDocumentDto'];

export type ReportingSummary = Schemas['ReportingSummaryDto'];
export type RegionReportSummary = Schemas['RegionSummaryDto'];
export type ProvinceBar = Schemas['ProvinceBarDto'];
export type MappingReportView = Schemas['ReportViewDto'];
export type ReportSnapshot = Schemas['ReportSnapshotDto'];
export type ReportInboxItem = Schemas['ReviewInboxItemDto'];
export type ReportingDeadline = Schemas['ReportingDeadlineDto'];

/** A cooperation agreement (KB, PKS) after a COMPLETED plan. */
export type AgreementSummary = Schemas['AgreementSummaryDto'];
export type Agreement = Schemas['AgreementResponseDto'];
export type AgreementPage = Schemas['AgreementPageResponseDto'];
export type AgreementStepDecision = Schemas['StepDecisionDto'];
