package com.c360.local.aws;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.c360.local.LocalLake;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ObjectCreated notification S3 would send for an upload, as JSON, handed to the trigger through the Lambda Java
 * runtime's own deserializer, so the handler sees exactly what it sees on AWS (URL-encoded key included).
 */
public final class S3Events {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** S3's eventTime format, always with milliseconds (1970-01-01T00:00:00.000Z). */
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final PojoSerializer<S3Event> RUNTIME_SERIALIZER =
            LambdaEventSerializers.serializerFor(S3Event.class, S3Events.class.getClassLoader());

    private S3Events() {
    }

    public static S3Event objectCreated(LocalLake.StoredObject object) {
        return RUNTIME_SERIALIZER.fromJson(new ByteArrayInputStream(
                objectCreatedJson(object).getBytes(StandardCharsets.UTF_8)));
    }

    /** The event as S3 sends it: what a Lambda runtime of its own (a benchmark's cold start) is handed. */
    public static String objectCreatedJson(LocalLake.StoredObject object) {
        ObjectNode record = JSON.createObjectNode()
                .put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", "local")
                .put("eventTime", EVENT_TIME.format(object.eventTime()))
                .put("eventName", "ObjectCreated:Put");
        ObjectNode s3 = record.putObject("s3")
                .put("s3SchemaVersion", "1.0")
                .put("configurationId", "c360-bronze-csv");
        s3.putObject("bucket")
                .put("name", object.bucket())
                .put("arn", "arn:aws:s3:::" + object.bucket());
        s3.putObject("object")
                .put("key", encodeKey(object.key()))
                .put("size", object.size())
                .put("eTag", object.eTag())
                .put("versionId", object.versionId())
                .put("sequencer", object.sequencer());
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").add(record);
        return event.toString();
    }

    /** S3 form-encodes keys in notifications (a space becomes '+'), leaving the '/' between segments. */
    static String encodeKey(String key) {
        return Arrays.stream(key.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
    }
}
