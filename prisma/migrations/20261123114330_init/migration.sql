-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "datasets" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "file_name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "datasets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "series" (
    "id" TEXT NOT NULL,
    "dataset_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "point_count" INTEGER NOT NULL DEFAULT 0,
    "start" TIMESTAMPTZ(3),
    "end" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "points" (
    "series_id" TEXT NOT NULL,
    "t" TIMESTAMPTZ(3) NOT NULL,
    "v" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "points_pkey" PRIMARY KEY ("series_id","t")
);

-- CreateTable
CREATE TABLE "runs" (
    "id" TEXT NOT NULL,
    "series_id" TEXT NOT NULL,
    "schedule_id" TEXT,
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "config" JSONB NOT NULL,
    "backend" TEXT,
    "metrics" JSONB,
    "history" JSONB,
    "summary" JSONB,
    "error" TEXT,
    "model_artifacts" JSONB,
    "weights" BYTEA,
    "duration_ms" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "predictions" (
    "run_id" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "t" TIMESTAMPTZ(3) NOT NULL,
    "segment" TEXT NOT NULL,
    "forecast" DOUBLE PRECISION NOT NULL,
    "actual" DOUBLE PRECISION,
    "lo80" DOUBLE PRECISION,
    "hi80" DOUBLE PRECISION,
    "lo95" DOUBLE PRECISION,
    "hi95" DOUBLE PRECISION,

    CONSTRAINT "predictions_pkey" PRIMARY KEY ("run_id","model","t")
);

-- CreateTable
CREATE TABLE "schedules" (
    "id" TEXT NOT NULL,
    "series_id" TEXT NOT NULL,
    "every" TEXT,
    "cron" TEXT,
    "config" JSONB NOT NULL,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "schedules_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "series_dataset_id_name_key" ON "series"("dataset_id", "name");

-- CreateIndex
CREATE INDEX "runs_series_id_created_at_idx" ON "runs"("series_id", "created_at");

-- CreateIndex
CREATE INDEX "runs_schedule_id_idx" ON "runs"("schedule_id");

-- CreateIndex
CREATE INDEX "schedules_series_id_idx" ON "schedules"("series_id");

-- AddForeignKey
ALTER TABLE "series" ADD CONSTRAINT "series_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "points" ADD CONSTRAINT "points_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE CASCADE;
