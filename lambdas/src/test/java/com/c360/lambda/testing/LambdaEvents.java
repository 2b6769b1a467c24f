package com.c360.lambda.testing;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads event fixtures with the Lambda Java runtime's own serializers, so tests see what the handler sees on AWS. */
public final class LambdaEvents {
    private LambdaEvents() {
    }

    public static <T> T load(String resource, Class<T> eventType) {
        PojoSerializer<T> serializer =
                LambdaEventSerializers.serializerFor(eventType, LambdaEvents.class.getClassLoader());
        try (InputStream json = LambdaEvents.class.getClassLoader().getResourceAsStream(resource)) {
            if (json == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return serializer.fromJson(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
