package com.c360.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The state machine's input, read by the ASL as {@code $.bucket, $.key, $.versionId, $.ingestionDate,
 * $.uploadOrder}.
 */
@JsonPropertyOrder({"bucket", "key", "versionId", "ingestionDate", "uploadOrder"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExecutionInput(String bucket, String key, String versionId, String ingestionDate, String uploadOrder) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings always serialize", e);
        }
    }
}
