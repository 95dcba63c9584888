import { rectStyle, toHighlightRects } from './highlight-rects';

const PAGE = { left: 100, top: 50, width: 400, height: 800 };

describe('highlight rects', () => {
  it('takes boxes as fractions of the page, merging the spans of one line', () => {
    const rects = toHighlightRects(
      [
        { left: 140, top: 130, width: 100, height: 16 },
        { left: 240, top: 131, width: 60, height: 15 },
        { left: 140, top: 150, width: 80, height: 16 },
        { left: 300, top: 300, width: 0.5, height: 10 },
      ],
      PAGE,
    );
    expect(rects).toEqual([
      { x: 0.1, y: 0.1, w: 0.4, h: 0.02 },
      { x: 0.1, y: 0.125, w: 0.2, h: 0.02 },
    ]);
  });

  it('keeps areas on the page and gives nothing for a page without size', () => {
    expect(toHighlightRects([{ left: 0, top: 0, width: 1000, height: 20 }], PAGE)).toEqual([
      { x: 0, y: 0, w: 1, h: 0.025 },
    ]);
    expect(toHighlightRects([{ left: 0, top: 0, width: 10, height: 10 }], { ...PAGE, width: 0 })).toEqual([]);
  });

  it('places an area in percent, so it follows the zoom', () => {
    expect(rectStyle({ x: 0.1, y: 0.125, w: 0.2, h: 0.02 })).toEqual({
      left: '10%',
      top: '12.5%',
      width: '20%',
      height: '2%',
    });
  });
});
