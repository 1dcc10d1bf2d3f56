/** A party's scorecard in brief, for embeds and badges: the headline score and its status counts. Pure. */
import type { PartyScores, Score, ScoredAssessment } from './scoring';
import { ASSESSORS, STATUSES, type Assessor, type Status } from './vocabulary';

/** One assessor's headline: the overall score with coverage, and how many commitments stand at each status. */
export interface AssessorSummary {
  assessor: Assessor;
  overall: Score;
  statusCounts: Record<Status, number>;
  /** Applicable commitments this assessor has not assessed at all. */
  notAssessed: number;
}

/**
 * The assessors a scorecard shows, in its order: those with at least one rated commitment, or
 * the independent one alone when nobody has rated anything yet (as the scorecard page does).
 */
export function shownAssessors(scores: PartyScores): Assessor[] {
  const rated = ASSESSORS.filter((a) => scores.byAssessor[a].overall.rated > 0);
  return rated.length > 0 ? rated : ['independent'];
}

/** The summary of each shown assessor; the first is the headline (the badge's score). */
export function summarizeParty<T extends ScoredAssessment>(scores: PartyScores<T>): AssessorSummary[] {
  return shownAssessors(scores).map((assessor) => {
    const statusCounts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    let notAssessed = 0;
    for (const state of scores.commitments) {
      const current = state.byAssessor[assessor];
      if (current) statusCounts[current.status] += 1;
      else notAssessed += 1;
    }
    return { assessor, overall: scores.byAssessor[assessor].overall, statusCounts, notAssessed };
  });
}
