import { NotificationTemplate, type NotificationParams } from './notification';
import { renderNotificationEmail } from './notification-email';
import { MISSING, renderNotification } from './notification-templates';

const KOTA_BOGOR = '32.71'; // WIB
const KOTA_MAKASSAR = '73.71'; // WITA

describe('renderNotification', () => {
  it('TASK_DUE_SOON names the stage, the plan and the due date on the region’s clock', () => {
    const rendered = renderNotification(
      NotificationTemplate.TASK_DUE_SOON,
      { planTitle: 'Pengelolaan Sampah Regional', stage: 'BAPPEDA_REVIEW', dueAt: '2026-07-14T09:00:00.000Z', daysLeft: 3 },
      KOTA_BOGOR,
    );
    expect(rendered.title).toBe('Tenggat Telaah Bappeda 3 hari lagi: Pengelolaan Sampah Regional');
    expect(rendered.body).toBe(
      'Tugas Telaah Bappeda atas rencana kerja sama "Pengelolaan Sampah Regional" harus diselesaikan paling lambat Selasa, 14 Juli 2026 pukul 16.00 WIB (3 hari lagi).\n' +
        'Mohon telaah dan putuskan di Jalin sebelum tenggat.',
    );
  });

  it('says "hari ini" and "besok" for the last days, and uses the zone of the region', () => {
    const params = { planTitle: 'Air Minum', stage: 'VERIFICATION', dueAt: '2026-07-14T09:00:00.000Z' };
    expect(renderNotification('TASK_DUE_SOON', { ...params, daysLeft: 0 }, KOTA_BOGOR).title).toBe(
      'Tenggat Verifikasi sekretariat kerja sama hari ini: Air Minum',
    );
    expect(renderNotification('TASK_DUE_SOON', { ...params, daysLeft: '1' }, KOTA_BOGOR).title).toContain('besok');
    expect(renderNotification('TASK_DUE_SOON', { ...params, daysLeft: 1 }, KOTA_MAKASSAR).body).toContain('pukul 17.00 WITA');
  });

  it('TASK_OVERDUE and TASK_ESCALATED count the days overdue and name who holds the task', () => {
    const params = { planTitle: 'Terminal Terpadu', stage: 'BUDGET_SIGNOFF', dueAt: '2026-09-01T16:59:00Z', daysOverdue: 4 };
    const overdue = renderNotification('TASK_OVERDUE', params, KOTA_BOGOR);
    expect(overdue.title).toBe('Terlambat 4 hari: Penempatan KUA-PPAS oleh TAPD atas Terminal Terpadu');
    expect(overdue.body).toContain('melewati tenggat Selasa, 1 September 2026 pukul 23.59 WIB dan kini terlambat 4 hari');

    const held = renderNotification('TASK_ESCALATED', { ...params, assigneeName: 'Yuliana Putri, S.E., Ak.' }, KOTA_BOGOR);
    expect(held.title).toBe('Eskalasi: Penempatan KUA-PPAS oleh TAPD atas Terminal Terpadu terlambat 4 hari');
    expect(held.body).toContain('Tugas ini dipegang oleh Yuliana Putri, S.E., Ak.');
    expect(held.body).toContain('Sekretaris Daerah');
    expect(renderNotification('TASK_ESCALATED', { ...params, assigneeName: null }, KOTA_BOGOR).body).toContain('belum diambil oleh siapa pun');
  });

  it('MILESTONE_MISSED names the milestone, its date and the remedy', () => {
    const base = { planTitle: 'Jalan Perbatasan', milestone: 'KUA_PPAS_AGREEMENT', milestoneDate: '2026-08-14' };
    const amendment = renderNotification('MILESTONE_MISSED', { ...base, remedy: 'RKPD_AMENDMENT' }, KOTA_BOGOR);
    expect(amendment.title).toBe('Tonggak terlewat: Kesepakatan KUA-PPAS (Jalan Perbatasan)');
    expect(amendment.body).toContain('tonggak Kesepakatan KUA-PPAS (Jumat, 14 Agustus 2026) berlalu');
    expect(amendment.body).toContain('perubahan RKPD');
    const record = renderNotification('MILESTONE_MISSED', { ...base, remedy: 'DPRD_AGREEMENT_RECORD' }, KOTA_BOGOR);
    expect(record.body).toContain('berita acara kesepakatan antara kepala daerah dan pimpinan DPRD');
  });

  it('SEASON_NO_PROPOSAL tells the agency its mapping deadline', () => {
    const rendered = renderNotification(
      'SEASON_NO_PROPOSAL',
      { agency: 'Dinas Perhubungan', budgetYear: 2027, mappingDeadline: '2026-01-31', daysLeft: 7 },
      KOTA_BOGOR,
    );
    expect(rendered.title).toBe('Belum ada usulan kerja sama TA 2027: Dinas Perhubungan');
    expect(rendered.body).toContain('Batas pemetaan kerja sama: Sabtu, 31 Januari 2026 (7 hari lagi).');
  });

  it('WEEKLY_DIGEST lists the plans per stage in the order of the process, with the total and the overdue tasks', () => {
    const rendered = renderNotification(
      'WEEKLY_DIGEST',
      {
        budgetYear: 2027,
        byStage: JSON.stringify({ TAPD_UNKNOWN: 1, BAPPEDA_REVIEW: 2, DRAFT: 3, COMPLETED: 0 }),
        overdueTasks: 1,
        digestText: 'Dua tugas jatuh tempo minggu depan.',
      },
      KOTA_BOGOR,
    );
    expect(rendered.title).toBe('Ringkasan mingguan rencana kerja sama TA 2027');
    expect(rendered.body).toBe(
      [
        'Rencana kerja sama tahun anggaran 2027 per tahap:',
        '- Draf: 3',
        '- Telaah Bappeda: 2',
        '- TAPD_UNKNOWN: 1',
        'Jumlah: 6',
        'Tugas yang melewati tenggat: 1',
        '',
        'Dua tugas jatuh tempo minggu depan.',
      ].join('\n'),
    );
  });

  it('renders a dash for what is missing or malformed, and never throws', () => {
    for (const template of Object.values(NotificationTemplate)) {
      const rendered = renderNotification(template, {}, KOTA_BOGOR);
      expect(rendered.title).toContain(MISSING);
      expect(rendered.body.length).toBeGreaterThan(0);
      expect(rendered.body).not.toMatch(/undefined|null|NaN|\[object/);
    }
    const odd: NotificationParams = { planTitle: '  ', stage: 'SOMEWHERE', dueAt: 'kemarin', daysLeft: 'tiga' };
    expect(renderNotification('TASK_DUE_SOON', odd, KOTA_BOGOR)).toEqual({
      title: `Tenggat SOMEWHERE ${MISSING}: ${MISSING}`,
      body: `Tugas SOMEWHERE atas rencana kerja sama "${MISSING}" harus diselesaikan paling lambat kemarin (${MISSING}).\nMohon telaah dan putuskan di Jalin sebelum tenggat.`,
    });
    expect(renderNotification('WEEKLY_DIGEST', { budgetYear: 2027, byStage: '{not json' }, KOTA_BOGOR).body).toContain(`- ${MISSING}`);
    expect(renderNotification('WEEKLY_DIGEST', { budgetYear: 2027, byStage: '{}' }, KOTA_BOGOR).body).toContain('- belum ada rencana');
  });

  it('says what was sent for a template it does not know yet', () => {
    const rendered = renderNotification('PARTNER_SURVEY_DUE' as NotificationTemplate, { planTitle: 'Air Minum', daysLeft: 30 }, KOTA_BOGOR);
    expect(rendered).toEqual({ title: 'Pemberitahuan Jalin', body: 'planTitle: Air Minum\ndaysLeft: 30' });
  });
});

describe('renderNotificationEmail', () => {
  it('addresses the person and keeps the title as the subject', () => {
    const email = renderNotificationEmail({ title: 'Judul', body: 'Isi.' }, 'Siti Rahmawati');
    expect(email.subject).toBe('Judul');
    expect(email.text.startsWith('Yth. Siti Rahmawati,\n\nIsi.\n\n-- \n')).toBe(true);
    expect(renderNotificationEmail({ title: 'Judul', body: 'Isi.' }, ' ').text.startsWith('Yth. Bapak/Ibu,')).toBe(true);
  });
});
