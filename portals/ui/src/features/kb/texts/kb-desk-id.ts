import type { KbDeskKey } from './kb-desk-en';

/** Bahasa Indonesia texts of the knowledge base editor. */
export const kbDeskId: Record<KbDeskKey, string> = {
  'kbDesk.intro': 'Artikel untuk basis pengetahuan di portal pelanggan dan untuk staf.',
  'kbDesk.status': 'Status',
  'kbDesk.language': 'Bahasa',
  'kbDesk.allStatuses': 'Semua status',
  'kbDesk.allLanguages': 'Semua bahasa',
  'kbDesk.empty': 'Tidak ada artikel yang sesuai dengan filter.',
  'kbDesk.new': 'Artikel baru',
  'kbDesk.title': 'Judul',
  'kbDesk.slug': 'Alamat (slug)',
  'kbDesk.slugHint': 'Huruf kecil, angka, dan tanda hubung; jika dikosongkan, dibuat dari judul.',
  'kbDesk.category': 'Kategori',
  'kbDesk.tags': 'Tag',
  'kbDesk.tagsHint': 'Pisahkan tag dengan koma.',
  'kbDesk.visibility': 'Visibilitas',
  'kbDesk.body': 'Isi (HTML)',
  'kbDesk.bodyHint': 'Yang diizinkan: p, br, strong, em, ul, ol, li, h2–h4, blockquote, code, pre, tautan, dan gambar https. Selebihnya dihapus saat Anda menyimpan.',
  'kbDesk.preview': 'Pratinjau',
  'kbDesk.previewHint': 'Mengikuti ketikan Anda; skrip tidak pernah dijalankan di sini. Versi yang disimpan dibersihkan oleh server.',
  'kbDesk.helpful': 'Membantu',
  'kbDesk.helpfulValue': '{yes} ya · {no} tidak',
  'kbDesk.save': 'Simpan',
  'kbDesk.languageFixed': 'Bahasa artikel tidak dapat diubah; tulis terjemahannya sebagai artikel baru.',
  'kbDesk.needsEditor': 'Hanya staf layanan, pemasaran, dan admin yang dapat menulis artikel.',

  'error.slug_taken': 'Artikel lain dalam bahasa ini sudah memakai alamat (slug) tersebut.',
  'error.body_empty': 'Isi artikel kosong setelah markup yang tidak didukung dihapus.',
};
