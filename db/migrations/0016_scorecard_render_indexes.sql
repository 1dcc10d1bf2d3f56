-- A scorecard counts what every current assessment of a party rests on (the evidence grades):
-- hundreds of lookups per render. With the grade in the index they never read the evidence
-- rows themselves (which carry URLs and titles).
CREATE INDEX `evidence_assessment_grade_idx` ON `evidence` (`assessment_id`,`grade`);
