package com.c360.local.aws;

import java.util.ArrayList;
import java.util.List;

/** A stand-in Glue job main class that records the argv of each run instead of starting Spark. */
public final class RecordingGlueJob {
    static final List<String[]> RUNS = new ArrayList<>();

    private RecordingGlueJob() {
    }

    public static void main(String[] args) {
        RUNS.add(args.clone());
    }
}
