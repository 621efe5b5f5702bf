-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "name" VARCHAR(100);
