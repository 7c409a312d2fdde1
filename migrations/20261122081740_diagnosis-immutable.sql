-- A submitted assessment is an immutable snapshot (seed 000 VI: the answers
-- a diagnosis and a gate decision rest on must not change afterwards); gate
-- evaluations and stage decisions are append-only records. The services
-- refuse such changes with a clear 409 first; these triggers stop any other
-- path. Deleting stays possible, so an organisation's data can be removed as a whole.
CREATE OR REPLACE FUNCTION assessments_refuse_change_after_submit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'submitted' THEN
    RAISE EXCEPTION 'assessment % is submitted and cannot change', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER assessments_immutable_after_submit
  BEFORE UPDATE ON assessments
  FOR EACH ROW EXECUTE FUNCTION assessments_refuse_change_after_submit();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION assessment_answers_refuse_change_after_submit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM assessments a WHERE a.id = NEW.assessment_id AND a.status = 'submitted')
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM assessments a WHERE a.id = OLD.assessment_id AND a.status = 'submitted')) THEN
    RAISE EXCEPTION 'assessment % is submitted: its answers cannot change', NEW.assessment_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER assessment_answers_immutable_after_submit
  BEFORE INSERT OR UPDATE ON assessment_answers
  FOR EACH ROW EXECUTE FUNCTION assessment_answers_refuse_change_after_submit();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gate_records_refuse_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (UPDATE refused)', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER gate_evaluations_append_only
  BEFORE UPDATE ON gate_evaluations
  FOR EACH ROW EXECUTE FUNCTION gate_records_refuse_update();
--> statement-breakpoint
CREATE TRIGGER stage_decisions_append_only
  BEFORE UPDATE ON stage_decisions
  FOR EACH ROW EXECUTE FUNCTION gate_records_refuse_update();
