/** The height a scorecard section is guessed to be before it is laid out. */
import { describe, expect, it } from 'vitest';
import { sectionSizeStyle } from '../../src/lib/server/render/section-size';

const view = (shown: number, timeline: number, indicators: number, pipelines: number) =>
  ({ paging: { page: 1, pages: 1, from: shown ? 1 : 0, to: shown, total: shown }, timeline: Array(timeline), indicators: Array(indicators), pipelines: Array(pipelines) }) as unknown as Parameters<typeof sectionSizeStyle>[1];

describe('sectionSizeStyle', () => {
  it('grows with what the section holds', () => {
    expect(sectionSizeStyle('commitments', view(12, 0, 0, 0))).toBe('contain-intrinsic-size: auto 900rem');
    expect(sectionSizeStyle('commitments', view(0, 0, 0, 0))).toBe('contain-intrinsic-size: auto 60rem');
    expect(sectionSizeStyle('timeline', view(0, 25, 0, 0))).toBe('contain-intrinsic-size: auto 170rem');
    expect(sectionSizeStyle('indicators', view(0, 0, 10, 0))).toBe('contain-intrinsic-size: auto 240rem');
    expect(sectionSizeStyle('pipeline', view(0, 0, 0, 2))).toBe('contain-intrinsic-size: auto 170rem');
  });

  it("stays above the tallest seeded section measured on a phone (Thailand's, in Indonesian, at 390 px)", () => {
    const rem = (style: string) => Number(/auto (\d+)rem/.exec(style)![1]);
    const tha = view(12, 25, 10, 2);
    const measured = { measures: 128, pipeline: 128, commitments: 786, timeline: 147, indicators: 193 } as const;
    for (const [section, height] of Object.entries(measured)) expect(rem(sectionSizeStyle(section as keyof typeof measured, tha)), section).toBeGreaterThan(height);
  });
});
