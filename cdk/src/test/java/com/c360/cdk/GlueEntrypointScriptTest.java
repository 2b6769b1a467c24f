package com.c360.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.tools.nsc.Main;

/** The script every Glue job points at compiles with the Scala Glue 6.0 runs (2.13.17), as Glue compiles it. */
class GlueEntrypointScriptTest {
    @TempDir
    Path classes;

    @Test
    void entrypointScript_compilesWithScala213() throws URISyntaxException {
        String scalaLibrary = Path.of(scala.Predef.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();

        boolean compiled = Main.process(new String[] {
            "-classpath", scalaLibrary, "-d", classes.toString(), "-Werror",
            SynthesizedApp.ARTIFACTS.glueEntrypointScript().toString()});

        assertThat(scala.util.Properties.versionNumberString()).isEqualTo("2.13.17");
        assertThat(compiled).as("scalac reported errors (see the test output)").isTrue();
    }
}
