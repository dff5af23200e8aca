ALTER TYPE "public"."audit_action" ADD VALUE 'notice_sent';--> statement-breakpoint
CREATE TABLE "notification_cursors" (
	"staff_id" text PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	CONSTRAINT "notification_cursors_seq_positive" CHECK ("notification_cursors"."last_seq" > 0)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"recipient_staff_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "notifications_recipient_staff_id_seq_pk" PRIMARY KEY("recipient_staff_id","seq")
);
--> statement-breakpoint
ALTER TABLE "notification_cursors" ADD CONSTRAINT "notification_cursors_staff_id_staff_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("staff_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_staff_id_staff_staff_id_fk" FOREIGN KEY ("recipient_staff_id") REFERENCES "public"."staff"("staff_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("recipient_staff_id","seq") WHERE "notifications"."read_at" IS NULL;