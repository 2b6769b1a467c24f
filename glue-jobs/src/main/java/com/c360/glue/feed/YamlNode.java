package com.c360.glue.feed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML document as a tree whose every node keeps its path and its line and column. Jackson's own tree drops the
 * locations once parsed, and a contract error must say where it is.
 */
final class YamlNode {
    private enum Kind { MAP, LIST, SCALAR }

    private static final YAMLFactory YAML = YAMLFactory.builder()
            // "NO" (Norway), "on", "yes" stay the strings they look like; only true/false are booleans.
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build();

    private final String source;
    private final String path;
    private final JsonLocation location;
    private final Kind kind;
    private final JsonToken token;
    private final String text;
    private final Map<String, YamlNode> fields;
    private final List<YamlNode> items;

    private YamlNode(String source, String path, JsonLocation location, Kind kind, JsonToken token, String text,
            Map<String, YamlNode> fields, List<YamlNode> items) {
        this.source = source;
        this.path = path;
        this.location = location;
        this.kind = kind;
        this.token = token;
        this.text = text;
        this.fields = fields;
        this.items = items;
    }

    static YamlNode parse(InputStream in, String source) {
        try (JsonParser parser = YAML.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidFeedContractException(source, "", 1, 1, "the file is empty");
            }
            YamlNode root = read(parser, source, "");
            if (parser.nextToken() != null) {
                throw error(source, "", parser.currentTokenLocation(), "holds more than one YAML document");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw error(source, "", e.getLocation(), "is not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read feed contract " + source, e);
        }
    }

    private static YamlNode read(JsonParser parser, String source, String path) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String childPath = path.isEmpty() ? name : path + "." + name;
                JsonLocation keyAt = parser.currentTokenLocation();
                parser.nextToken();
                YamlNode child = read(parser, source, childPath);
                if (fields.putIfAbsent(name, child) != null) {
                    throw error(source, childPath, keyAt, "is given more than once");
                }
            }
            return new YamlNode(source, path, at, Kind.MAP, token, null, fields, List.of());
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser, source, path + "[" + items.size() + "]"));
            }
            return new YamlNode(source, path, at, Kind.LIST, token, null, Map.of(), items);
        }
        String text = token == JsonToken.VALUE_NULL ? null : parser.getText();
        return new YamlNode(source, path, at, Kind.SCALAR, token, text, Map.of(), List.of());
    }

    private static InvalidFeedContractException error(String source, String path, JsonLocation at, String problem) {
        return error(source, path, at, problem, null);
    }

    private static InvalidFeedContractException error(String source, String path, JsonLocation at, String problem,
            Throwable cause) {
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        return new InvalidFeedContractException(source, path, line, column, problem, cause);
    }

    InvalidFeedContractException error(String problem) {
        return error(source, path, location, problem);
    }

    String path() {
        return path;
    }

    /** This map's fields, after checking that it is a map naming no field outside {@code allowed}. */
    YamlNode expectMap(String... allowed) {
        if (kind != Kind.MAP) {
            throw error("must be a mapping of " + String.join(", ", allowed));
        }
        List<String> known = Arrays.asList(allowed);
        for (Map.Entry<String, YamlNode> field : fields.entrySet()) {
            if (!known.contains(field.getKey())) {
                throw field.getValue().error("is not a known field here; expected one of " + known);
            }
        }
        return this;
    }

    boolean isMap() {
        return kind == Kind.MAP;
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    YamlNode required(String name) {
        YamlNode child = fields.get(name);
        if (child == null) {
            throw error(source, path.isEmpty() ? name : path + "." + name, location, "is required but missing");
        }
        return child;
    }

    Optional<YamlNode> optional(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    List<YamlNode> list() {
        if (kind != Kind.LIST) {
            throw error("must be a list");
        }
        return items;
    }

    List<String> stringList() {
        List<String> values = list().stream().map(YamlNode::string).toList();
        if (values.isEmpty()) {
            throw error("must not be empty");
        }
        return values;
    }

    /** Any non-empty scalar, as written: YAML's numbers and booleans are text to a contract's values. */
    String string() {
        if (kind != Kind.SCALAR || text == null || text.isBlank()) {
            throw error("must be a non-empty text value");
        }
        return text;
    }

    int integer() {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw error("must be a whole number, found " + describe());
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error("is out of range: " + text);
        }
    }

    BigDecimal decimal() {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error("must be a number, found " + describe());
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw error("must be a decimal number, found " + text);
        }
    }

    boolean bool() {
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw error("must be true or false, found " + describe());
        }
        return token == JsonToken.VALUE_TRUE;
    }

    /** One of the enum's constants, written in lower case. */
    <E extends Enum<E>> E choice(Class<E> type) {
        String value = string();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return constant;
            }
        }
        throw error("must be one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", found '" + value + "'");
    }

    private String describe() {
        return switch (kind) {
            case MAP -> "a mapping";
            case LIST -> "a list";
            case SCALAR -> text == null ? "nothing" : "'" + text + "'";
        };
    }
}
