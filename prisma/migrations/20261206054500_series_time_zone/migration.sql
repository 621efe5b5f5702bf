-- AlterTable
ALTER TABLE "series" ADD COLUMN     "time_zone" TEXT;
