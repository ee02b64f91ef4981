/**
 * A small document layer over pdfkit for the office's exports: letterhead with logo, titles,
 * tables that wrap and repeat their header on every page, signature blocks and page numbers.
 * Yields to the event loop every few rows so a large export never stalls the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { OfficeConfig } from '../../config/ppid-config';

export type Progress = (done: number, total: number) => Promise<void> | void;

export interface Column {
  header: string;
  /** share of the usable width */
  width: number;
  align?: 'left' | 'center' | 'right';
}

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
const YIELD_EVERY = 40;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The logo file's bytes, or null when none is configured or it cannot be read (the letterhead goes without). */
export function readLogo(office: OfficeConfig, root = process.cwd()): Buffer | null {
  if (!office.logo) return null;
  try {
    const file = path.isAbsolute(office.logo) ? office.logo : path.join(root, office.logo);
    const bytes = fs.readFileSync(file);
    const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
    return png || jpeg ? bytes : null;
  } catch {
    return null;
  }
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "31 Maret 2026" from a local date YYYY-MM-DD. */
export function tanggalIndonesia(localDate: string): string {
  const [y, m, d] = localDate.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Local (WIB) date of an instant. */
export function localDate(d: Date, utcOffsetMinutes = 420): string {
  return new Date(d.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

export class OfficeDocument {
  readonly pdf: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(
    private readonly office: OfficeConfig,
    private readonly logo: Buffer | null,
    opts: { landscape?: boolean; title: string },
  ) {
    this.pdf = new PDFDocument({
      size: 'A4',
      layout: opts.landscape ? 'landscape' : 'portrait',
      margins: { top: 44, bottom: 50, left: 56, right: 48 },
      bufferPages: true,
      info: { Title: opts.title, Author: office.name, Creator: 'PPID CMS' },
      lang: 'id-ID',
    } as PDFKit.PDFDocumentOptions);
    this.pdf.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.pdf.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.pdf.on('error', reject);
    });
  }

  get width(): number {
    return this.pdf.page.width - this.pdf.page.margins.left - this.pdf.page.margins.right;
  }

  get left(): number {
    return this.pdf.page.margins.left;
  }

  private get bottom(): number {
    return this.pdf.page.height - this.pdf.page.margins.bottom;
  }

  /** Kop surat: logo on the left, government and office centred, address, a double rule. */
  letterhead(): void {
    const { pdf } = this;
    const top = pdf.page.margins.top;
    if (this.logo) pdf.image(this.logo, this.left, top, { fit: [58, 58] });
    const textLeft = this.left + (this.logo ? 66 : 0);
    const textWidth = this.width - (this.logo ? 132 : 0);
    pdf.font(BOLD).fontSize(12).text(this.office.government.toUpperCase(), textLeft, top + 2, { width: textWidth, align: 'center' });
    pdf.font(BOLD).fontSize(14).text(this.office.name.toUpperCase(), textLeft, pdf.y + 1, { width: textWidth, align: 'center' });
    if (this.office.address) pdf.font(FONT).fontSize(9).text(this.office.address, textLeft, pdf.y + 2, { width: textWidth, align: 'center' });
    const y = Math.max(pdf.y, top + 58) + 6;
    pdf.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(2).stroke();
    pdf.moveTo(this.left, y + 3).lineTo(this.left + this.width, y + 3).lineWidth(0.6).stroke();
    pdf.lineWidth(1);
    pdf.x = this.left;
    pdf.y = y + 16;
  }

  title(lines: string[], sub?: string[]): void {
    const { pdf } = this;
    for (const line of lines) pdf.font(BOLD).fontSize(12).text(line, this.left, pdf.y, { width: this.width, align: 'center' });
    for (const line of sub ?? []) pdf.font(FONT).fontSize(10).text(line, this.left, pdf.y + 1, { width: this.width, align: 'center' });
    pdf.moveDown(1);
  }

  heading(text: string): void {
    this.ensureSpace(80); // never a heading alone at the foot of a page
    this.pdf.font(BOLD).fontSize(11).text(text, this.left, this.pdf.y + 6, { width: this.width });
    this.pdf.moveDown(0.3);
  }

  paragraph(text: string, opts: { italic?: boolean; size?: number } = {}): void {
    this.pdf.font(opts.italic ? ITALIC : FONT).fontSize(opts.size ?? 10).text(text, this.left, this.pdf.y, { width: this.width, align: 'justify' });
    this.pdf.moveDown(0.4);
  }

  /** Label/value lines ("Periode : 1 Januari 2026 s.d. 30 Juni 2026"). */
  fields(rows: [string, string][]): void {
    const labelWidth = 130;
    for (const [label, value] of rows) {
      const y = this.pdf.y;
      this.pdf.font(FONT).fontSize(10).text(label, this.left, y, { width: labelWidth });
      this.pdf.text(':', this.left + labelWidth, y, { width: 10 });
      this.pdf.text(value, this.left + labelWidth + 12, y, { width: this.width - labelWidth - 12 });
      this.pdf.y = Math.max(this.pdf.y, y + 13);
    }
    this.pdf.moveDown(0.5);
  }

  ensureSpace(height: number): void {
    if (this.pdf.y + height > this.bottom) {
      this.pdf.addPage();
      this.pdf.y = this.pdf.page.margins.top;
    }
  }

  /** A bordered table; rows wrap, the header repeats after a page break. */
  async table(columns: Column[], rows: string[][], opts: { fontSize?: number; progress?: Progress } = {}): Promise<void> {
    const { pdf } = this;
    const size = opts.fontSize ?? 9;
    const total = columns.reduce((n, c) => n + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 3;
    const heightOf = (cells: string[], font: string) => {
      pdf.font(font).fontSize(size);
      return Math.max(...cells.map((c, i) => pdf.heightOfString(c || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;
    };
    const drawRow = (cells: string[], font: string, fill?: string) => {
      const h = heightOf(cells, font);
      const y = pdf.y;
      let x = this.left;
      for (const [i, cell] of cells.entries()) {
        if (fill) pdf.rect(x, y, widths[i], h).fillAndStroke(fill, '#000');
        else pdf.rect(x, y, widths[i], h).stroke();
        pdf.fillColor('#000').font(font).fontSize(size).text(cell || '', x + pad, y + pad, { width: widths[i] - 2 * pad, align: columns[i].align ?? 'left' });
        x += widths[i];
      }
      pdf.x = this.left;
      pdf.y = y + h;
    };
    const header = columns.map((c) => c.header);
    const numbers = columns.map((_, i) => `(${i + 1})`);
    const drawHeader = () => {
      drawRow(header, BOLD, '#e6e6e6');
    };
    pdf.lineWidth(0.6);
    this.ensureSpace(heightOf(header, BOLD) + 30);
    drawHeader();
    if (columns.length > 4) drawRow(numbers, ITALIC);
    for (const [i, row] of rows.entries()) {
      const h = heightOf(row, FONT);
      if (pdf.y + h > this.bottom) {
        pdf.addPage();
        pdf.y = pdf.page.margins.top;
        drawHeader();
      }
      drawRow(row, FONT);
      if ((i + 1) % YIELD_EVERY === 0) {
        await opts.progress?.(i + 1, rows.length);
        await yieldToEventLoop();
      }
    }
    if (rows.length === 0) drawRow(columns.map((_, i) => (i === 0 ? 'Tidak ada data.' : '')), ITALIC);
    await opts.progress?.(rows.length, rows.length);
    pdf.lineWidth(1);
    pdf.moveDown(0.8);
  }

  /**
   * Signature blocks side by side: each with its place/date line (optional), the capacity, room
   * for the signature, the name line, the NIP line and an optional line below (a receipt date).
   * The blocks stay together on one page and their name lines align.
   */
  signatures(slots: ({ top?: string; role: string[]; name?: string; below?: string } | null)[]): void {
    const { pdf } = this;
    const blocks = slots.filter((b): b is NonNullable<typeof b> => b !== null);
    const roles = Math.max(...blocks.map((b) => b.role.length));
    const below = blocks.some((b) => b.below);
    this.ensureSpace(10 + 13 + roles * 13 + 46 + 28 + (below ? 16 : 0));
    const y0 = pdf.y + 10;
    const w = this.width / slots.length;
    const nameY = y0 + 13 + roles * 13 + 46;
    for (const [i, b] of slots.entries()) {
      if (!b) continue; // an empty slot keeps the others in place (a single block on the right)
      const x = this.left + i * w + 10;
      const bw = w - 20;
      pdf.font(FONT).fontSize(10).text(b.top ?? ' ', x, y0, { width: bw, align: 'center' });
      b.role.forEach((line, n) => pdf.font(BOLD).text(line, x, y0 + 13 + n * 13, { width: bw, align: 'center' }));
      pdf.font(BOLD).text(b.name ?? '(.........................................)', x, nameY, { width: bw, align: 'center', underline: Boolean(b.name) });
      pdf.font(FONT).text('NIP. .................................', x, nameY + 14, { width: bw, align: 'center' });
      if (b.below) pdf.font(FONT).fontSize(9).text(b.below, x, nameY + 30, { width: bw, align: 'center' });
    }
    pdf.x = this.left;
    pdf.y = nameY + (below ? 46 : 30);
  }

  /** Page numbers and the generation note on every page; returns the file. */
  async finish(generatedAt: Date): Promise<Buffer> {
    const { pdf } = this;
    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      pdf.switchToPage(i);
      const bottom = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      const y = pdf.page.height - 36;
      pdf.font(ITALIC).fontSize(7.5).fillColor('#444');
      pdf.text(`Dibuat oleh PPID CMS pada ${tanggalIndonesia(localDate(generatedAt))}`, this.left, y, { width: this.width / 2, lineBreak: false });
      pdf.text(`Halaman ${i - range.start + 1} dari ${range.count}`, this.left + this.width / 2, y, { width: this.width / 2, align: 'right', lineBreak: false });
      pdf.fillColor('#000');
      pdf.page.margins.bottom = bottom;
    }
    pdf.end();
    return this.done;
  }
}
