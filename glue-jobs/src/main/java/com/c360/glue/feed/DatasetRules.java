package com.c360.glue.feed;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A feed's checks on a whole file, evaluated from its counts after the rows are classified and before anything is
 * committed: a failure fails the run and nothing downstream changes.
 *
 * <p>Hand-written rather than Deequ or Glue Data Quality: Deequ's newest release (2.1.0) is built for Spark 3.5 and
 * Scala 2.12 only, with no Spark 4 build, and DQDL runs only inside Glue, so the local runtime and the tests could
 * not run the same rules. Three comparisons of counts do not need either.
 *
 * @param minRows the file must hold at least this many data rows
 * @param maxQuarantineRatio quarantined rows / rows read may be at most this (a file without rows passes)
 * @param failOnAdditiveColumns extra unknown columns fail the file instead of being accepted and recorded
 */
public record DatasetRules(long minRows, BigDecimal maxQuarantineRatio, boolean failOnAdditiveColumns)
        implements Serializable {
    public static final String MIN_ROWS = "min_rows";
    public static final String MAX_QUARANTINE_RATIO = "max_quarantine_ratio";
    public static final String SCHEMA_DRIFT = "schema_drift";
    /** What a contract without dataset rules gets: every file passes, as before contracts. */
    public static final DatasetRules NONE = new DatasetRules(0, BigDecimal.ONE, false);

    /** A file's counts: {@code rowsRead} = valid + quarantined + collapsed duplicates. */
    public record Counts(long rowsRead, long quarantined) {
    }

    /** One rule's result, for the run report. */
    public record Outcome(String rule, boolean passed, String figure, String threshold) {
    }

    public List<Outcome> evaluate(Counts counts, SchemaDrift drift) {
        BigDecimal ratio = counts.rowsRead() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(counts.quarantined()).divide(BigDecimal.valueOf(counts.rowsRead()), 4,
                        RoundingMode.HALF_UP);
        // Compared exactly (quarantined <= ratio x rows), not through the rounded figure.
        boolean ratioPassed = BigDecimal.valueOf(counts.quarantined())
                .compareTo(maxQuarantineRatio.multiply(BigDecimal.valueOf(counts.rowsRead()))) <= 0;
        return List.of(
                new Outcome(MIN_ROWS, counts.rowsRead() >= minRows, Long.toString(counts.rowsRead()),
                        ">= " + minRows),
                new Outcome(MAX_QUARANTINE_RATIO, ratioPassed,
                        ratio.toPlainString() + " (" + counts.quarantined() + " of " + counts.rowsRead() + ")",
                        "<= " + maxQuarantineRatio.toPlainString()),
                schemaDrift(drift));
    }

    /** @throws DatasetRuleFailedException naming the first failed rule, its figure and threshold */
    public List<Outcome> enforce(Counts counts, SchemaDrift drift) {
        List<Outcome> outcomes = evaluate(counts, drift);
        outcomes.stream().filter(o -> !o.passed()).findFirst().ifPresent(failed -> {
            throw new DatasetRuleFailedException(failed);
        });
        return outcomes;
    }

    Outcome schemaDrift(SchemaDrift drift) {
        return new Outcome(SCHEMA_DRIFT, !(failOnAdditiveColumns && !drift.additive().isEmpty()),
                "extra columns " + drift.additive(),
                failOnAdditiveColumns ? "no extra columns" : "extra columns accepted");
    }
}
