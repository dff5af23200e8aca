CREATE TYPE "public"."stewardship_state" AS ENUM('managed', 'unmanaged', 'orphaned', 'wrong_role', 'idle', 'release');--> statement-breakpoint
CREATE TABLE "customer_stewardship" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"as_of_date" date NOT NULL,
	"state" "stewardship_state" NOT NULL,
	"tier" "tier" NOT NULL,
	"staff_id" text,
	"since" date,
	"last_valid_contact_on" date
);
--> statement-breakpoint
ALTER TABLE "customer_stewardship" ADD CONSTRAINT "customer_stewardship_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_stewardship" ADD CONSTRAINT "customer_stewardship_staff_id_staff_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("staff_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_stewardship_state_idx" ON "customer_stewardship" USING btree ("state");--> statement-breakpoint
CREATE INDEX "customer_stewardship_staff_idx" ON "customer_stewardship" USING btree ("staff_id");