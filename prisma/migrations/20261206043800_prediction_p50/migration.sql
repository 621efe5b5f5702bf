-- The median forecast (P50) beside the interval bounds, for the predictions download (P10 and
-- P90 are the 80% bounds). Older rows keep null.

-- AlterTable
ALTER TABLE "predictions" ADD COLUMN     "p50" DOUBLE PRECISION;
