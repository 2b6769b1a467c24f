package com.c360.local.cli;

import com.c360.local.query.TopSpender;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a top-spenders list as an aligned text table or as a JSON array; both number ranks from 1. The table is for
 * people, who may paste it into a spreadsheet, so its names and e-mails are {@link SpreadsheetText neutralized}; the
 * JSON is for programs and carries them as stored.
 */
public final class TopSpenderFormat {
    static final List<String> COLUMNS = List.of("rank", "customer_id", "full_name", "email", "total_spent_aud",
            "first_purchase_date", "last_purchase_date");
    /** rank, customer_id and total_spent_aud are numbers and line up on the right. */
    private static final List<Boolean> RIGHT_ALIGNED = List.of(true, true, false, false, true, false, false);
    private static final String COLUMN_GAP = "  ";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private TopSpenderFormat() {
    }

    /** Header line plus one line per spender, no trailing blanks, lines ending with '\n'. */
    public static String table(List<TopSpender> spenders) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(COLUMNS);
        for (int i = 0; i < spenders.size(); i++) {
            TopSpender s = spenders.get(i);
            cells.add(List.of(Integer.toString(i + 1), Long.toString(s.customerId()), text(s.fullName()),
                    text(s.email()), amount(s.totalSpentAud()).toPlainString(), s.firstPurchaseDate().toString(),
                    s.lastPurchaseDate().toString()));
        }
        int[] widths = new int[COLUMNS.size()];
        for (List<String> row : cells) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : cells) {
            List<String> padded = new ArrayList<>();
            for (int c = 0; c < widths.length; c++) {
                String format = "%" + (RIGHT_ALIGNED.get(c) ? "" : "-") + widths[c] + "s";
                padded.add(String.format(format, row.get(c)));
            }
            table.append(String.join(COLUMN_GAP, padded).stripTrailing()).append('\n');
        }
        return table.toString();
    }

    /** A pretty-printed JSON array of objects keyed by the column names; amounts are numbers with two decimals. */
    public static String json(List<TopSpender> spenders) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < spenders.size(); i++) {
            TopSpender s = spenders.get(i);
            ObjectNode node = array.addObject();
            node.put("rank", i + 1);
            node.put("customer_id", s.customerId());
            node.put("full_name", s.fullName());
            node.put("email", s.email());
            node.put("total_spent_aud", amount(s.totalSpentAud()));
            node.put("first_purchase_date", s.firstPurchaseDate().toString());
            node.put("last_purchase_date", s.lastPurchaseDate().toString());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static BigDecimal amount(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String text(String value) {
        return value == null ? "" : SpreadsheetText.neutralized(value);
    }
}
