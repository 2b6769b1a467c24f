package com.c360.cdk;

/** A file the app deploys is not there (typically a jar not built yet); synth stops with what to do about it. */
public class MissingArtifactException extends IllegalStateException {
    public MissingArtifactException(String message) {
        super(message);
    }
}
