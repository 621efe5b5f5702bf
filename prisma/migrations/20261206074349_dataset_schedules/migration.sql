-- AlterTable
ALTER TABLE "schedules" ADD COLUMN     "dataset_id" TEXT,
ADD COLUMN     "series_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ALTER COLUMN "series_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "batches" ADD COLUMN     "schedule_id" TEXT;

-- CreateIndex
CREATE INDEX "schedules_dataset_id_idx" ON "schedules"("dataset_id");

-- CreateIndex
CREATE INDEX "batches_schedule_id_created_at_idx" ON "batches"("schedule_id", "created_at");

-- AddForeignKey
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batches" ADD CONSTRAINT "batches_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A schedule retrains one series or one dataset, never both or neither (Prisma cannot say this).
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_one_target" CHECK (num_nonnulls("series_id", "dataset_id") = 1);
