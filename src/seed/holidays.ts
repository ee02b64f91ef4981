import Holidays from 'date-holidays';

export interface HolidaySeed {
  tanggal: string;
  nama: string;
  jenis: 'libur_nasional' | 'cuti_bersama' | 'libur_daerah';
}

/**
 * Indonesian public holidays for the given years from `date-holidays` (country ID). Lunar-calendar
 * dates there are estimates and cuti bersama are set yearly by SKB 3 Menteri, which is why the
 * result is stored as editable `hari-libur` entries rather than computed at run time.
 */
export function indonesianHolidays(years: number[]): HolidaySeed[] {
  const calendar = new Holidays('ID', { languages: ['id'] });
  const byDate = new Map<string, HolidaySeed>();
  for (const year of years) {
    for (const holiday of calendar.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      const tanggal = holiday.date.slice(0, 10);
      if (!byDate.has(tanggal)) byDate.set(tanggal, { tanggal, nama: holiday.name, jenis: 'libur_nasional' });
    }
  }
  return [...byDate.values()].sort((a, b) => a.tanggal.localeCompare(b.tanggal));
}
