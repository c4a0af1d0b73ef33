// Small vector charts drawn with pdfkit's own primitives: reports against the expected count per
// 15 minutes, and bars (service mix, credit distribution).

export interface SeriesPoint {
  at: string;
  observed: number;
  expected: number;
}

export function drawSeriesChart(doc: PDFKit.PDFDocument, series: readonly SeriesPoint[], x: number, y: number, w: number, h: number): void {
  doc.save();
  doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#999999').stroke();
  if (series.length < 2) {
    doc.restore();
    return;
  }
  const max = Math.max(1, ...series.map((p) => Math.max(p.observed, p.expected)));
  const px = (i: number) => x + (i / (series.length - 1)) * w;
  const py = (v: number) => y + h - (v / max) * h;
  const line = (pick: (p: SeriesPoint) => number, color: string, dash: boolean) => {
    doc.moveTo(px(0), py(pick(series[0]!)));
    series.forEach((p, i) => doc.lineTo(px(i), py(pick(p))));
    if (dash) doc.dash(3, { space: 2 });
    doc.lineWidth(1.2).strokeColor(color).stroke();
    doc.undash();
  };
  line((p) => p.expected, '#777777', true);
  line((p) => p.observed, '#c0392b', false);
  doc.fontSize(7).fillColor('#333333');
  doc.text(`${Math.round(max).toLocaleString('en-US')} per 15 min`, x + 4, y + 3, { lineBreak: false });
  doc.text(series[0]!.at.slice(0, 16).replace('T', ' ') + 'Z', x, y + h + 3, { lineBreak: false });
  doc.text(series.at(-1)!.at.slice(0, 16).replace('T', ' ') + 'Z', x + w - 70, y + h + 3, { lineBreak: false });
  doc.restore();
}

export interface Bar {
  label: string;
  value: number;
  text: string;
}

/** Horizontal bars, one per line; returns the height used. */
export function drawBars(doc: PDFKit.PDFDocument, bars: readonly Bar[], x: number, y: number, w: number): number {
  const max = Math.max(1e-9, ...bars.map((b) => b.value));
  const labelW = 110;
  const row = 13;
  doc.save().fontSize(8).fillColor('#222222');
  bars.forEach((b, i) => {
    const top = y + i * row;
    doc.fillColor('#222222').text(b.label, x, top + 2, { width: labelW - 6, lineBreak: false });
    const bw = ((w - labelW - 80) * b.value) / max;
    doc.rect(x + labelW, top + 2, Math.max(0.5, bw), row - 4).fill('#2e6da4');
    doc.fillColor('#222222').text(b.text, x + labelW + bw + 4, top + 2, { lineBreak: false });
  });
  doc.restore();
  return bars.length * row;
}
