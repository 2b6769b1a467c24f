package com.c360.glue.silver;

import java.util.Collection;
import java.util.List;

public final class MissingRequiredColumnException extends BronzeFileRejectedException {
    private static final List<String> OTHER_DELIMITERS = List.of(";", "\t", "|");
    private static final char NUL = '\u0000';

    public MissingRequiredColumnException(String source, Collection<String> missing, Collection<String> found) {
        super("Bronze file " + source + " lacks required column(s) " + missing + "; its header has " + found.size()
                + " column(s) " + found.stream().map(MissingRequiredColumnException::visible).toList() + likelyCause(found));
    }

    /**
     * The two usual causes of a header without the contract's columns show only as one long name or as invisible NULs;
     * saying so saves the operator a hex dump.
     */
    private static String likelyCause(Collection<String> found) {
        if (found.stream().anyMatch(name -> name.indexOf(NUL) >= 0)) {
            return "; the header holds NUL characters: the file looks UTF-16 encoded, expected UTF-8";
        }
        if (found.size() == 1) {
            String only = found.iterator().next();
            return OTHER_DELIMITERS.stream().filter(only::contains).findFirst()
                    .map(d -> "; the file looks delimited by " + (d.equals("\t") ? "tab" : "'" + d + "'")
                            + ", expected ','")
                    .orElse("");
        }
        return "";
    }

    private static String visible(String name) {
        return name.replace(String.valueOf(NUL), "\\0").replace("\t", "\\t");
    }
}
