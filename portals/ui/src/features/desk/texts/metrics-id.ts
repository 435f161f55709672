import type { MetricsKey } from './metrics-en';

/** Bahasa Indonesia texts of the service metrics. */
export const metricsId: Record<MetricsKey, string> = {
  'metrics.range': 'Periode',
  'metrics.from': 'Dari',
  'metrics.to': 'Sampai',
  'metrics.show': 'Tampilkan',
  'metrics.rangeHint': 'Tiket yang dibuat dalam periode ini (paling lama satu tahun).',
  'metrics.firstResponse': 'Waktu tanggapan pertama',
  'metrics.resolution': 'Waktu penyelesaian',
  'metrics.compliance': 'Kepatuhan SLA',
  'metrics.csat': 'Kepuasan pelanggan',
  'metrics.tickets': 'Tiket',
  'metrics.average': 'Rata-rata',
  'metrics.median': 'Median',
  'metrics.csatValue': '{score} dari 5',
  'metrics.csatCount': 'dari {n} penilaian',
  'metrics.byAgent': 'Per agen',
  'metrics.byTeam': 'Per tim',
  'metrics.agent': 'Agen',
  'metrics.team': 'Tim',
  'metrics.noData': 'Tidak ada tiket yang dibuat dalam periode ini.',
  'metrics.none': '—',
  'metrics.rangeInvalid': 'Pilih tanggal awal yang sama dengan atau sebelum tanggal akhir.',

  'duration.minutes': '{n} mnt',
  'duration.hours': '{h} j {m} mnt',
  'duration.days': '{d} h {h} j',

  'error.invalid_range': 'Pilih tanggal awal yang sama dengan atau sebelum tanggal akhir.',
  'error.range_too_long': 'Pilih periode paling lama satu tahun.',
};
