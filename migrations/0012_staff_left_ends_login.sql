-- A staff member whose status becomes `left` (staff.csv, or any other change) loses their login
-- and every session at once, whoever made the change, and it is audited.
CREATE OR REPLACE FUNCTION staff_left_ends_login() RETURNS trigger AS $$
BEGIN
  UPDATE users SET disabled = true WHERE staff_id = NEW.staff_id AND NOT disabled;
  IF FOUND THEN
    DELETE FROM sessions WHERE user_id IN (SELECT user_id FROM users WHERE staff_id = NEW.staff_id);
    INSERT INTO audit_log (action, entity_type, entity_id, reason, before, after)
    SELECT 'user_disabled', 'user', u.username, 'staff ' || NEW.staff_id || ' left',
           jsonb_build_object('status', OLD.status), jsonb_build_object('status', NEW.status)
    FROM users u WHERE u.staff_id = NEW.staff_id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER staff_left_ends_login AFTER UPDATE OF status ON staff
  FOR EACH ROW WHEN (NEW.status = 'left' AND OLD.status IS DISTINCT FROM 'left')
  EXECUTE FUNCTION staff_left_ends_login();
