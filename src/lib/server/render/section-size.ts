/**
 * How tall a scorecard section is guessed to be before it is laid out (it is skipped until it
 * nears the screen: `content-visibility: auto`). A section whose content is taller than its
 * guess spills over the next ones whenever something lays it out unseen, such as a tool
 * measuring links (axe's target-size check, in Lighthouse), and the links it spills over are
 * counted as covered. So each guess is generous, sized for a phone, where text runs longest:
 * the largest of each section measured at 412 px (Thailand's, in Indonesian) with room to spare.
 * Once a section has been shown, the browser keeps its real height (`auto`).
 */
import type { ScorecardView } from '../views/scorecard';

export type DeferredSection = 'measures' | 'pipeline' | 'commitments' | 'timeline' | 'indicators';

/** Rem per assessed commitment on the page (Thailand's twelve: 734 rem in Indonesian at 412 px). */
const PER_COMMITMENT = 70;

/** The guess, as the inline style that sets it. */
export function sectionSizeStyle(section: DeferredSection, view: Pick<ScorecardView, 'paging' | 'timeline' | 'indicators' | 'pipelines'>): string {
  const rem = {
    measures: 160,
    pipeline: 40 + 65 * view.pipelines.length,
    commitments: 60 + PER_COMMITMENT * (view.paging.from === 0 ? 0 : view.paging.to - view.paging.from + 1),
    timeline: 20 + 6 * view.timeline.length,
    indicators: 20 + 22 * view.indicators.length,
  }[section];
  return `contain-intrinsic-size: auto ${rem}rem`;
}
