package com.c360.glue.rds;

/** Staging one day's gold into RDS failed; the run's previous staging, if any, is left as it was. */
public class GoldStagingException extends RuntimeException {
    public GoldStagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
