-- The nightly AUM step rebuilds every index of a day (a million rows) each night, so a day keeps only
-- what the customer list needs: the AUM order and the near-threshold band, without the constant
-- as_of_date in the keys. prev_tier/prev_band carry the day before's tier and band, so the tier
-- step finds the day's changes without another pass over the population. Earlier days keep NULL.
DROP INDEX "customer_aum_daily_tier_avg_idx";--> statement-breakpoint
DROP INDEX "customer_aum_daily_org_avg_idx";--> statement-breakpoint
DROP INDEX "customer_aum_daily_avg_idx";--> statement-breakpoint
DROP INDEX "customer_aum_daily_band_avg_idx";--> statement-breakpoint
ALTER TABLE "customer_aum_daily" ADD COLUMN "prev_tier" "tier";--> statement-breakpoint
ALTER TABLE "customer_aum_daily" ADD COLUMN "prev_band" "tier";--> statement-breakpoint
CREATE INDEX "customer_aum_daily_avg_idx" ON "customer_aum_daily" USING btree ("avg_fen" DESC NULLS LAST,"customer_id");--> statement-breakpoint
CREATE INDEX "customer_aum_daily_band_avg_idx" ON "customer_aum_daily" USING btree ("band","avg_fen" DESC NULLS LAST,"customer_id") WHERE "customer_aum_daily"."band" IS NOT NULL;