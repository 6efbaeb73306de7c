-- The stage 7 gate reads when the final report (аналитическая справка) of a program was produced.
ALTER TABLE "MentoringProgram" ADD COLUMN "finalReportAt" TIMESTAMP(3);
