-- The audit log is append-only in the database itself: any UPDATE or DELETE is refused.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
-- Published assessments are history: they are never changed (but for superseding metadata) nor deleted.
CREATE TRIGGER `assessments_published_immutable` BEFORE UPDATE ON `assessments`
WHEN OLD.state = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published assessment cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `assessments_no_delete` BEFORE DELETE ON `assessments`
BEGIN
  SELECT RAISE(ABORT, 'assessments are never deleted');
END;
