-- Bump data_versions.customers whenever customers, relationships or org_units change (one bump per
-- statement, not per row), so cached population counts know when to refresh.
INSERT INTO data_versions (name, version) VALUES ('customers', 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_customers_version() RETURNS trigger AS $$
BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = 'customers';
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER customers_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION bump_customers_version();
--> statement-breakpoint
CREATE TRIGGER relationships_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON relationships
  FOR EACH STATEMENT EXECUTE FUNCTION bump_customers_version();
--> statement-breakpoint
CREATE TRIGGER org_units_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_units
  FOR EACH STATEMENT EXECUTE FUNCTION bump_customers_version();
