package com.c360.lambda.upsert;

/**
 * What the staging table holds for a run: its rows, and how many distinct customers they are. The two differ only if
 * a customer was staged twice, which the upsert refuses.
 */
public record StagedCount(int rows, int customers) {
}
