package com.c360.local.aws;

import com.c360.local.asl.TaskContext;
import com.c360.local.asl.TaskHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** {@code sns:publish} locally: the alert is kept as a file (a mailbox) and shown on the console. */
public final class LocalSnsTopic implements TaskHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path mailbox;
    private final PrintStream console;

    public LocalSnsTopic(Path mailbox, PrintStream console) {
        this.mailbox = mailbox;
        this.console = console;
    }

    @Override
    public JsonNode invoke(String resource, JsonNode parameters, TaskContext context) {
        String messageId = UUID.randomUUID().toString();
        try {
            Files.createDirectories(mailbox);
            Files.writeString(mailbox.resolve(context.executionName() + "-" + messageId + ".json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(parameters));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store alert in " + mailbox, e);
        }
        console.println("  alert published to " + parameters.path("TopicArn").asText() + ": "
                + parameters.path("Subject").asText());
        return JSON.createObjectNode().put("MessageId", messageId);
    }
}
