-- Tier filters above mass walked the AUM order past every richer customer and were the customer
-- list's slowest queries without an index of their own; a partial one holds only the ~19 0x0p+0bove mass.
CREATE INDEX "customer_aum_daily_tier_avg_idx" ON "customer_aum_daily" USING btree ("tier","avg_fen" DESC NULLS LAST,"customer_id") WHERE "customer_aum_daily"."tier" <> 'mass';