package com.c360.local.cli;

/**
 * Text that people may paste or open in a spreadsheet, made inert there (OWASP "CSV Injection"): a cell starting with
 * {@code = + - @}, a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets, so a name such as
 * {@code =HYPERLINK(...)} would run. A leading single quote makes the cell literal text. Only output for people is
 * neutralized; silver, RDS and JSON keep the values as ingested.
 */
final class SpreadsheetText {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetText() {
    }

    /**
     * Also shows control characters as escapes: a line break inside a name would start a new row, whose first cell
     * could be a formula again, and a tab a new cell.
     */
    static String neutralized(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        StringBuilder text = new StringBuilder(value.length() + 1);
        if (FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            text.append('\'');
        }
        value.chars().forEach(c -> {
            switch (c) {
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        text.append(String.format("\\u%04x", c));
                    } else {
                        text.append((char) c);
                    }
                }
            }
        });
        return text.toString();
    }
}
