package com.c360.glue.silver;

/**
 * A file-level break in a bronze object: the job fails and nothing downstream changes. Subclasses name the failure
 * mode, so the Glue error message (and so the Step Functions cause) says exactly what is wrong.
 */
public abstract class BronzeFileRejectedException extends RuntimeException {
    protected BronzeFileRejectedException(String message) {
        super(message);
    }

    protected BronzeFileRejectedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The same file-level break can surface inside a Spark task; find it again under Spark's wrappers. */
    public static java.util.Optional<BronzeFileRejectedException> findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BronzeFileRejectedException rejected) {
                return java.util.Optional.of(rejected);
            }
        }
        return java.util.Optional.empty();
    }
}
