// What each kind of notification says, in Indonesian: a title (also the e-mail's
// subject) and a body. Pure: the same request renders the same text anywhere. Callers
// are other workflows, some written later than this file, so a missing or malformed
// parameter renders as a dash and nothing here throws.
import type { NotificationParams, NotificationTemplate } from './notification';
import { MILESTONE_LABELS, isMilestone } from './fiscal-calendar';
import { formatIndonesianDateText } from './indonesian-date';
import { PLAN_STAGE_LABELS } from './plan-stage-label';
import { PLAN_STAGES, type PlanStage } from './plan-stage';
import { AGREEMENT_STAGES, AGREEMENT_STAGE_INFO, type AgreementStage } from './agreement-stage';
import { regionTimeZone, type IndonesianTimeZone } from './region-time-zone';

export interface RenderedNotification {
  title: string;
  body: string;
}

/** Printed where a parameter is missing. */
export const MISSING = '—';

type Value = NotificationParams[string] | undefined;

function textOf(value: Value): string {
  if (value === null || value === undefined) return MISSING;
  const text = String(value).trim();
  return text || MISSING;
}

function wholeNumber(value: Value): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isInteger(number) ? number : undefined;
}

function countText(value: Value): string {
  return String(wholeNumber(value) ?? MISSING);
}

function stageLabel(value: Value): string {
  const code = textOf(value);
  if ((PLAN_STAGES as readonly string[]).includes(code)) return PLAN_STAGE_LABELS[code as PlanStage].id;
  // An agreement's step (its task reminders reuse the plan's templates).
  return (AGREEMENT_STAGES as readonly string[]).includes(code) ? AGREEMENT_STAGE_INFO[code as AgreementStage].label.id : code;
}

function milestoneLabel(value: Value): string {
  const code = textOf(value);
  return isMilestone(code) ? MILESTONE_LABELS[code].id : code;
}

function dateText(value: Value, zone: IndonesianTimeZone): string {
  return (typeof value === 'string' && formatIndonesianDateText(value, zone)) || MISSING;
}

/** "hari ini", "besok", "3 hari lagi" for the days left until a date. */
function daysLeftText(value: Value): string {
  const days = wholeNumber(value);
  if (days === undefined) return MISSING;
  if (days === 0) return 'hari ini';
  if (days === 1) return 'besok';
  return days > 0 ? `${days} hari lagi` : `${-days} hari yang lalu`;
}

const REMEDIES: Record<string, string> = {
  RKPD_AMENDMENT: 'Agar dapat didanai, kegiatannya perlu dimasukkan melalui perubahan RKPD.',
  DPRD_AGREEMENT_RECORD:
    'Kegiatan baru dalam KUA-PPAS yang belum tercantum dalam RKPD memerlukan berita acara kesepakatan antara kepala daerah dan pimpinan DPRD.',
};

/** The plans per stage of a digest, in the order of the process; unknown stages last. */
function stageCountLines(value: Value): string[] {
  let counts: unknown;
  try {
    counts = typeof value === 'string' ? JSON.parse(value) : undefined;
  } catch {
    counts = undefined;
  }
  if (!counts || typeof counts !== 'object' || Array.isArray(counts)) return [`- ${MISSING}`];
  const entries = Object.entries(counts as Record<string, unknown>).filter(([, count]) => Number.isInteger(count) && (count as number) > 0);
  if (!entries.length) return ['- belum ada rencana'];
  const order = (stage: string) => {
    const index = (PLAN_STAGES as readonly string[]).indexOf(stage);
    return index === -1 ? PLAN_STAGES.length : index;
  };
  entries.sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
  const total = entries.reduce((sum, [, count]) => sum + (count as number), 0);
  return [...entries.map(([stage, count]) => `- ${stageLabel(stage)}: ${count}`), `Jumlah: ${total}`];
}

function lines(...parts: Array<string | false | undefined>): string {
  return parts.filter((part): part is string => typeof part === 'string').join('\n');
}

