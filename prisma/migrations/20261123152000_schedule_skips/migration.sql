-- AlterTable
ALTER TABLE "schedules" ADD COLUMN     "last_skip_reason" TEXT,
ADD COLUMN     "last_skipped_at" TIMESTAMPTZ(3);
