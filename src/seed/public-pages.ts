import type { Core } from '@strapi/strapi';

/** Demo content of the two public pages (single types), in Indonesian and English, published. */
export const DEMO_PROFIL = {
  shared: { alamat: 'Jl. Jenderal Sudirman No. 51, Padang, Sumatera Barat 25121', telepon: '(0751) 123456', email: 'ppid@ppid.test' },
  id: {
    judul: 'Profil PPID',
    ringkasan:
      'Pejabat Pengelola Informasi dan Dokumentasi (PPID) bertanggung jawab menyimpan, mendokumentasikan, menyediakan, dan memberikan pelayanan informasi publik di lingkungan dinas, sesuai Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik.',
    tugasFungsi:
      'Menyediakan dan melayani permohonan informasi publik secara cepat, tepat waktu, biaya ringan, dan cara sederhana.\nMenyusun dan memutakhirkan Daftar Informasi Publik paling sedikit setiap enam bulan.\nMelakukan uji konsekuensi atas informasi yang dikecualikan.\nMenyusun laporan layanan informasi publik tahunan.',
    visi: 'Terwujudnya pelayanan informasi publik yang transparan, akuntabel, dan mudah diakses oleh setiap orang.',
    misi:
      'Menyediakan informasi publik yang akurat, benar, dan tidak menyesatkan.\nMemberikan pelayanan informasi yang cepat dan sederhana.\nMembangun budaya keterbukaan informasi di lingkungan dinas.',
    dasarHukum:
      'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik\nPeraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan UU 14/2008\nPeraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik',
    jamLayanan: 'Senin–Kamis 07.30–16.00 WIB, Jumat 07.30–16.30 WIB',
  },
  en: {
    judul: 'About the PPID',
    ringkasan:
      'The Public Information and Documentation Office (PPID) keeps, documents, provides and serves the public information of the agency, under Law Number 14 of 2008 on Public Information Disclosure.',
    tugasFungsi:
      'Provide public information and serve requests quickly, on time, at low cost and simply.\nCompile and update the Public Information List at least every six months.\nCarry out the consequence test for exempt information.\nPrepare the annual public information service report.',
    visi: 'Transparent, accountable public information services that everyone can reach.',
    misi:
      'Provide accurate, correct and not misleading public information.\nServe information requests quickly and simply.\nBuild a culture of openness within the agency.',
    dasarHukum:
      'Law Number 14 of 2008 on Public Information Disclosure\nGovernment Regulation Number 61 of 2010 implementing Law 14/2008\nInformation Commission Regulation Number 1 of 2021 on Public Information Service Standards',
    jamLayanan: 'Monday–Thursday 07:30–16:00 WIB, Friday 07:30–16:30 WIB',
  },
};

export const DEMO_MAKLUMAT = {
  shared: { penandatangan: 'Dr. Rina Marlina, M.Si.' },
  id: {
    judul: 'Maklumat Pelayanan Informasi Publik',
    pernyataan:
      'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan informasi publik sesuai standar pelayanan yang telah ditetapkan, dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.',
    janjiLayanan:
      'Melayani setiap pemohon informasi tanpa membedakan latar belakang.\nMemberikan nomor registrasi pada saat permohonan diterima.\nMenyampaikan alasan tertulis bila informasi dikecualikan.',
    standarWaktu:
      'Pemberitahuan tertulis paling lambat 10 hari kerja sejak permohonan diterima.\nPerpanjangan paling lama 7 hari kerja, satu kali, dengan alasan tertulis.\nTanggapan atas keberatan paling lambat 30 hari kerja.',
    biaya: 'Tidak dipungut biaya; penggandaan dokumen tercetak dibebankan sesuai biaya nyata.',
    pengaduan: 'Pengaduan dapat disampaikan langsung di meja layanan PPID, melalui telepon, atau email PPID.',
    jabatanPenandatangan: 'Kepala Dinas selaku Atasan PPID',
  },
  en: {
    judul: 'Public Information Service Charter',
    pernyataan:
      'We hereby declare that we will provide public information services according to the service standards set, and should we fail to keep this promise, we are ready to accept sanctions under the applicable laws and regulations.',
    janjiLayanan:
      'Serve every applicant without distinction of background.\nGive a registration number when a request is received.\nGive written reasons when information is exempt.',
    standarWaktu:
      'Written notice within 10 working days of receiving the request.\nOne extension of at most 7 working days, with written reasons.\nAnswer to an objection within 30 working days.',
    biaya: 'Free of charge; printed copies are charged at actual cost.',
    pengaduan: 'Complaints can be made at the PPID service desk, by telephone, or by e-mail.',
    jabatanPenandatangan: 'Head of Agency, superior of the PPID',
  },
};

/**
 * Creates and publishes each page in both locales when it does not exist yet (idempotent).
 * Returns how many pages were created.
 */
export async function seedPublicPages(strapi: Core.Strapi): Promise<number> {
  let created = 0;
  for (const [uid, page] of [
    ['api::profil-ppid.profil-ppid', DEMO_PROFIL],
    ['api::maklumat-pelayanan.maklumat-pelayanan', DEMO_MAKLUMAT],
  ] as const) {
    const docs = strapi.documents(uid as any) as any;
    if (await docs.findFirst({ locale: 'id' })) continue;
    const doc = await docs.create({ locale: 'id', data: { ...page.shared, ...page.id } });
    await docs.update({ documentId: doc.documentId, locale: 'en', data: { ...page.shared, ...page.en } });
    await docs.publish({ documentId: doc.documentId, locale: '*' });
    created += 1;
  }
  return created;
}
