package com.c360.cdk;

import software.amazon.awscdk.App;

/** {@code cdk synth|diff|deploy} entry point (see cdk.json). */
public final class C360App {
    private C360App() {
    }

    public static void main(String[] args) {
        App app = new App();
        C360Stacks.build(app, C360Config.fromContext(app.getNode()::tryGetContext), Artifacts.locate());
        app.synth();
    }
}
