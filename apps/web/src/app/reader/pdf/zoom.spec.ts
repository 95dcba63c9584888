import { clampPage, fitWidth, stepZoom } from './zoom';

describe('PDF viewer zoom and pages', () => {
  it('steps in and out from any zoom, and stops at the ends', () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(1.1, 1)).toBe(1.25);
    expect(stepZoom(1.1, -1)).toBe(1);
    expect(stepZoom(3, 1)).toBe(3);
    expect(stepZoom(0.5, -1)).toBe(0.5);
  });

  it('fits the page to the width available (a phone is narrower than A4)', () => {
    expect(fitWidth(340, 794)).toBeCloseTo(0.428, 2);
    expect(fitWidth(100, 794)).toBe(0.25);
    expect(fitWidth(600, 794)).toBeCloseTo(0.756, 2);
    expect(fitWidth(0, 794)).toBe(1);
  });

  it('keeps page numbers within the document', () => {
    expect(clampPage(0, 5)).toBe(1);
    expect(clampPage(9, 5)).toBe(5);
    expect(clampPage(2.7, 5)).toBe(2);
    expect(clampPage(Number.NaN, 5)).toBe(1);
  });
});
