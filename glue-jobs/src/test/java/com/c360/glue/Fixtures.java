package com.c360.glue;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Named test files under src/test/resources/fixtures. */
public final class Fixtures {
    private Fixtures() {
    }

    public static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name);
        if (in == null) {
            throw new IllegalArgumentException("No fixture " + name);
        }
        return in;
    }

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
