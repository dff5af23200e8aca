-- The day's tier, band and home outlet on each customer_aum_daily row, so the customer list can
-- filter and sort one day's partition on its own indexes. Existing rows take today's values.
ALTER TABLE "customer_aum_daily" ADD COLUMN "tier" "tier";--> statement-breakpoint
ALTER TABLE "customer_aum_daily" ADD COLUMN "band" "tier";--> statement-breakpoint
ALTER TABLE "customer_aum_daily" ADD COLUMN "home_org_id" text;--> statement-breakpoint
UPDATE "customer_aum_daily" d SET "tier" = c."tier", "band" = c."band", "home_org_id" = c."home_org_id"
FROM "customers" c WHERE c."customer_id" = d."customer_id";--> statement-breakpoint
DELETE FROM "customer_aum_daily" WHERE "home_org_id" IS NULL;--> statement-breakpoint
ALTER TABLE "customer_aum_daily" ALTER COLUMN "tier" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_aum_daily" ALTER COLUMN "home_org_id" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "customer_aum_daily_tier_avg_idx" ON "customer_aum_daily" USING btree ("as_of_date","tier","avg_fen" DESC NULLS LAST,"customer_id");--> statement-breakpoint
CREATE INDEX "customer_aum_daily_org_avg_idx" ON "customer_aum_daily" USING btree ("as_of_date","home_org_id","avg_fen" DESC NULLS LAST,"customer_id");
