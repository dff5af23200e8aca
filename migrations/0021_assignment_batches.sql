CREATE TYPE "public"."assignment_batch_kind" AS ENUM('plan', 'transfer');--> statement-breakpoint
CREATE TYPE "public"."assignment_batch_status" AS ENUM('pending', 'applied', 'rejected', 'empty');--> statement-breakpoint
CREATE TYPE "public"."assignment_policy_mode" AS ENUM('approval', 'auto_apply');--> statement-breakpoint
CREATE TYPE "public"."assignment_proposal_status" AS ENUM('pending', 'approved', 'rejected', 'applied', 'stale');--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'assignment_planned';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'assignment_decided';--> statement-breakpoint
CREATE TABLE "assignment_batches" (
	"batch_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"as_of_date" date NOT NULL,
	"kind" "assignment_batch_kind" NOT NULL,
	"from_staff_id" text,
	"status" "assignment_batch_status" NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"settings_version" integer NOT NULL,
	"objective" jsonb NOT NULL,
	"counts" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_policies" (
	"org_id" text PRIMARY KEY NOT NULL,
	"mode" "assignment_policy_mode" NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_proposals" (
	"batch_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"from_staff_id" text,
	"to_staff_id" text NOT NULL,
	"reason" text NOT NULL,
	"locality" text NOT NULL,
	"explanation" jsonb NOT NULL,
	"status" "assignment_proposal_status" DEFAULT 'pending' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"home_path" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	"applied_at" timestamp with time zone,
	CONSTRAINT "assignment_proposals_batch_id_customer_id_pk" PRIMARY KEY("batch_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "assignment_unassigned" (
	"batch_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "assignment_unassigned_batch_id_customer_id_pk" PRIMARY KEY("batch_id","customer_id")
);
--> statement-breakpoint
ALTER TABLE "assignment_batches" ADD CONSTRAINT "assignment_batches_org_id_org_units_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_units"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_batches" ADD CONSTRAINT "assignment_batches_from_staff_id_staff_staff_id_fk" FOREIGN KEY ("from_staff_id") REFERENCES "public"."staff"("staff_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_policies" ADD CONSTRAINT "assignment_policies_org_id_org_units_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_units"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_proposals" ADD CONSTRAINT "assignment_proposals_batch_id_assignment_batches_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."assignment_batches"("batch_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_proposals" ADD CONSTRAINT "assignment_proposals_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_proposals" ADD CONSTRAINT "assignment_proposals_from_staff_id_staff_staff_id_fk" FOREIGN KEY ("from_staff_id") REFERENCES "public"."staff"("staff_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_proposals" ADD CONSTRAINT "assignment_proposals_to_staff_id_staff_staff_id_fk" FOREIGN KEY ("to_staff_id") REFERENCES "public"."staff"("staff_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_unassigned" ADD CONSTRAINT "assignment_unassigned_batch_id_assignment_batches_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."assignment_batches"("batch_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_unassigned" ADD CONSTRAINT "assignment_unassigned_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_batches_org_idx" ON "assignment_batches" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "assignment_proposals_to_idx" ON "assignment_proposals" USING btree ("to_staff_id");--> statement-breakpoint
CREATE INDEX "assignment_proposals_customer_idx" ON "assignment_proposals" USING btree ("customer_id");