-- Daily pipeline (issue 3): import bookkeeping, batch runs, per-day AUM with 积数, per-outlet tier
-- counts, and day-partitioned holdings / customer_aum_daily so a day can be loaded into a fresh
-- table and swapped in whole (atomic, re-runnable, and as fast as a plain COPY + one index build).
-- Hand-edited from drizzle-kit's output: drizzle-kit does not express PARTITION BY.
CREATE TYPE "public"."import_kind" AS ENUM('org', 'staff', 'products', 'customers', 'relationships', 'holdings', 'transactions', 'contacts', 'complaints');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('loaded', 'unchanged', 'failed');--> statement-breakpoint
CREATE TYPE "public"."run_status" AS ENUM('running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "batch_runs" (
	"run_id" text PRIMARY KEY NOT NULL,
	"business_date" date NOT NULL,
	"status" "run_status" NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"settings_version" integer,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text
);
--> statement-breakpoint
CREATE TABLE "customer_aum_daily" (
	"as_of_date" date NOT NULL,
	"customer_id" text NOT NULL,
	"aum_fen" bigint NOT NULL,
	"accum_fen" bigint NOT NULL,
	"days" integer NOT NULL,
	"avg_fen" bigint NOT NULL,
	CONSTRAINT "customer_aum_daily_as_of_date_customer_id_pk" PRIMARY KEY("as_of_date","customer_id"),
	CONSTRAINT "customer_aum_daily_nonneg" CHECK ("aum_fen" >= 0 AND "accum_fen" >= 0 AND "avg_fen" >= 0),
	CONSTRAINT "customer_aum_daily_days" CHECK ("days" BETWEEN 1 AND 31)
) PARTITION BY LIST ("as_of_date");
--> statement-breakpoint
CREATE INDEX "customer_aum_daily_avg_idx" ON "customer_aum_daily" USING btree ("as_of_date","avg_fen" DESC NULLS LAST,"customer_id");--> statement-breakpoint
CREATE TABLE "import_files" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" text NOT NULL,
	"file_name" text NOT NULL,
	"kind" "import_kind" NOT NULL,
	"business_date" date,
	"checksum" text NOT NULL,
	"encoding" text NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_loaded" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer DEFAULT 0 NOT NULL,
	"status" "import_status" NOT NULL,
	"report_path" text,
	"rejects_path" text,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_tier_daily" (
	"as_of_date" date NOT NULL,
	"org_id" text NOT NULL,
	"tier" "tier" NOT NULL,
	"customers" integer NOT NULL,
	"aum_fen" bigint NOT NULL,
	"near_threshold" integer NOT NULL,
	"upgrades" integer NOT NULL,
	"downgrades" integer NOT NULL,
	CONSTRAINT "org_tier_daily_as_of_date_org_id_tier_pk" PRIMARY KEY("as_of_date","org_id","tier")
);
--> statement-breakpoint
CREATE TABLE "system_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_tier_daily" ADD CONSTRAINT "org_tier_daily_org_id_org_units_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_units"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "batch_runs_date_idx" ON "batch_runs" USING btree ("business_date","started_at");--> statement-breakpoint
CREATE INDEX "import_files_kind_idx" ON "import_files" USING btree ("kind","business_date");--> statement-breakpoint
CREATE INDEX "import_files_run_idx" ON "import_files" USING btree ("run_id");--> statement-breakpoint
-- Carry the AUM that lived on customers into the day partitions (accum = avg × days: the exact
-- daily history before this migration is not known).
DO $$
DECLARE d date;
BEGIN
  FOR d IN SELECT DISTINCT aum_as_of FROM customers WHERE aum_as_of IS NOT NULL LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF customer_aum_daily FOR VALUES IN (%L)', 'customer_aum_daily_p' || to_char(d, 'YYYYMMDD'), d);
  END LOOP;
END $$;
--> statement-breakpoint
INSERT INTO customer_aum_daily (as_of_date, customer_id, aum_fen, accum_fen, days, avg_fen)
SELECT aum_as_of, customer_id, aum_fen, month_avg_aum_fen * extract(day FROM aum_as_of)::int, extract(day FROM aum_as_of)::int, month_avg_aum_fen
FROM customers WHERE aum_as_of IS NOT NULL;
--> statement-breakpoint
INSERT INTO system_state (key, value) SELECT 'aum_as_of', max(aum_as_of)::text FROM customers HAVING max(aum_as_of) IS NOT NULL;
--> statement-breakpoint
DROP INDEX "customers_avg_idx";--> statement-breakpoint
DROP INDEX "customers_home_org_avg_idx";--> statement-breakpoint
DROP INDEX "customers_tier_avg_idx";--> statement-breakpoint
ALTER TABLE "customers" DROP CONSTRAINT "customers_aum_nonneg";--> statement-breakpoint
ALTER TABLE "customers" DROP COLUMN "aum_fen";--> statement-breakpoint
ALTER TABLE "customers" DROP COLUMN "month_avg_aum_fen";--> statement-breakpoint
ALTER TABLE "customers" DROP COLUMN "aum_as_of";--> statement-breakpoint
CREATE INDEX "customers_home_org_idx" ON "customers" USING btree ("home_org_id");--> statement-breakpoint
CREATE INDEX "customers_tier_idx" ON "customers" USING btree ("tier","band");--> statement-breakpoint
-- Holdings become day-partitioned; existing rows move into their day's partition.
ALTER TABLE "holdings" RENAME TO "holdings_before_partitioning";--> statement-breakpoint
ALTER INDEX "holdings_customer_idx" RENAME TO "holdings_before_partitioning_customer_idx";--> statement-breakpoint
ALTER TABLE "holdings_before_partitioning" RENAME CONSTRAINT "holdings_balance_nonneg" TO "holdings_before_partitioning_balance_nonneg";--> statement-breakpoint
CREATE TABLE "holdings" (
	"as_of_date" date NOT NULL,
	"customer_id" text NOT NULL,
	"account_id" text NOT NULL,
	"product_id" text NOT NULL,
	"balance_fen" bigint NOT NULL,
	"maturity_date" date,
	CONSTRAINT "holdings_balance_nonneg" CHECK ("balance_fen" >= 0)
) PARTITION BY LIST ("as_of_date");
--> statement-breakpoint
CREATE INDEX "holdings_customer_idx" ON "holdings" USING btree ("customer_id");--> statement-breakpoint
DO $$
DECLARE d date;
BEGIN
  FOR d IN SELECT DISTINCT as_of_date FROM holdings_before_partitioning LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF holdings FOR VALUES IN (%L)', 'holdings_p' || to_char(d, 'YYYYMMDD'), d);
  END LOOP;
END $$;
--> statement-breakpoint
INSERT INTO holdings SELECT as_of_date, customer_id, account_id, product_id, balance_fen, maturity_date FROM holdings_before_partitioning;--> statement-breakpoint
DROP TABLE "holdings_before_partitioning";