/** Renders one notification for a region (its dates in the region's time zone). */
export function renderNotification(template: NotificationTemplate, params: NotificationParams, regionCode: string): RenderedNotification {
  const zone = regionTimeZone(regionCode);
  const p = params ?? {};
  const plan = textOf(p.planTitle);
  const stage = stageLabel(p.stage);
  switch (template) {
    case 'AGREEMENT_EXPIRING': {
      const when = daysLeftText(p.daysLeft);
      return {
        title: `Perjanjian kerja sama berakhir ${when}: ${plan}`,
        body: lines(
          `Perjanjian kerja sama "${plan}" (nomor ${textOf(p.number)}) berakhir pada ${dateText(p.endsAt, zone)} (${when}).`,
          'Mohon siapkan evaluasi dan putuskan: dilanjutkan, diperluas, diubah (adendum) atau dihentikan (PP 28/2018; Permendagri 22/2020).',
        ),
      };
    }
    case 'AGREEMENT_REPORT_FILED':
      return {
        title: `Laporan monev periode ${countText(p.period)} masuk: ${plan}`,
        body: lines(
          `${textOf(p.submittedBy)} mengirim laporan pelaksanaan periode ${countText(p.period)} atas perjanjian kerja sama "${plan}" (kemajuan ${countText(p.progressPercent)}%).`,
          'Mohon telaah: terima, atau kembalikan dengan catatan (Permendagri 22/2020: pemantauan dan evaluasi).',
        ),
      };
    case 'AGREEMENT_REPORT_REVIEWED': {
      const accepted = p.outcome === 'ACCEPT';
      return {
        title: `Laporan monev periode ${countText(p.period)} ${accepted ? 'diterima' : 'dikembalikan'}: ${plan}`,
        body: lines(
          `Sekretariat kerja sama ${accepted ? 'menerima' : 'mengembalikan'} laporan pelaksanaan periode ${countText(p.period)} atas perjanjian kerja sama "${plan}".`,
          accepted ? undefined : `Catatan: ${textOf(p.comment)}. Mohon kirim laporan baru untuk periode ini.`,
        ),
      };
    }
    case 'AGREEMENT_OBLIGATION_DUE': {
      const when = daysLeftText(p.daysLeft);
      return {
        title: `Kewajiban jatuh tempo ${when}: ${plan}`,
        body: lines(
          `Kewajiban "${textOf(p.obligation)}" (${p.party === 'PARTNER' ? 'mitra kerja sama' : 'pemerintah daerah'}) atas perjanjian kerja sama "${plan}" jatuh tempo pada ${textOf(p.dueOn)} (${when}).`,
          `Sumber tanggal: ${textOf(p.source)}. Setelah dipenuhi, catat pemenuhannya di Jalin.`,
        ),
      };
    }
    case 'AGREEMENT_OBLIGATION_OVERDUE':
      return {
        title: `Kewajiban lewat tenggat: ${plan}`,
        body: lines(
          `Kewajiban "${textOf(p.obligation)}" (${p.party === 'PARTNER' ? 'mitra kerja sama' : 'pemerintah daerah'}) atas perjanjian kerja sama "${plan}" belum dicatat terpenuhi, padahal jatuh tempo pada ${textOf(p.dueOn)} (${textOf(p.source)}).`,
          p.party === 'PARTNER' ? 'Mohon tagih mitra dan catat pemenuhannya.' : 'Mohon penuhi dan catat pemenuhannya.',
        ),
      };
    case 'AGREEMENT_EXPIRED_UNDECIDED':
      return {
        title: `Eskalasi: perjanjian kerja sama berakhir tanpa keputusan: ${plan}`,
        body: lines(
          `Perjanjian kerja sama "${plan}" (nomor ${textOf(p.number)}) telah berakhir pada ${dateText(p.endsAt, zone)} tanpa keputusan evaluasi.`,
          'Sebagai Sekretaris Daerah, mohon pastikan sekretariat kerja sama memutus evaluasinya.',
        ),
      };
    case 'TASK_DUE_SOON': {
      const when = daysLeftText(p.daysLeft);
      return {
        title: `Tenggat ${stage} ${when}: ${plan}`,
        body: lines(
          `Tugas ${stage} atas rencana kerja sama "${plan}" harus diselesaikan paling lambat ${dateText(p.dueAt, zone)} (${when}).`,
          'Mohon telaah dan putuskan di Jalin sebelum tenggat.',
        ),
      };
    }
    case 'TASK_OVERDUE': {
      const days = countText(p.daysOverdue);
      return {
        title: `Terlambat ${days} hari: ${stage} atas ${plan}`,
        body: lines(
          `Tugas ${stage} atas rencana kerja sama "${plan}" telah melewati tenggat ${dateText(p.dueAt, zone)} dan kini terlambat ${days} hari.`,
          'Mohon segera diputuskan di Jalin.',
        ),
      };
    }
    case 'TASK_ESCALATED': {
      const days = countText(p.daysOverdue);
      const assignee = typeof p.assigneeName === 'string' && p.assigneeName.trim() ? p.assigneeName.trim() : undefined;
      return {
        title: `Eskalasi: ${stage} atas ${plan} terlambat ${days} hari`,
        body: lines(
          `Tugas ${stage} atas rencana kerja sama "${plan}" telah melewati tenggat ${dateText(p.dueAt, zone)} dan terlambat ${days} hari.`,
          assignee ? `Tugas ini dipegang oleh ${assignee}.` : 'Tugas ini belum diambil oleh siapa pun.',
          'Sebagai Sekretaris Daerah, mohon tindak lanjuti agar prosesnya tidak tertahan.',
        ),
      };
    }
    case 'MILESTONE_MISSED': {
      const milestone = milestoneLabel(p.milestone);
      return {
        title: `Tonggak terlewat: ${milestone} (${plan})`,
        body: lines(
          `Rencana kerja sama "${plan}" belum mencapai tahap yang diperlukan ketika tonggak ${milestone} (${dateText(p.milestoneDate, zone)}) berlalu.`,
          REMEDIES[textOf(p.remedy)] ?? 'Mohon tentukan langkah penyesuaiannya bersama Bappeda.',
        ),
      };
    }
    case 'SEASON_NO_PROPOSAL': {
      const agency = textOf(p.agency);
      const year = textOf(p.budgetYear);
      return {
        title: `Belum ada usulan kerja sama TA ${year}: ${agency}`,
        body: lines(
          `${agency} belum mengajukan usulan rencana kerja sama untuk tahun anggaran ${year}.`,
          `Batas pemetaan kerja sama: ${dateText(p.mappingDeadline, zone)} (${daysLeftText(p.daysLeft)}).`,
          'Kerja sama yang tidak dipetakan tepat waktu tidak masuk ke RKPD dan tidak dapat didanai.',
        ),
      };
    }
    case 'WEEKLY_DIGEST': {
      const year = textOf(p.budgetYear);
      const extra = typeof p.digestText === 'string' && p.digestText.trim() ? p.digestText.trim() : undefined;
      return {
        title: `Ringkasan mingguan rencana kerja sama TA ${year}`,
        body: lines(
          `Rencana kerja sama tahun anggaran ${year} per tahap:`,
          ...stageCountLines(p.byStage),
          `Tugas yang melewati tenggat: ${countText(p.overdueTasks)}`,
          extra !== undefined && '',
          extra,
        ),
      };
    }
    case 'TASK_ARRIVED':
      return {
        title: `Tugas baru: ${stage} atas ${plan}`,
        body: lines(
          `Rencana kerja sama "${plan}" (revisi ${textOf(p.revision)}) tiba pada tahap ${stage} dan menunggu peninjauan.`,
          'Ambil tugas ini di kotak tugas Jalin untuk menelaah dan memutusnya.',
        ),
      };
    case 'TASK_ASSIGNED': {
      const delegated = p.how === 'DELEGATED';
      return {
        title: `${delegated ? 'Tugas didelegasikan' : 'Tugas dialihkan'} kepada Anda: ${stage} atas ${plan}`,
        body: lines(
          `${textOf(p.actorName)} ${delegated ? 'mendelegasikan' : 'mengalihkan'} tugas ${stage} atas rencana kerja sama "${plan}" kepada Anda.`,
          typeof p.reason === 'string' && p.reason.trim() ? `Alasan: ${p.reason.trim()}` : undefined,
          'Tugas ini kini Anda pegang di Jalin.',
        ),
      };
    }
    case 'TASK_TAKEN_BACK':
      return {
        title: `Tugas ditarik kembali: ${stage} atas ${plan}`,
        body: lines(
          `${textOf(p.actorName)} menarik kembali tugas ${stage} atas rencana kerja sama "${plan}" yang didelegasikan kepada Anda.`,
          'Anda tidak lagi memegang tugas ini.',
        ),
      };
    case 'PLAN_RETURNED':
      return {
        title: `Dikembalikan untuk revisi: ${plan}`,
        body: lines(
          `${textOf(p.actorName)} mengembalikan rencana kerja sama "${plan}" dari tahap ${stage} untuk revisi.`,
          `Catatan: ${textOf(p.comment)}`,
          'Perbaiki draf revisi berikutnya di Jalin, lalu ajukan kembali.',
        ),
      };
    case 'PLAN_REJECTED':
      return {
        title: `Ditolak: ${plan}`,
        body: lines(`${textOf(p.actorName)} menolak rencana kerja sama "${plan}" pada tahap ${stage}.`, `Alasan: ${textOf(p.comment)}`),
      };
    case 'PLAN_COMPLETED':
      return {
        title: `Selesai: ${plan}`,
        body: lines(`Rencana kerja sama "${plan}" telah melalui seluruh tahap dan tercantum dalam RKA.`),
      };
    case 'REPORT_TO_SIGN':
      return {
        title: `Laporan pemetaan TA ${textOf(p.budgetYear)} menunggu tanda tangan`,
        body: lines(
          `Laporan pemetaan kerja sama wilayah ${textOf(p.regionCode)} revisi ${countText(p.revision)} telah disusun dan menunggu tanda tangan kepala daerah.`,
        ),
      };
    case 'REPORT_SUBMITTED':
      return {
        title: `Laporan pemetaan masuk: ${textOf(p.regionCode)} TA ${textOf(p.budgetYear)}`,
        body: lines(
          `Wilayah ${textOf(p.regionCode)} menyampaikan laporan pemetaan kerja sama revisi ${countText(p.revision)} untuk ditelaah (diterima atau dikembalikan).`,
        ),
      };
    case 'REPORT_RETURNED':
      return {
        title: `Laporan pemetaan TA ${textOf(p.budgetYear)} dikembalikan`,
        body: lines(`Laporan pemetaan revisi ${countText(p.revision)} dikembalikan untuk diperbaiki.`, `Catatan: ${textOf(p.comment)}`),
      };
    case 'REPORT_ACCEPTED':
      return {
        title: `Laporan pemetaan TA ${textOf(p.budgetYear)} diterima`,
        body: lines(`Laporan pemetaan kerja sama revisi ${countText(p.revision)} telah diterima.`),
      };
    case 'REPORT_DUE':
      return {
        title: `Laporan pemetaan TA ${textOf(p.budgetYear)} belum disampaikan`,
        body: lines(
          `Wilayah ${textOf(p.regionCode)} belum menyampaikan laporan pemetaan kerja sama tahun anggaran ${textOf(p.budgetYear)}.`,
          `Batas penyampaian: ${textOf(p.dueDate)} (${daysLeftText(p.daysLeft)}).`,
          'Sumber: PP 28/2018 dan Permendagri 22/2020 (pemetaan dilaporkan ke atas); tanggal ditetapkan per tahun anggaran.',
        ),
      };
    case 'REPORT_ESCALATED':
      return {
        title: `Eskalasi: laporan pemetaan TA ${textOf(p.budgetYear)} terlambat`,
        body: lines(
          `Wilayah ${textOf(p.regionCode)} belum menyampaikan laporan pemetaan kerja sama; batasnya ${textOf(p.dueDate)} telah lewat ${countText(p.daysLate)} hari.`,
          'Mohon Sekretaris Daerah memastikan laporan disusun, ditandatangani kepala daerah, dan disampaikan.',
        ),
      };
    default:
      // A template this version does not know yet: say what was sent rather than nothing.
      return {
        title: 'Pemberitahuan Jalin',
        body: lines(...Object.entries(p).map(([name, value]) => `${name}: ${textOf(value)}`)),
      };
  }
}
