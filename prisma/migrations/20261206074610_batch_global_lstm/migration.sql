-- AlterTable
ALTER TABLE "batches" ADD COLUMN     "global_error" TEXT,
ADD COLUMN     "global_info" JSONB,
ADD COLUMN     "global_progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "global_status" "RunStatus",
ADD COLUMN     "per_series_lstm" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "batch_global_forecasts" (
    "batch_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "forecasts" JSONB NOT NULL,

    CONSTRAINT "batch_global_forecasts_pkey" PRIMARY KEY ("batch_id","run_id")
);

-- CreateIndex
CREATE INDEX "batch_global_forecasts_run_id_idx" ON "batch_global_forecasts"("run_id");

-- AddForeignKey
ALTER TABLE "batch_global_forecasts" ADD CONSTRAINT "batch_global_forecasts_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_global_forecasts" ADD CONSTRAINT "batch_global_forecasts_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
