ALTER TYPE "public"."audit_action" ADD VALUE 'login_refused';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'pii_reveal_refused';--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;