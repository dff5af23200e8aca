ALTER TYPE "public"."audit_action" ADD VALUE 'user_created';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'password_changed';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'password_reset';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'user_disabled';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'user_enabled';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_changed_at" timestamp with time zone;