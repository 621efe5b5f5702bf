-- Points refer to their series by a 4-byte number instead of the text id: a million-row COPY
-- into the (series, t) primary key spends a third less time in the index. Existing points keep
-- their series (the key is filled in before the text id goes).

-- DropForeignKey
ALTER TABLE "points" DROP CONSTRAINT "points_series_id_fkey";

-- AlterTable (SERIAL numbers the existing series)
ALTER TABLE "series" ADD COLUMN     "key" SERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "series_key_key" ON "series"("key");

-- AlterTable
ALTER TABLE "points" ADD COLUMN     "series_key" INTEGER;
UPDATE "points" p SET "series_key" = s."key" FROM "series" s WHERE s."id" = p."series_id";
ALTER TABLE "points" DROP CONSTRAINT "points_pkey",
DROP COLUMN "series_id",
ALTER COLUMN "series_key" SET NOT NULL,
ADD CONSTRAINT "points_pkey" PRIMARY KEY ("series_key", "t");

-- AddForeignKey
ALTER TABLE "points" ADD CONSTRAINT "points_series_key_fkey" FOREIGN KEY ("series_key") REFERENCES "series"("key") ON DELETE CASCADE ON UPDATE CASCADE;
