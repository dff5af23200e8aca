CREATE TYPE "public"."asset_class" AS ENUM('cash', 'fixed_income', 'equity', 'alternative', 'protection');--> statement-breakpoint
CREATE TYPE "public"."audit_action" AS ENUM('login', 'login_failed', 'logout', 'pii_reveal', 'export', 'reassignment', 'settings_change', 'seed');--> statement-breakpoint
CREATE TYPE "public"."complaint_severity" AS ENUM('normal', 'urgent', 'major');--> statement-breakpoint
CREATE TYPE "public"."contact_channel" AS ENUM('phone', 'visit', 'wechat', 'sms', 'video', 'event');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('m', 'f');--> statement-breakpoint
CREATE TYPE "public"."org_level" AS ENUM('head_office', 'branch', 'sub_branch', 'outlet');--> statement-breakpoint
CREATE TYPE "public"."product_category" AS ENUM('demand_deposit', 'time_deposit', 'wealth', 'fund', 'insurance', 'gold', 'bond', 'trust');--> statement-breakpoint
CREATE TYPE "public"."risk_level" AS ENUM('C1', 'C2', 'C3', 'C4', 'C5');--> statement-breakpoint
CREATE TYPE "public"."risk_rating" AS ENUM('R1', 'R2', 'R3', 'R4', 'R5');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('rm', 'wealth_rm', 'private_advisor', 'lobby_manager', 'outlet_head', 'sub_branch_manager', 'branch_manager', 'head_office', 'admin');--> statement-breakpoint
CREATE TYPE "public"."staff_status" AS ENUM('active', 'left');--> statement-breakpoint
CREATE TYPE "public"."tier" AS ENUM('mass', 'premium', 'affluent', 'wealth', 'private');--> statement-breakpoint
CREATE TYPE "public"."txn_channel" AS ENUM('counter', 'atm', 'mobile', 'online', 'other');--> statement-breakpoint
CREATE TYPE "public"."txn_direction" AS ENUM('in', 'out');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" "audit_action" NOT NULL,
	"actor_user_id" integer,
	"actor_staff_id" text,
	"entity_type" text,
	"entity_id" text,
	"reason" text,
	"before" jsonb,
	"after" jsonb,
	"rule_version" integer,
	"run_id" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"complaint_id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"severity" "complaint_severity" NOT NULL,
	"category" text NOT NULL,
	"summary" text,
	"owner_staff_id" text
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"contact_id" text PRIMARY KEY NOT NULL,
	"staff_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"channel" "contact_channel" NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_seconds" integer,
	"connected" boolean,
	"outcome" text,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "contacts_duration_nonneg" CHECK ("contacts"."duration_seconds" IS NULL OR "contacts"."duration_seconds" >= 0)
);
--> statement-breakpoint
CREATE TABLE "customer_aum_monthly" (
	"customer_id" text NOT NULL,
	"month" date NOT NULL,
	"avg_aum_fen" bigint NOT NULL,
	"end_aum_fen" bigint NOT NULL,
	CONSTRAINT "customer_aum_monthly_customer_id_month_pk" PRIMARY KEY("customer_id","month"),
	CONSTRAINT "aum_monthly_nonneg" CHECK ("customer_aum_monthly"."avg_aum_fen" >= 0 AND "customer_aum_monthly"."end_aum_fen" >= 0),
	CONSTRAINT "aum_monthly_first_day" CHECK (extract(day from "customer_aum_monthly"."month") = 1)
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"id_number" text,
	"phone" text,
	"birth_date" date,
	"gender" "gender",
	"home_org_id" text NOT NULL,
	"open_date" date,
	"risk_level" "risk_level",
	"risk_assessed_on" date,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"tier" "tier" DEFAULT 'mass' NOT NULL,
	"band" "tier",
	"aum_fen" bigint DEFAULT 0 NOT NULL,
	"month_avg_aum_fen" bigint DEFAULT 0 NOT NULL,
	"aum_as_of" date,
	"tier_since" date,
	CONSTRAINT "customers_aum_nonneg" CHECK ("customers"."aum_fen" >= 0 AND "customers"."month_avg_aum_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "holdings" (
	"as_of_date" date NOT NULL,
	"customer_id" text NOT NULL,
	"account_id" text NOT NULL,
	"product_id" text NOT NULL,
	"balance_fen" bigint NOT NULL,
	"maturity_date" date,
	CONSTRAINT "holdings_as_of_date_customer_id_account_id_product_id_pk" PRIMARY KEY("as_of_date","customer_id","account_id","product_id"),
	CONSTRAINT "holdings_balance_nonneg" CHECK ("holdings"."balance_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"org_id" text PRIMARY KEY NOT NULL,
	"parent_id" text,
	"level" "org_level" NOT NULL,
	"name" text NOT NULL,
	"path" text NOT NULL,
	"depth" integer NOT NULL,
	CONSTRAINT "org_units_root_is_head_office" CHECK (("org_units"."parent_id" IS NULL) = ("org_units"."level" = 'head_office'))
);
--> statement-breakpoint
CREATE TABLE "products" (
	"product_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category" "product_category" NOT NULL,
	"asset_class" "asset_class" NOT NULL,
	"risk_rating" "risk_rating" NOT NULL,
	"min_purchase_fen" bigint,
	"term_days" integer,
	"is_key" boolean DEFAULT false NOT NULL,
	CONSTRAINT "products_min_purchase_nonneg" CHECK ("products"."min_purchase_fen" IS NULL OR "products"."min_purchase_fen" >= 0),
	CONSTRAINT "products_term_positive" CHECK ("products"."term_days" IS NULL OR "products"."term_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "relationships" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "relationships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"customer_id" text NOT NULL,
	"staff_id" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"end_reason" text,
	CONSTRAINT "relationships_dates" CHECK ("relationships"."ended_on" IS NULL OR "relationships"."ended_on" >= "relationships"."started_on")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"version" integer PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_user_id" integer,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"staff_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"role" "staff_role" NOT NULL,
	"status" "staff_status" DEFAULT 'active' NOT NULL,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "tier_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tier_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"customer_id" text NOT NULL,
	"changed_on" date NOT NULL,
	"from_tier" "tier",
	"to_tier" "tier" NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"txn_id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"txn_time" timestamp with time zone NOT NULL,
	"direction" "txn_direction" NOT NULL,
	"amount_fen" bigint NOT NULL,
	"channel" "txn_channel",
	"product_id" text,
	CONSTRAINT "transactions_amount_positive" CHECK ("transactions"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"user_id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_user_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"staff_id" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_staff_id_unique" UNIQUE("staff_id")
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_owner_staff_id_staff_staff_id_fk" FOREIGN KEY ("owner_staff_id") REFERENCES "public"."staff"("staff_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_staff_id_staff_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("staff_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_aum_monthly" ADD CONSTRAINT "customer_aum_monthly_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_home_org_id_org_units_org_id_fk" FOREIGN KEY ("home_org_id") REFERENCES "public"."org_units"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holdings" ADD CONSTRAINT "holdings_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holdings" ADD CONSTRAINT "holdings_product_id_products_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("product_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_parent_id_org_units_org_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."org_units"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_staff_id_staff_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("staff_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_created_by_user_id_users_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_org_id_org_units_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_units"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_history" ADD CONSTRAINT "tier_history_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_product_id_products_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("product_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_staff_id_staff_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("staff_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "complaints_customer_idx" ON "complaints" USING btree ("customer_id","received_at");--> statement-breakpoint
CREATE INDEX "contacts_customer_idx" ON "contacts" USING btree ("customer_id","started_at");--> statement-breakpoint
CREATE INDEX "contacts_staff_idx" ON "contacts" USING btree ("staff_id","started_at");--> statement-breakpoint
CREATE INDEX "customers_avg_idx" ON "customers" USING btree ("month_avg_aum_fen" DESC NULLS LAST,"customer_id");--> statement-breakpoint
CREATE INDEX "customers_home_org_avg_idx" ON "customers" USING btree ("home_org_id","month_avg_aum_fen" DESC NULLS LAST,"customer_id");--> statement-breakpoint
CREATE INDEX "customers_tier_avg_idx" ON "customers" USING btree ("tier","month_avg_aum_fen" DESC NULLS LAST,"customer_id");--> statement-breakpoint
CREATE INDEX "customers_id_prefix_idx" ON "customers" USING btree ("customer_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_name_prefix_idx" ON "customers" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "holdings_customer_idx" ON "holdings" USING btree ("customer_id","as_of_date");--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_units_path_idx" ON "org_units" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "relationships_one_primary_idx" ON "relationships" USING btree ("customer_id") WHERE "relationships"."ended_on" IS NULL;--> statement-breakpoint
CREATE INDEX "relationships_staff_open_idx" ON "relationships" USING btree ("staff_id","customer_id") WHERE "relationships"."ended_on" IS NULL;--> statement-breakpoint
CREATE INDEX "relationships_customer_idx" ON "relationships" USING btree ("customer_id","started_on");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "staff_org_idx" ON "staff" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "staff_role_idx" ON "staff" USING btree ("role");--> statement-breakpoint
CREATE INDEX "tier_history_customer_idx" ON "tier_history" USING btree ("customer_id","changed_on");--> statement-breakpoint
CREATE INDEX "transactions_customer_idx" ON "transactions" USING btree ("customer_id","txn_time");