ALTER TABLE "audit_heads" ADD COLUMN "seal" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_seq" bigint;