CREATE TABLE "org_stewardship_daily" (
	"as_of_date" date NOT NULL,
	"org_id" text NOT NULL,
	"eligible" integer NOT NULL,
	"managed" integer NOT NULL,
	"idle" integer NOT NULL,
	"unmanaged" integer NOT NULL,
	"orphaned" integer NOT NULL,
	"wrong_role" integer NOT NULL,
	"release" integer NOT NULL,
	"over_cap_rms" integer NOT NULL,
	CONSTRAINT "org_stewardship_daily_as_of_date_org_id_pk" PRIMARY KEY("as_of_date","org_id")
);
--> statement-breakpoint
ALTER TABLE "org_stewardship_daily" ADD CONSTRAINT "org_stewardship_daily_org_id_org_units_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_units"("org_id") ON DELETE no action ON UPDATE no action;