package com.c360.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.c360.local.LocalLake;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class S3EventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant EVENT_TIME = Instant.parse("2024-05-01T23:59:58.123Z");

    private static LocalLake.StoredObject object(String key) {
        return object(key, EVENT_TIME);
    }

    private static LocalLake.StoredObject object(String key, Instant eventTime) {
        return new LocalLake.StoredObject("c360-local-bronze", key, 1234L, "0cc175b9c0f1b6a831c399e269772661",
                "3HL4kqtJlcpXroDTDmJ-rmSpXd3dIbrH", "0055AED6DCD90281E5", eventTime);
    }

    private static S3EventNotificationRecord onlyRecord(S3Event event) {
        assertThat(event.getRecords()).hasSize(1);
        return event.getRecords().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "incoming/purchases.csv",
        "incoming/my purchases.csv",
        "incoming/a+b.csv",
        "incoming/100% real.csv",
        "incoming/a=b&c.csv",
        "year=2024/month=05/day=01/purchases.csv",
        "incoming/café 東京 😀.csv",
        "deep/er/still//purchases.csv",
        "incoming/already%20encoded+%2B.csv",
        "incoming/~tilde*star'quote(paren).csv"})
    void objectCreated_keyWithSpecialCharacters_decodesToTheUploadedKey(String key) {
        S3Event event = S3Events.objectCreated(object(key));

        assertThat(onlyRecord(event).getS3().getObject().getUrlDecodedKey()).isEqualTo(key);
    }

    @Test
    void objectCreatedJson_formEncodesEachKeySegment_likeS3Notifications() throws Exception {
        String json = S3Events.objectCreatedJson(
                object("year=2024/month=05/day=01/my file+v2 é.csv"));

        // S3 documents 'red flower.jpg' arriving as 'red+flower.jpg'; '/' between folders stays as it is.
        assertThat(JSON.readTree(json).at("/Records/0/s3/object/key").asText())
                .isEqualTo("year%3D2024/month%3D05/day%3D01/my+file%2Bv2+%C3%A9.csv");
    }

    @Test
    void objectCreated_carriesBucketVersionEtagSequencerSizeAndEventName() {
        S3EventNotificationRecord record = onlyRecord(S3Events.objectCreated(object("incoming/p.csv")));
        S3ObjectEntity stored = record.getS3().getObject();

        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.getEventSource()).isEqualTo("aws:s3");
        assertThat(record.getS3().getBucket().getName()).isEqualTo("c360-local-bronze");
        assertThat(record.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::c360-local-bronze");
        assertThat(stored.getVersionId()).isEqualTo("3HL4kqtJlcpXroDTDmJ-rmSpXd3dIbrH");
        assertThat(stored.geteTag()).isEqualTo("0cc175b9c0f1b6a831c399e269772661");
        assertThat(stored.getSequencer()).isEqualTo("0055AED6DCD90281E5");
        assertThat(stored.getSizeAsLong()).isEqualTo(1234L);
    }

    @Test
    void objectCreated_eventTimeSurvivesToTheMillisecond() {
        S3EventNotificationRecord record = onlyRecord(S3Events.objectCreated(object("incoming/p.csv")));

        assertThat(record.getEventTime().getMillis()).isEqualTo(1_714_607_998_123L);
    }

    @ParameterizedTest
    @CsvSource({
        "2024-05-01T23:59:59.999999Z, 2024-05-01T23:59:59.999Z",
        "2024-05-01T10:00:00Z,        2024-05-01T10:00:00.000Z"})
    void objectCreatedJson_writesEventTimeWithExactlyMillisecondsLikeS3(Instant eventTime, String expected)
            throws Exception {
        JsonNode json = JSON.readTree(S3Events.objectCreatedJson(object("incoming/p.csv", eventTime)));

        // S3 documents the format as 1970-01-01T00:00:00.000Z; Instant.toString would give 0, 3, 6 or 9 digits.
        assertThat(json.at("/Records/0/eventTime").asText()).isEqualTo(expected);
    }
}
