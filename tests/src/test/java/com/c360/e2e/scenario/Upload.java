package com.c360.e2e.scenario;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One upload of a file to bronze. {@code order} is its place in upload order (strictly increasing, unique per
 * upload): a later delivery of a smaller order is stale and must lose to every larger one. A re-upload of the same
 * file is a new {@code Upload} with the same name and rows and a new order.
 */
public record Upload(long order, LocalDate ingestionDate, String fileName, List<PurchaseRow> rows) {
    private static final String CRLF = "\r\n";

    public Upload {
        if (order < 1) {
            throw new IllegalArgumentException("upload orders start at 1, got " + order);
        }
        rows = List.copyOf(rows);
    }

    /** The file's bytes as text: RFC 4180, CRLF line ends, header first, fields quoted only where needed. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder(String.join(",", PurchaseRow.HEADER)).append(CRLF);
        for (PurchaseRow row : rows) {
            csv.append(row.values().stream().map(Upload::field).collect(Collectors.joining(","))).append(CRLF);
        }
        return csv.toString();
    }

    private static String field(String value) {
        boolean needsQuotes = value.contains(",") || value.contains("\"") || value.contains("\r")
                || value.contains("\n");
        return needsQuotes ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** {@code #order day file (n rows, planted duplicates)}, for failure messages. */
    public String label() {
        long copies = rows.size() - new HashSet<>(rows).size();
        long conflicting = rows.stream().distinct()
                .collect(Collectors.groupingBy(PurchaseRow::purchaseId, Collectors.counting()))
                .values().stream().filter(versions -> versions > 1).count();
        return "#" + order + " " + ingestionDate + " " + fileName + " (" + rows.size() + " rows"
                + (copies > 0 ? ", exact duplicates: " + copies : "")
                + (conflicting > 0 ? ", conflicting ids: " + conflicting : "") + ")";
    }
}
