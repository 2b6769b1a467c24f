package com.c360.cdk;

/** A CDK context value the app cannot deploy with; synth stops before any stack is built. */
public class InvalidContextException extends IllegalArgumentException {
    public InvalidContextException(String key, String expectation, Object actual) {
        super("CDK context '" + key + "' must be " + expectation + ", got '" + actual + "'");
    }
}
