import type { Actor } from '../../../shared/modules/identity/domain/identity';
import type { KbArticleCreate } from '../../../shared/modules/kb/schemas/kb.schema';
import { kbRepository } from '../../../shared/modules/kb/db/kb.repository';
import { kbService } from '../../../shared/modules/kb/services/kb.service';

type DemoArticle = Omit<KbArticleCreate, 'visibility' | 'status'> & Partial<Pick<KbArticleCreate, 'visibility' | 'status'>> & { slug: string };

const DELIVERY = { en: 'Delivery', id: 'Pengiriman' };
const ORDERS = { en: 'Orders and invoices', id: 'Pesanan dan tagihan' };
const MENU = { en: 'Menu and food safety', id: 'Menu dan keamanan pangan' };

/** PT. Kaktus Berduri's help centre: each public article in English and in Bahasa Indonesia. */
const ARTICLES: DemoArticle[] = [
  {
    language: 'en',
    slug: 'delivery-times',
    title: 'Delivery times: when your catering arrives',
    category: DELIVERY.en,
    tags: ['delivery', 'schedule', 'lunch'],
    body: `<p>PT. Kaktus Berduri delivers every working day, Monday to Saturday. Lunch arrives between <strong>10:30 and 11:30</strong>, so your team can eat at noon; breakfast arrives by 07:00 and dinner for night shifts by 17:30.</p>
<p>The delivery window of each site is agreed in your contract and printed on every order confirmation.</p>
<ul><li>Jakarta, Bekasi and Cikarang: delivered by our own vans.</li><li>Bandung and Surabaya: delivered from our regional kitchens.</li></ul>
<p>Public holidays follow the government calendar; we tell you a week ahead when a holiday changes your delivery schedule.</p>`,
  },
  {
    language: 'id',
    slug: 'jam-pengiriman',
    title: 'Jam pengiriman: kapan katering Anda tiba',
    category: DELIVERY.id,
    tags: ['pengiriman', 'jadwal', 'makan siang'],
    body: `<p>PT. Kaktus Berduri mengantar setiap hari kerja, Senin sampai Sabtu. Makan siang tiba antara <strong>pukul 10.30 dan 11.30</strong>, sehingga tim Anda bisa makan tepat pukul 12.00; sarapan tiba paling lambat pukul 07.00 dan makan malam untuk sif malam paling lambat pukul 17.30.</p>
<p>Jendela waktu pengiriman untuk setiap lokasi disepakati dalam kontrak Anda dan tercantum di setiap konfirmasi pesanan.</p>
<ul><li>Jakarta, Bekasi, dan Cikarang: diantar dengan armada kami sendiri.</li><li>Bandung dan Surabaya: diantar dari dapur regional kami.</li></ul>
<p>Hari libur nasional mengikuti kalender pemerintah; kami memberi tahu Anda seminggu sebelumnya bila hari libur mengubah jadwal pengiriman.</p>`,
  },
  {
    language: 'en',
    slug: 'late-deliveries',
    title: 'What happens when a delivery is late',
    category: DELIVERY.en,
    tags: ['delivery', 'late', 'compensation'],
    body: `<p>If your meals have not arrived 15 minutes after the agreed window, call our delivery desk at <strong>+62 21 555 0100</strong> or open a ticket in the customer portal. We tell you where the van is and when it will arrive.</p>
<p>When a delivery is more than <strong>30 minutes late</strong>, the meals of that delivery are credited at 25% on your next invoice. If it is more than an hour late, or does not arrive at all, we do not charge for it and send replacement meals from the nearest kitchen.</p>
<p>Delays caused by floods, road closures or other events outside our control are reported to you as soon as we know, with a new arrival time.</p>`,
  },
  {
    language: 'id',
    slug: 'pengiriman-terlambat',
    title: 'Bagaimana jika pengiriman terlambat',
    category: DELIVERY.id,
    tags: ['pengiriman', 'terlambat', 'kompensasi'],
    body: `<p>Jika makanan belum tiba 15 menit setelah jendela waktu yang disepakati, hubungi bagian pengiriman kami di <strong>+62 21 555 0100</strong> atau buat tiket di portal pelanggan. Kami akan memberi tahu posisi kendaraan dan perkiraan waktu tibanya.</p>
<p>Bila pengiriman terlambat lebih dari <strong>30 menit</strong>, makanan dari pengiriman itu mendapat potongan 25% pada tagihan berikutnya. Bila terlambat lebih dari satu jam atau tidak tiba sama sekali, pengiriman itu tidak kami tagihkan dan kami mengirim makanan pengganti dari dapur terdekat.</p>
<p>Keterlambatan karena banjir, penutupan jalan, atau kejadian lain di luar kendali kami segera kami laporkan kepada Anda, beserta perkiraan waktu tiba yang baru.</p>`,
  },
  {
    language: 'en',
    slug: 'understanding-your-invoice',
    title: 'Understanding your invoice',
    category: ORDERS.en,
    tags: ['invoice', 'tax', 'billing'],
    body: `<p>You receive one invoice per order, by e-mail and in the customer portal under <em>Invoices</em>. Each invoice shows the order number, the portions per day, the unit prices agreed in your quote and 11% VAT (PPN).</p>
<p>Payment is due <strong>30 days</strong> after the invoice date. A tax invoice (faktur pajak) is issued for every invoice to a company registered for VAT.</p>
<p>If an amount looks wrong, open a ticket before the due date and quote the invoice number; we answer within one working day and send a corrected invoice when needed.</p>`,
  },
  {
    language: 'id',
    slug: 'memahami-tagihan',
    title: 'Memahami tagihan Anda',
    category: ORDERS.id,
    tags: ['tagihan', 'faktur', 'pajak'],
    body: `<p>Anda menerima satu tagihan (invoice) untuk setiap pesanan, melalui e-mail dan di portal pelanggan pada menu <em>Tagihan</em>. Setiap tagihan mencantumkan nomor pesanan, jumlah porsi per hari, harga satuan sesuai penawaran, dan PPN 11%.</p>
<p>Tagihan jatuh tempo <strong>30 hari</strong> setelah tanggal tagihan. Faktur pajak diterbitkan untuk setiap tagihan kepada perusahaan yang terdaftar sebagai Pengusaha Kena Pajak.</p>
<p>Jika ada jumlah yang tampak keliru, buat tiket sebelum tanggal jatuh tempo dan sebutkan nomor tagihannya; kami menjawab dalam satu hari kerja dan mengirim tagihan koreksi bila diperlukan.</p>`,
  },
  {
    language: 'en',
    slug: 'payment-methods',
    title: 'Payment methods',
    category: ORDERS.en,
    tags: ['payment', 'bank transfer', 'invoice'],
    body: `<p>We accept:</p>
<ul><li><strong>Bank transfer</strong> to our BCA or Mandiri account (the account numbers are printed on every invoice).</li><li><strong>Virtual account</strong>: each invoice has its own number, so your payment is matched automatically.</li><li><strong>QRIS</strong> for small event orders.</li></ul>
<p>Please put the invoice number in the transfer description. Payments are recorded within one working day; the invoice in the portal then shows as paid. We do not accept cash on delivery.</p>`,
  },
  {
    language: 'id',
    slug: 'metode-pembayaran',
    title: 'Metode pembayaran',
    category: ORDERS.id,
    tags: ['pembayaran', 'transfer bank', 'tagihan'],
    body: `<p>Kami menerima:</p>
<ul><li><strong>Transfer bank</strong> ke rekening BCA atau Mandiri kami (nomor rekening tercantum di setiap tagihan).</li><li><strong>Virtual account</strong>: setiap tagihan memiliki nomor sendiri, sehingga pembayaran Anda tercocokkan secara otomatis.</li><li><strong>QRIS</strong> untuk pesanan acara berskala kecil.</li></ul>
<p>Cantumkan nomor tagihan pada berita transfer. Pembayaran dicatat dalam satu hari kerja; setelah itu tagihan di portal berstatus lunas. Kami tidak menerima pembayaran tunai saat pengiriman.</p>`,
  },
  {
    language: 'en',
    slug: 'changing-an-order',
    title: 'Changing or cancelling an order',
    category: ORDERS.en,
    tags: ['order', 'change', 'cancel', 'portions'],
    body: `<p>You can change the number of portions or the menu of a delivery until <strong>14:00 on the working day before</strong>. Open a ticket in the customer portal or call your account manager.</p>
<ul><li>More portions: up to 10% extra the same morning, if you tell us before 08:00.</li><li>Fewer portions: free of charge when changed in time; later changes are charged in full.</li><li>Cancelling a whole day: free with 48 hours' notice.</li></ul>
<p>Changes to the contract itself (new sites, a new price list) go through a new quote from our sales team.</p>`,
  },
  {
    language: 'id',
    slug: 'mengubah-pesanan',
    title: 'Mengubah atau membatalkan pesanan',
    category: ORDERS.id,
    tags: ['pesanan', 'perubahan', 'pembatalan', 'porsi'],
    body: `<p>Jumlah porsi atau menu suatu pengiriman dapat diubah paling lambat <strong>pukul 14.00 pada hari kerja sebelumnya</strong>. Buat tiket di portal pelanggan atau hubungi account manager Anda.</p>
<ul><li>Tambah porsi: hingga 10% pada pagi yang sama, bila Anda mengabari kami sebelum pukul 08.00.</li><li>Kurangi porsi: tanpa biaya bila diubah tepat waktu; perubahan setelah batas waktu ditagih penuh.</li><li>Membatalkan pengiriman satu hari penuh: tanpa biaya bila diberitahukan 48 jam sebelumnya.</li></ul>
<p>Perubahan kontrak (lokasi baru, daftar harga baru) dilakukan melalui penawaran baru dari tim penjualan kami.</p>`,
  },
  {
    language: 'en',
    slug: 'halal-certification',
    title: 'Halal certification',
    category: MENU.en,
    tags: ['halal', 'certificate', 'BPJPH'],
    body: `<p>All our kitchens are <strong>halal certified</strong> by BPJPH (Badan Penyelenggara Jaminan Produk Halal), and every ingredient we buy comes from certified suppliers. We do not use pork, alcohol or ingredients of unclear origin.</p>
<p>You can download the current certificates in the customer portal, or ask your account manager for a copy for your audit. Our halal supervisor checks each kitchen every week.</p>`,
  },
  {
    language: 'id',
    slug: 'sertifikasi-halal',
    title: 'Sertifikasi halal',
    category: MENU.id,
    tags: ['halal', 'sertifikat', 'BPJPH'],
    body: `<p>Semua dapur kami telah <strong>bersertifikat halal</strong> dari BPJPH (Badan Penyelenggara Jaminan Produk Halal), dan seluruh bahan yang kami beli berasal dari pemasok bersertifikat. Kami tidak menggunakan babi, alkohol, atau bahan yang asal-usulnya tidak jelas.</p>
<p>Sertifikat yang berlaku dapat diunduh di portal pelanggan, atau mintalah salinannya kepada account manager Anda untuk keperluan audit. Penyelia halal kami memeriksa setiap dapur setiap minggu.</p>`,
  },
  {
    language: 'en',
    slug: 'weekly-menu-and-allergies',
    title: 'Weekly menu, dietary needs and allergies',
    category: MENU.en,
    tags: ['menu', 'allergy', 'vegetarian', 'diet'],
    body: `<p>The menu for the coming week is published every Thursday in the customer portal. Each day offers a main menu, a vegetarian option and fresh fruit; rice, vegetables and sambal come with every meal.</p>
<p>Tell us about allergies (peanuts, shellfish, gluten, eggs) and special diets (low salt, diabetic) per person: those meals are packed separately and labelled with the person's name.</p>`,
  },
  {
    language: 'id',
    slug: 'menu-mingguan-dan-alergi',
    title: 'Menu mingguan, kebutuhan diet, dan alergi',
    category: MENU.id,
    tags: ['menu', 'alergi', 'vegetarian', 'diet'],
    body: `<p>Menu untuk minggu berikutnya diterbitkan setiap hari Kamis di portal pelanggan. Setiap hari tersedia menu utama, pilihan vegetarian, dan buah segar; nasi, sayur, dan sambal selalu disertakan.</p>
<p>Beri tahu kami tentang alergi (kacang, kerang, gluten, telur) dan diet khusus (rendah garam, diabetes) untuk setiap orang: makanan tersebut dikemas terpisah dan diberi label nama.</p>`,
  },
  {
    language: 'id',
    slug: 'prosedur-keterlambatan-pengiriman',
    title: 'Prosedur internal: menangani keterlambatan pengiriman',
    category: DELIVERY.id,
    tags: ['internal', 'pengiriman', 'eskalasi'],
    visibility: 'internal',
    body: `<p>Untuk staf layanan pelanggan. Saat pelanggan melaporkan pengiriman terlambat:</p>
<ol><li>Cek posisi kendaraan di dasbor armada dan hubungi sopirnya.</li><li>Beri tahu pelanggan perkiraan waktu tiba dalam 10 menit.</li><li>Bila terlambat lebih dari 30 menit, catat potongan 25% pada pesanan tersebut dan beri tahu tim penagihan.</li><li>Bila terlambat lebih dari satu jam, minta dapur terdekat menyiapkan makanan pengganti dan eskalasikan ke kepala operasional.</li></ol>`,
  },
  {
    language: 'en',
    slug: 'ramadan-menu',
    title: 'Ramadan menu and iftar delivery',
    category: MENU.en,
    tags: ['menu', 'ramadan', 'iftar'],
    status: 'draft',
    body: `<p>During Ramadan we deliver iftar boxes by 17:00 and sahur packs for night shifts. The menu and prices follow once the kitchen has tasted them.</p>`,
  },
];

/** The demo's knowledge base author: a service agent (only the policy looks at the actor). */
const AUTHOR: Actor = { userId: 'demo-seed', partyId: '', audiences: ['staff'], roles: ['service'], accountIds: [] };

/**
 * Seed PT. Kaktus Berduri's knowledge base: seven topics in three categories, published in
 * English and Bahasa Indonesia, plus an internal procedure and a draft. Articles whose slug
 * exists already are left alone, so it can run again.
 */
export async function seedKbArticles(): Promise<void> {
  for (const { visibility = 'public', status = 'published', ...article } of ARTICLES) {
    if (await kbRepository.slugOwner(article.language, article.slug)) continue;
    await kbService.create(AUTHOR, { ...article, visibility, status });
  }
}
