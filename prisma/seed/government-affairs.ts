// The bidang urusan of the government affairs nomenclature, as pickers and the plan
// rules need them: code, Indonesian name, group and the level that holds authority.
import type { AffairGroup, GovernmentLevel } from '../client';
import { CURRENT_NOMENCLATURE_VERSION } from '../../domain/nomenclature';

/**
 * Permendagri 90/2019 as updated by the Kepmendagri decisions up to 2026. A later
 * update gets a new version string and is seeded beside this one, never over it.
 */
export const NOMENCLATURE_VERSION = CURRENT_NOMENCLATURE_VERSION;

export interface GovernmentAffairSeed {
  code: string;
  name: string;
  group: AffairGroup;
  level: GovernmentLevel;
}

const affair = (code: string, name: string, group: AffairGroup, level: GovernmentLevel = 'BOTH'): GovernmentAffairSeed => ({
  code,
  name,
  group,
  level,
});

export const GOVERNMENT_AFFAIRS: readonly GovernmentAffairSeed[] = [
  // Urusan wajib pelayanan dasar.
  affair('1.01', 'Pendidikan', 'BASIC'),
  affair('1.02', 'Kesehatan', 'BASIC'),
  affair('1.03', 'Pekerjaan Umum dan Penataan Ruang', 'BASIC'),
  affair('1.04', 'Perumahan dan Kawasan Permukiman', 'BASIC'),
  affair('1.05', 'Ketenteraman dan Ketertiban Umum serta Pelindungan Masyarakat', 'BASIC'),
  affair('1.06', 'Sosial', 'BASIC'),

  // Urusan wajib bukan pelayanan dasar.
  affair('2.07', 'Tenaga Kerja', 'NON_BASIC'),
  affair('2.08', 'Pemberdayaan Perempuan dan Pelindungan Anak', 'NON_BASIC'),
  affair('2.09', 'Pangan', 'NON_BASIC'),
  affair('2.10', 'Pertanahan', 'NON_BASIC'),
  affair('2.11', 'Lingkungan Hidup', 'NON_BASIC'),
  affair('2.12', 'Administrasi Kependudukan dan Pencatatan Sipil', 'NON_BASIC'),
  affair('2.13', 'Pemberdayaan Masyarakat dan Desa', 'NON_BASIC'),
  affair('2.14', 'Pengendalian Penduduk dan Keluarga Berencana', 'NON_BASIC'),
  affair('2.15', 'Perhubungan', 'NON_BASIC'),
  affair('2.16', 'Komunikasi dan Informatika', 'NON_BASIC'),
  affair('2.17', 'Koperasi, Usaha Kecil, dan Menengah', 'NON_BASIC'),
  affair('2.18', 'Penanaman Modal', 'NON_BASIC'),
  affair('2.19', 'Kepemudaan dan Olahraga', 'NON_BASIC'),
  affair('2.20', 'Statistik', 'NON_BASIC'),
  affair('2.21', 'Persandian', 'NON_BASIC'),
  affair('2.22', 'Kebudayaan', 'NON_BASIC'),
  affair('2.23', 'Perpustakaan', 'NON_BASIC'),
  affair('2.24', 'Kearsipan', 'NON_BASIC'),

  // Urusan pilihan. Forestry and energy/mineral resources are mostly provincial, but the
  // nomenclature gives kabupaten/kota kegiatan in both (3.28: managing a Taman Hutan Raya
  // of the kabupaten/kota; 3.29: direct use of geothermal heat), so both levels hold them.
  affair('3.25', 'Kelautan dan Perikanan', 'OPTIONAL'),
  affair('3.26', 'Pariwisata', 'OPTIONAL'),
  affair('3.27', 'Pertanian', 'OPTIONAL'),
  affair('3.28', 'Kehutanan', 'OPTIONAL'),
  affair('3.29', 'Energi dan Sumber Daya Mineral', 'OPTIONAL'),
  affair('3.30', 'Perdagangan', 'OPTIONAL'),
  affair('3.31', 'Perindustrian', 'OPTIONAL'),
  affair('3.32', 'Transmigrasi', 'OPTIONAL'),

  // Unsur pendukung, penunjang, pengawas, kewilayahan and pemerintahan umum: budget
  // owners (4.01 holds the "Fasilitasi Kerja Sama Daerah" kegiatan), not usual objects.
  affair('4.01', 'Sekretariat Daerah', 'SUPPORT'),
  affair('4.02', 'Sekretariat DPRD', 'SUPPORT'),
  affair('5.01', 'Perencanaan', 'SUPPORT'),
  affair('5.02', 'Keuangan', 'SUPPORT'),
  affair('5.03', 'Kepegawaian', 'SUPPORT'),
  affair('5.04', 'Pendidikan dan Pelatihan', 'SUPPORT'),
  affair('5.05', 'Penelitian dan Pengembangan', 'SUPPORT'),
  affair('5.06', 'Pengelolaan Perbatasan', 'SUPPORT'),
  affair('5.07', 'Penghubung', 'SUPPORT'),
  affair('6.01', 'Inspektorat Daerah', 'SUPPORT'),
  // Kecamatan are perangkat daerah of a kabupaten/kota only (UU 23/2014 art. 209): level digit 2.
  affair('7.01', 'Kecamatan', 'SUPPORT', 'KABKOTA'),
  affair('8.01', 'Kesatuan Bangsa dan Politik', 'SUPPORT'),

  // Urusan pemerintahan absolut (UU 23/2014 art. 10): held by the centre, never an
  // object. Urusan 0 does not exist in Permendagri 90/2019, so these pseudo-codes
  // cannot collide with a real code, and a picker can still show and refuse them.
  affair('0.01', 'Politik Luar Negeri', 'ABSOLUTE'),
  affair('0.02', 'Pertahanan', 'ABSOLUTE'),
  affair('0.03', 'Keamanan', 'ABSOLUTE'),
  affair('0.04', 'Yustisi', 'ABSOLUTE'),
  affair('0.05', 'Moneter dan Fiskal Nasional', 'ABSOLUTE'),
  affair('0.06', 'Agama', 'ABSOLUTE'),
];
