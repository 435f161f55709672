import type { KbKey } from './kb-en';

/** Bahasa Indonesia texts of the knowledge base as customers and visitors read it. */
export const kbId: Record<KbKey, string> = {
  'kb.intro': 'Jawaban atas pertanyaan yang paling sering diajukan pelanggan kami. Cari, atau telusuri per kategori.',
  'kb.search': 'Cari di basis pengetahuan',
  'kb.searchHint': 'Misalnya: jam pengiriman, halal, tagihan.',
  'kb.results': 'Artikel yang cocok dengan “{q}”',
  'kb.noResults': 'Tidak ada artikel yang cocok dengan “{q}”. Coba kata lain, atau hubungi tim bantuan kami.',
  'kb.categories': 'Kategori',
  'kb.empty': 'Belum ada artikel yang diterbitkan dalam bahasa ini.',
  'kb.articleCount': '{n} artikel',
  'kb.articleCountOne': '1 artikel',
  'kb.updated': 'Diperbarui pada {date}',
  'kb.notInLanguage': 'Artikel ini tidak tersedia dalam Bahasa Indonesia. Telusuri basis pengetahuan untuk artikel berbahasa Indonesia.',
  'kb.helpful': 'Apakah artikel ini membantu?',
  'kb.yes': 'Ya',
  'kb.no': 'Tidak',
  'kb.thanks': 'Terima kasih atas masukan Anda.',
  'kb.thanksNo': 'Terima kasih. Kami akan memperbaiki artikel ini.',
  'kb.needHelp': 'Masih butuh bantuan?',
  'kb.openTicket': 'Buat tiket bantuan',
  'kb.opensNewTab': '(terbuka di tab baru)',

  'kbStatus.draft': 'Draf',
  'kbStatus.published': 'Terbit',
  'kbStatus.archived': 'Diarsipkan',
  'kbVisibility.public': 'Publik',
  'kbVisibility.internal': 'Internal (khusus staf)',
};
