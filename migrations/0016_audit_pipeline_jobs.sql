ALTER TYPE "public"."audit_action" ADD VALUE 'import_started';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'batch_started';