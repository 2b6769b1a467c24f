package com.c360.glue.feed;

import com.c360.glue.silver.BronzeFileRejectedException;

/** A dataset rule of the feed's contract failed: the whole file is rejected, as for any file-level break. */
public final class DatasetRuleFailedException extends BronzeFileRejectedException {
    private final DatasetRules.Outcome outcome;

    public DatasetRuleFailedException(DatasetRules.Outcome outcome) {
        super("Dataset rule " + outcome.rule() + " failed: " + outcome.figure() + ", required " + outcome.threshold());
        this.outcome = outcome;
    }

    public DatasetRules.Outcome outcome() {
        return outcome;
    }
}
