package com.c360.lambda.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerResultSerializationTest {

    @Test
    void result_serializesWithTheLambdaRuntimeSerializer() {
        TriggerResult result = new TriggerResult(
                List.of(new TriggerResult.Execution("a-0123", "bucket", "in/a.csv", "2024-05-01")),
                List.of(), List.of("in/readme.txt"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        JacksonFactory.getInstance().getSerializer(TriggerResult.class).toJson(result, out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"started\":[{\"name\":\"a-0123\","
                + "\"bucket\":\"bucket\",\"key\":\"in/a.csv\",\"ingestionDate\":\"2024-05-01\"}],"
                + "\"duplicates\":[],\"skippedKeys\":[\"in/readme.txt\"]}");
    }
}
