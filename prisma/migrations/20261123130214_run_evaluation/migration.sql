-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "evaluation" JSONB,
ADD COLUMN     "progress_detail" JSONB;
