package com.c360.glue.silver;

import java.util.Collection;

public final class MissingRequiredColumnException extends BronzeFileRejectedException {
    public MissingRequiredColumnException(String source, Collection<String> missing, Collection<String> found) {
        super("Bronze file " + source + " lacks required column(s) " + missing + "; header has " + found);
    }
}
