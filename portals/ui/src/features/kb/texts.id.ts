import type { kbEn } from './texts.en';

/** Bahasa Indonesia; the type makes a missing or unknown key a compile error. */
export const kbId = {
  // The knowledge base as customers and visitors read it
  'kb.intro': 'Jawaban atas pertanyaan yang paling sering diajukan pelanggan kami. Cari, atau telusuri per kategori.',

  'kb.search': 'Cari di basis pengetahuan',

  'kb.searchHint': 'Misalnya: jam pengiriman, halal, tagihan.',

  'kb.results': 'Artikel yang cocok dengan “{q}”',

  'kb.noResults': 'Tidak ada artikel yang cocok dengan “{q}”. Coba kata lain, atau hubungi tim bantuan kami.',

  'kb.empty': 'Belum ada artikel yang diterbitkan dalam bahasa ini.',

  'kb.articleCount': '{n} artikel',

  'kb.articleCountOne': '1 artikel',

  'kb.updated': 'Diperbarui pada {date}',

  'kb.notInLanguage': 'Artikel ini tidak tersedia dalam Bahasa Indonesia. Telusuri basis pengetahuan untuk artikel berbahasa Indonesia.',

  'kb.helpful': 'Apakah artikel ini membantu?',

  'kb.thanks': 'Terima kasih atas masukan Anda.',

  'kb.thanksNo': 'Terima kasih. Kami akan memperbaiki artikel ini.',

  'kb.needHelp': 'Masih butuh bantuan?',

  'kb.openTicket': 'Buat tiket bantuan',

  'kb.opensNewTab': '(terbuka di tab baru)',

  'kb.status.draft': 'Draf',
  'kb.status.published': 'Terbit',
  'kb.status.archived': 'Diarsipkan',

  'kb.visibility.public': 'Publik',
  'kb.visibility.internal': 'Internal (khusus staf)',

  // The staff list of articles and the article editor
  'kb.desk.intro': 'Artikel untuk basis pengetahuan di portal pelanggan dan untuk staf.',
  'kb.desk.allStatuses': 'Semua status',
  'kb.desk.allLanguages': 'Semua bahasa',
  'kb.desk.empty': 'Tidak ada artikel yang sesuai dengan filter.',
  'kb.desk.new': 'Artikel baru',
  'kb.desk.slug': 'Alamat (slug)',
  'kb.desk.slugHint': 'Huruf kecil, angka, dan tanda hubung; jika dikosongkan, dibuat dari judul.',
  'kb.desk.tags': 'Tag',
  'kb.desk.tagsHint': 'Pisahkan tag dengan koma.',
  'kb.desk.visibility': 'Visibilitas',
  'kb.desk.body': 'Isi (HTML)',
  'kb.desk.bodyHint': 'Yang diizinkan: p, br, strong, em, ul, ol, li, h2–h4, blockquote, code, pre, tautan, dan gambar https. Selebihnya dihapus saat Anda menyimpan.',
  'kb.desk.preview': 'Pratinjau',
  'kb.desk.previewHint': 'Mengikuti ketikan Anda; skrip tidak pernah dijalankan di sini. Versi yang disimpan dibersihkan oleh server.',
  'kb.desk.helpful': 'Membantu',
  'kb.desk.helpfulValue': '{yes} ya · {no} tidak',
  'kb.desk.languageFixed': 'Bahasa artikel tidak dapat diubah; tulis terjemahannya sebagai artikel baru.',
  'kb.desk.needsEditor': 'Hanya staf layanan, pemasaran, dan admin yang dapat menulis artikel.',

  'kb.error.slug_taken': 'Artikel lain dalam bahasa ini sudah memakai alamat (slug) tersebut.',
  'kb.error.body_empty': 'Isi artikel kosong setelah markup yang tidak didukung dihapus.',
} satisfies Record<keyof typeof kbEn, string>;
