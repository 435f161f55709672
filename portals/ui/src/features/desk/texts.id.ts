import type { deskEn } from './texts.en';

/** Bahasa Indonesia; the type makes a missing or unknown key a compile error. */
export const deskId = {
  // Tickets as both portals show them
  'desk.ticketStatus.new': 'Baru',
  'desk.ticketStatus.open': 'Dibuka',
  'desk.ticketStatus.pending': 'Menunggu',
  'desk.ticketStatus.resolved': 'Terselesaikan',
  'desk.ticketStatus.closed': 'Ditutup',

  'desk.ticketPriority.low': 'Rendah',
  'desk.ticketPriority.normal': 'Normal',
  'desk.ticketPriority.high': 'Tinggi',
  'desk.ticketPriority.urgent': 'Mendesak',

  'desk.ticketChannel.portal': 'Portal pelanggan',
  'desk.ticketChannel.email': 'E-mail',
  'desk.ticketChannel.phone': 'Telepon',
  'desk.ticketChannel.web': 'Formulir web',
  'desk.ticketChannel.chat': 'Obrolan',
  'desk.ticketChannel.staff': 'Portal staf',

  'desk.category.delivery': 'Pengiriman',
  'desk.category.menu': 'Menu dan makanan',
  'desk.category.invoice': 'Tagihan dan pembayaran',
  'desk.category.order': 'Pesanan',
  'desk.category.account': 'Akun saya',
  'desk.category.other': 'Lainnya',
  'desk.category.none': 'Tanpa kategori',

  'desk.ticket.subject': 'Judul',
  'desk.ticket.description': 'Uraian',
  'desk.ticket.severity': 'Tingkat keparahan',
  'desk.ticket.channel': 'Saluran',
  'desk.ticket.contact': 'Kontak',
  'desk.ticket.assignee': 'Penanggung jawab',
  'desk.ticket.team': 'Tim',
  'desk.ticket.opened': 'Dibuka pada',
  'desk.ticket.heading': 'Tiket {number}',
  'desk.ticket.request': 'Permintaan Anda',
  'desk.ticket.thread': 'Percakapan',
  'desk.ticket.openedBy': 'Membuka tiket',
  'desk.ticket.internalNote': 'Catatan internal',
  'desk.ticket.author.system': 'Sistem',
  'desk.ticket.customer': 'Pelanggan',
  'desk.ticket.via': 'melalui {channel}',

  'desk.attachments.label': 'Lampirkan berkas',
  'desk.attachments.hint': 'Gambar, PDF, teks, CSV, Word, Excel, atau zip; paling banyak 10 berkas, masing-masing maksimal 10 MB.',
  'desk.attachments.list': 'Berkas yang dilampirkan',
  'desk.attachments.waiting': 'menunggu diunggah',
  'desk.attachments.uploading': 'sedang diunggah',
  'desk.attachments.done': 'terunggah',
  'desk.attachments.failed': 'gagal diunggah',
  'desk.attachments.progress': 'Unggahan {name}',
  'desk.attachments.remove': 'Hapus {name}',
  'desk.attachments.stillUploading': 'Tunggu sampai semua berkas selesai diunggah.',
  'desk.attachments.download': 'Unduh {name} ({size})',
  'desk.attachments.newTicketMessage': 'Berkas untuk permintaan ini.',

  'desk.composer.reply': 'Balasan Anda',
  'desk.composer.send': 'Kirim balasan',
  'desk.composer.sent': 'Balasan Anda telah terkirim.',
  'desk.composer.kind': 'Jenis pesan',
  'desk.composer.toCustomer': 'Balas ke pelanggan',
  'desk.composer.toCustomerHint': 'Pelanggan melihatnya di portal dan menerimanya lewat e-mail.',
  'desk.composer.internalHint': 'Hanya staf yang dapat membacanya. Pelanggan tidak diberi tahu.',
  'desk.composer.addNote': 'Tambahkan catatan internal',
  'desk.composer.noteAdded': 'Catatan internal telah ditambahkan.',
  'desk.composer.canned': 'Sisipkan balasan siap pakai',
  'desk.composer.cannedNone': 'Pilih balasan siap pakai…',

  'desk.error.ticket_closed': 'Tiket ini sudah ditutup. Buat tiket baru jika Anda masih memerlukan bantuan.',
  'desk.error.csat_already_given': 'Tiket ini sudah dinilai.',
  'desk.error.ticket_not_resolved': 'Tiket dapat dinilai setelah diselesaikan.',
  'desk.error.account_required': 'Pilih akun yang dimaksud tiket ini.',
  'desk.error.attachment_too_large': 'Berkas lebih besar dari 10 MB.',
  'desk.error.attachment_type_not_allowed': 'Jenis berkas ini tidak diterima.',
  'desk.error.article_not_published': 'Hanya artikel yang sudah terbit yang dapat diberi masukan.',
  'desk.error.field_not_allowed': 'Formulir ini mengirim isian yang hanya boleh diisi staf. Muat ulang halaman lalu coba lagi.',

  // The staff ticket desk: queues, severity, SLA, assignment
  'desk.severity.none': 'Belum ditentukan',
  'desk.severity.1': '1 — Kritis',
  'desk.severity.2': '2 — Berat',
  'desk.severity.3': '3 — Ringan',
  'desk.severity.4': '4 — Kosmetik',

  'desk.queue': 'Antrean',
  'desk.queue.mine': 'Milik saya',
  'desk.queue.unassigned': 'Belum ditugaskan',
  'desk.queue.breaching': 'Hampir melewati SLA',
  'desk.queue.open': 'Semua yang terbuka',

  'desk.empty.mine': 'Tidak ada tiket terbuka yang ditugaskan kepada Anda.',
  'desk.empty.unassigned': 'Semua tiket terbuka sudah memiliki penanggung jawab.',
  'desk.empty.breaching': 'Tidak ada tiket yang hampir melewati SLA.',
  'desk.empty.open': 'Tidak ada tiket terbuka.',

  'desk.slaDue': 'Tenggat SLA',

  'desk.unassigned': 'Belum ditugaskan',

  'desk.me': 'Saya ({name})',

  'desk.agent': 'Agen {id}',

  'desk.newTitle': 'Tiket baru dari panggilan telepon',

  'desk.create': 'Buat tiket',

  'desk.pickAccount': 'Cari akun pelanggan lalu pilih.',

  'desk.noContact': 'Tanpa kontak',

  'desk.contactsFailed': 'Kontak akun ini tidak dapat dimuat.',

  'desk.editTitle': 'Ubah tiket',

  'desk.noTeam': 'Tanpa tim',

  'desk.close': 'Tutup tiket',

  'desk.closeTitle': 'Tutup tiket {number}',

  'desk.closeText': 'Tutup tiket {number}? Setelah itu tidak ada yang dapat membalasnya, dan tiket tidak dapat dibuka kembali.',

  'desk.resolve': 'Selesaikan',

  'desk.resolved': 'Tiket telah diselesaikan. Pelanggan sudah diberi tahu dan dapat memberi penilaian.',

  'desk.breachedBadge': 'SLA terlewati',

  'desk.overdue': 'lewat tenggat',

  'desk.rating': 'Penilaian pelanggan',

  'desk.ratingValue': '{score} dari 5',

  'desk.sla.title': 'Tingkat layanan',
  'desk.sla.firstResponseDue': 'Tenggat tanggapan pertama',
  'desk.sla.resolutionDue': 'Tenggat penyelesaian',
  'desk.sla.paused': 'Jam dihentikan sementara',
  'desk.sla.pausedText': 'Dihentikan sementara selama kami menunggu pelanggan.',
  'desk.sla.onTrack': 'Sesuai jadwal',
  'desk.sla.state': 'Keadaan',
  'desk.sla.met': 'sudah ditanggapi',

  'desk.error.invalid_status_transition': 'Status tiket tidak dapat diubah ke status tersebut dari status saat ini.',
  'desk.error.visibility_required': 'Pilih apakah ini balasan ke pelanggan atau catatan internal.',
  'desk.error.unknown_assignee': 'Orang tersebut bukan agen layanan yang aktif.',
  'desk.error.unknown_team': 'Tim layanan tersebut tidak ada.',
  'desk.error.unknown_account': 'Akun tersebut tidak ada.',

  // The customer portal’s support pages
  'desk.customer.intro': 'Mintalah bantuan kepada kami dan pantau setiap permintaan sampai tuntas.',
  'desk.customer.empty': 'Anda belum memiliki tiket bantuan.',
  'desk.customer.newIntro': 'Ceritakan apa yang terjadi. Kami menjawab lewat e-mail dan di portal ini.',
  'desk.customer.subjectHint': 'Dalam beberapa kata, misalnya “Kiriman makan siang terlambat”.',
  'desk.customer.descriptionHint': 'Apa yang terjadi, kapan, dan pesanan atau pengiriman mana yang dimaksud.',
  'desk.customer.create': 'Kirim permintaan',
  'desk.customer.uploading': 'Mengunggah berkas…',
  'desk.customer.suggestions': 'Apakah salah satu artikel ini menjawab pertanyaan Anda?',
  'desk.customer.suggestionsHint': 'Artikel dari basis pengetahuan kami ini cocok dengan judul Anda.',
  'desk.customer.closeText': 'Tutup tiket {number}? Setelah itu Anda tidak dapat membalasnya lagi; buat tiket baru jika Anda masih memerlukan bantuan.',
  'desk.customer.closed': 'Tiket telah ditutup.',
  'desk.customer.resolvedNotice': 'Kami menandai tiket ini sebagai terselesaikan. Jika masih ada masalah, balas saja dan kami akan membukanya kembali.',
  'desk.customer.rateTitle': 'Bagaimana layanan kami?',
  'desk.customer.rateLegend': 'Penilaian Anda, dari 1 (sangat tidak puas) sampai 5 (sangat puas)',
  'desk.customer.score.1': '1 — Sangat tidak puas',
  'desk.customer.score.2': '2 — Tidak puas',
  'desk.customer.score.3': '3 — Biasa saja',
  'desk.customer.score.4': '4 — Puas',
  'desk.customer.score.5': '5 — Sangat puas',
  'desk.customer.rateComment': 'Komentar',
  'desk.customer.rateSend': 'Kirim penilaian',
  'desk.customer.ratePick': 'Pilih penilaian dari 1 sampai 5.',
  'desk.customer.rated': 'Penilaian Anda: {score} dari 5',
  'desk.customer.ratedThanks': 'Terima kasih telah menilai layanan kami.',

  // Service metrics (staff)
  'desk.metrics.range': 'Periode',
  'desk.metrics.from': 'Dari',
  'desk.metrics.to': 'Sampai',
  'desk.metrics.rangeHint': 'Tiket yang dibuat dalam periode ini (paling lama satu tahun).',
  'desk.metrics.firstResponse': 'Waktu tanggapan pertama',
  'desk.metrics.resolution': 'Waktu penyelesaian',
  'desk.metrics.compliance': 'Kepatuhan SLA',
  'desk.metrics.csat': 'Kepuasan pelanggan',
  'desk.metrics.average': 'Rata-rata',
  'desk.metrics.median': 'Median',
  'desk.metrics.csatCount': 'dari {n} penilaian',
  'desk.metrics.byAgent': 'Per agen',
  'desk.metrics.byTeam': 'Per tim',
  'desk.metrics.agent': 'Agen',
  'desk.metrics.noData': 'Tidak ada tiket yang dibuat dalam periode ini.',
  'desk.home.title': 'Layanan pelanggan',
  'desk.home.openDesk': 'Buka tiket',
  'desk.metrics.perDay': 'Tiket per hari',
  'desk.metrics.day': 'Hari',
  'desk.metrics.opened': 'Dibuka',
  'desk.metrics.resolved': 'Diselesaikan',
  'desk.metrics.complianceTrend': 'Kepatuhan SLA per hari',
  'desk.metrics.csatTrend': 'Kepuasan (CSAT) per hari',
  'desk.metrics.trendNote': 'Dari tiket yang dibuka hari itu; hari tanpa tiket tidak menampilkan apa pun.',

  'desk.error.invalid_range': 'Pilih tanggal awal yang sama dengan atau sebelum tanggal akhir.',

  'desk.duration.hours': '{h} j {m} mnt',
  'desk.duration.days': '{d} h {h} j',

  'desk.error.range_too_long': 'Pilih periode paling lama satu tahun.',

  // Service settings and the other admin screens (staff)
  'desk.admin.fix': 'Periksa isian berikut:',
  'desk.admin.duplicate': 'Nilai ini sudah ada di daftar.',
  'desk.admin.categoryAdd': 'Tambah kategori',
  'desk.admin.categoryInvalid': 'Isi kategori.',

  'desk.tier.low': 'Rendah',
  'desk.tier.normal': 'Normal',
  'desk.tier.high': 'Tinggi',

  'desk.error.unknown_team_member': 'Ada anggota tim yang bukan (lagi) pengguna staf: periksa anggota tim.',

  // SLA policies (staff)

} satisfies Record<keyof typeof deskEn, string>;
