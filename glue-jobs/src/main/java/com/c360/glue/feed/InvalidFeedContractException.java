package com.c360.glue.feed;

/**
 * A feed contract file that cannot be used: not YAML, an unknown version, a missing, unknown or ill-typed field, or
 * settings that contradict each other. The message names the file, the field path and its line and column, so the
 * data engineer who wrote the file can fix it without reading Java.
 */
public final class InvalidFeedContractException extends RuntimeException {
    private final String source;
    private final String path;
    private final int line;
    private final int column;

    public InvalidFeedContractException(String source, String path, int line, int column, String problem) {
        this(source, path, line, column, problem, null);
    }

    public InvalidFeedContractException(String source, String path, int line, int column, String problem,
            Throwable cause) {
        super("Feed contract " + source + ": " + (path.isEmpty() ? "document" : path) + " (line " + line
                + ", column " + column + "): " + problem, cause);
        this.source = source;
        this.path = path;
        this.line = line;
        this.column = column;
    }

    public String source() {
        return source;
    }

    /** Dotted, with list indexes: {@code rules.row[1].regex}; empty for the document itself. */
    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
