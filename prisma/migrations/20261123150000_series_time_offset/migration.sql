-- AlterTable
ALTER TABLE "series" ADD COLUMN     "time_offset" TEXT;
