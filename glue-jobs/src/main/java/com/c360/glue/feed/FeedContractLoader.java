package com.c360.glue.feed;

import com.c360.contract.FeedLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads and checks a feed contract file ({@code feeds/<feed>.yaml}, format described in {@code feeds/README.md}).
 * Every problem is an {@link InvalidFeedContractException} naming the field path and its line and column; a contract
 * that loads can map any file, so nothing about the contract itself can fail later, row by row.
 */
public final class FeedContractLoader {
    private static final Pattern RULE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final String ABSENT = "absent";

    private enum NumberFormat { INTEGER, FLOAT_TEXT }

    private enum KeyId { NUMERIC, DERIVED }

    private enum Check { NOT_NULL, RANGE, ALLOWED_VALUES, PATTERN, UNIQUE }

    private enum AdditiveColumns { ACCEPT, FAIL }

    private FeedContractLoader() {
    }

    public static FeedContract load(Path file) {
        String name = file.getFileName().toString();
        String feed = name.endsWith(FeedLayout.CONTRACT_SUFFIX)
                ? name.substring(0, name.length() - FeedLayout.CONTRACT_SUFFIX.length()) : null;
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString(), feed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read feed contract " + file, e);
        }
    }

    /**
     * @param expectedFeed the feed the file is for (its file name), which its {@code feed} field must name; null to
     *     accept any
     */
    public static FeedContract load(InputStream in, String source, String expectedFeed) {
        YamlNode root = YamlNode.parse(in, source);
        if (!root.isMap()) {
            throw root.error("must be a mapping with version, feed, header, mapping, policies and rules");
        }
        YamlNode versionNode = root.required("version");
        int version = versionNode.integer();
        if (version != FeedContract.VERSION) {
            throw versionNode.error("version " + version + " is not supported; this build reads version "
                    + FeedContract.VERSION);
        }
        root.expectMap("version", "feed", "description", "header", "mapping", "policies", "rules");
        root.optional("description").ifPresent(YamlNode::string);
        YamlNode feedNode = root.required("feed");
        String feed = feedNode.string();
        if (!FeedLayout.isValidFeedName(feed)) {
            throw feedNode.error("'" + feed + "' is not a feed name (" + FeedLayout.FEED_NAME.pattern() + ")");
        }
        if (expectedFeed != null && !expectedFeed.equals(feed)) {
            throw feedNode.error("names feed '" + feed + "', but the file is the contract of '" + expectedFeed + "'");
        }

        boolean caseSensitive = false;
        List<String> optionalColumns = List.of();
        YamlNode optionalNode = null;
        if (root.has("header")) {
            YamlNode header = root.required("header").expectMap("case_sensitive", "optional_columns");
            caseSensitive = header.optional("case_sensitive").map(YamlNode::bool).orElse(false);
            optionalNode = header.optional("optional_columns").orElse(null);
            optionalColumns = optionalNode == null ? List.of() : optionalNode.stringList();
        }
        FeedContract.Mapping mapping = mapping(root.required("mapping"));
        FeedContract.Policies policies = root.has("policies") ? policies(root.required("policies"))
                : new FeedContract.Policies(null, FeedContract.Returns.QUARANTINE, FeedContract.ZeroPrice.ACCEPT, null);
        List<RowRule> rowRules = List.of();
        DatasetRules datasetRules = DatasetRules.NONE;
        if (root.has("rules")) {
            YamlNode rules = root.required("rules").expectMap("row", "dataset");
            if (rules.has("row")) {
                rowRules = rowRules(rules.required("row"));
            }
            if (rules.has("dataset")) {
                datasetRules = datasetRules(rules.required("dataset"));
            }
        }
        FeedContract contract = new FeedContract(feed, version, caseSensitive, List.copyOf(optionalColumns), mapping,
                policies, rowRules, datasetRules);
        if (optionalNode != null) {
            checkOptionalColumns(contract, optionalNode);
        }
        return contract;
    }

    private static void checkOptionalColumns(FeedContract contract, YamlNode optionalNode) {
        Set<String> required = contract.requiredColumns().stream().map(contract::headerKey)
                .collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        for (YamlNode item : optionalNode.list()) {
            String key = contract.headerKey(item.string());
            if (required.contains(key)) {
                throw item.error("'" + item.string() + "' is read by the mapping, a policy or a rule, so it is "
                        + "required and cannot be optional");
            }
            if (!seen.add(key)) {
                throw item.error("'" + item.string() + "' is listed twice");
            }
        }
    }

    private static FeedContract.Mapping mapping(YamlNode node) {
        List<String> fields = new ArrayList<>();
        for (CanonicalField field : CanonicalField.values()) {
            fields.add(field.column());
        }
        node.expectMap(fields.toArray(String[]::new));
        for (CanonicalField field : CanonicalField.values()) {
            if (!field.mayBeAbsent() && isAbsent(node.required(field.column()))) {
                throw node.required(field.column()).error("cannot be absent: every purchase needs a "
                        + field.column() + "; only first_name, last_name and email may be");
            }
        }
        return new FeedContract.Mapping(customerId(node.required("customer_id")), optionalColumn(node, "first_name"),
                optionalColumn(node, "last_name"), optionalColumn(node, "email"),
                purchaseKey(node.required("purchase_id")), purchaseDate(node.required("purchase_date")),
                amount(node.required("amount")), currency(node.required("currency")));
    }

    /** A field that may be {@code absent}: null then. */
    private static String optionalColumn(YamlNode mapping, String field) {
        YamlNode source = mapping.required(field);
        return isAbsent(source) ? null : source.expectMap("column").required("column").string();
    }

    private static boolean isAbsent(YamlNode node) {
        return !node.isMap() && ABSENT.equals(node.string());
    }

    private static FeedContract.CustomerId customerId(YamlNode node) {
        node.expectMap("column", "number_format");
        NumberFormat format = node.optional("number_format").map(n -> n.choice(NumberFormat.class))
                .orElse(NumberFormat.INTEGER);
        return new FeedContract.CustomerId(node.required("column").string(), format == NumberFormat.FLOAT_TEXT);
    }

    private static FeedContract.PurchaseKey purchaseKey(YamlNode node) {
        node.expectMap("columns", "id");
        YamlNode columnsNode = node.required("columns");
        List<String> columns = columnsNode.stringList();
        KeyId id = node.optional("id").map(n -> n.choice(KeyId.class)).orElse(KeyId.NUMERIC);
        if (id == KeyId.NUMERIC && columns.size() != 1) {
            throw columnsNode.error("a numeric id is one column; a key of " + columns.size()
                    + " columns needs id: derived");
        }
        if (columns.stream().distinct().count() != columns.size()) {
            throw columnsNode.error("names a column twice");
        }
        return new FeedContract.PurchaseKey(List.copyOf(columns), id == KeyId.DERIVED);
    }

    private static FeedContract.PurchaseDate purchaseDate(YamlNode node) {
        node.expectMap("column", "format", "time_zone");
        String column = node.required("column").string();
        ZoneId zone = null;
        if (node.has("time_zone")) {
            YamlNode zoneNode = node.required("time_zone");
            try {
                zone = ZoneId.of(zoneNode.string());
            } catch (DateTimeException e) {
                throw zoneNode.error("'" + zoneNode.string() + "' is not a time zone (e.g. Europe/London, UTC)");
            }
        }
        if (!node.has("format")) {
            if (zone != null) {
                throw node.required("time_zone").error("applies only with a format: ISO values carry their offset");
            }
            return new FeedContract.PurchaseDate(column, null, null);
        }
        YamlNode formatNode = node.required("format");
        String format = formatNode.string();
        try {
            DatePattern.formatter(format);
        } catch (IllegalArgumentException e) {
            throw formatNode.error("'" + format + "' is not a date-time pattern: " + e.getMessage());
        }
        boolean timeOfDay = DatePattern.hasTimeOfDay(format);
        boolean ownZone = DatePattern.hasOffset(format);
        if (!DatePattern.hasDayMonthYear(format)) {
            throw formatNode.error("'" + format + "' must hold a day (d), a month (M) and a year (y)");
        }
        if (timeOfDay && !ownZone && zone == null) {
            throw node.required("format").error("has a time of day but no offset, so the feed needs a time_zone");
        }
        if ((!timeOfDay || ownZone) && zone != null) {
            throw node.required("time_zone").error("does not apply: the format " + (ownZone
                    ? "carries its own offset" : "has no time of day"));
        }
        return new FeedContract.PurchaseDate(column, format, zone);
    }

    private static FeedContract.Amount amount(YamlNode node) {
        node.expectMap("column", "quantity", "unit_price");
        if (node.has("column")) {
            if (node.has("quantity") || node.has("unit_price")) {
                throw node.error("is either a column or quantity and unit_price, not both");
            }
            return new FeedContract.AmountColumn(node.required("column").string());
        }
        return new FeedContract.LineItem(node.required("quantity").string(), node.required("unit_price").string());
    }

    private static FeedContract.Currency currency(YamlNode node) {
        node.expectMap("column", "fixed");
        if (node.has("column") == node.has("fixed")) {
            throw node.error("needs exactly one of column and fixed");
        }
        if (node.has("column")) {
            return new FeedContract.Currency(node.required("column").string(), null);
        }
        YamlNode fixedNode = node.required("fixed");
        String fixed = fixedNode.string();
        if (!isIsoCurrency(fixed)) {
            throw fixedNode.error("'" + fixed + "' is not an ISO-4217 currency code in upper case");
        }
        return new FeedContract.Currency(null, fixed);
    }

    private static boolean isIsoCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            java.util.Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static FeedContract.Policies policies(YamlNode node) {
        node.expectMap("missing_customer_id", "negative_amounts", "zero_price", "cancellation");
        Long assignTo = null;
        if (node.has("missing_customer_id")) {
            YamlNode missing = node.required("missing_customer_id");
            if (missing.isMap()) {
                YamlNode id = missing.expectMap("assign_to").required("assign_to");
                if (!id.string().matches("\\d{1,18}")) {
                    throw id.error("must be a whole number of at most 18 digits");
                }
                assignTo = Long.parseLong(id.string());
            } else if (!missing.string().equals("quarantine")) {
                throw missing.error("must be quarantine or {assign_to: <customer id>}, found '" + missing.string() + "'");
            }
        }
        FeedContract.Returns negative = node.optional("negative_amounts")
                .map(n -> n.choice(FeedContract.Returns.class)).orElse(FeedContract.Returns.QUARANTINE);
        FeedContract.ZeroPrice zero = node.optional("zero_price").map(n -> n.choice(FeedContract.ZeroPrice.class))
                .orElse(FeedContract.ZeroPrice.ACCEPT);
        FeedContract.Cancellation cancellation = null;
        if (node.has("cancellation")) {
            YamlNode c = node.required("cancellation").expectMap("column", "prefix", "action");
            cancellation = new FeedContract.Cancellation(c.required("column").string(), c.required("prefix").string(),
                    c.required("action").choice(FeedContract.Returns.class));
            if (cancellation.action() == FeedContract.Returns.NET && negative != FeedContract.Returns.NET) {
                throw c.required("action").error("net makes cancellations negative amounts, which negative_amounts: "
                        + "quarantine would reject; set negative_amounts: net or action: quarantine");
            }
        }
        return new FeedContract.Policies(assignTo, negative, zero, cancellation);
    }

    private static List<RowRule> rowRules(YamlNode node) {
        List<RowRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode item : node.list()) {
            item.expectMap("name", "check", "column", "columns", "min", "max", "values", "case_sensitive", "regex");
            YamlNode nameNode = item.required("name");
            String name = nameNode.string();
            if (!RULE_NAME.matcher(name).matches()) {
                throw nameNode.error("'" + name + "' is not a rule name (" + RULE_NAME.pattern() + ")");
            }
            if (!names.add(name)) {
                throw nameNode.error("'" + name + "' names another rule already");
            }
            Check check = item.required("check").choice(Check.class);
            rules.add(switch (check) {
                case NOT_NULL -> {
                    only(item, check, "column");
                    yield new RowRule.NotNull(name, item.required("column").string());
                }
                case RANGE -> range(item, name);
                case ALLOWED_VALUES -> {
                    only(item, check, "column", "values", "case_sensitive");
                    boolean caseSensitive = item.optional("case_sensitive").map(YamlNode::bool).orElse(true);
                    Set<String> values = item.required("values").stringList().stream()
                            .map(v -> caseSensitive ? v : v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
                    yield new RowRule.AllowedValues(name, item.required("column").string(), Set.copyOf(values),
                            caseSensitive);
                }
                case PATTERN -> {
                    only(item, check, "column", "regex");
                    YamlNode regex = item.required("regex");
                    try {
                        yield new RowRule.Matches(name, item.required("column").string(), Pattern.compile(regex.string()));
                    } catch (PatternSyntaxException e) {
                        throw regex.error("is not a regular expression: " + e.getDescription());
                    }
                }
                case UNIQUE -> {
                    only(item, check, "columns");
                    yield new RowRule.Unique(name, List.copyOf(item.required("columns").stringList()));
                }
            });
        }
        return List.copyOf(rules);
    }

    private static RowRule range(YamlNode item, String name) {
        only(item, Check.RANGE, "column", "min", "max");
        BigDecimal min = item.optional("min").map(YamlNode::decimal).orElse(null);
        BigDecimal max = item.optional("max").map(YamlNode::decimal).orElse(null);
        if (min == null && max == null) {
            throw item.error("a range needs min, max or both");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw item.required("min").error("is greater than max " + max.toPlainString());
        }
        return new RowRule.Range(name, item.required("column").string(), min, max);
    }

    /** A rule's fields beyond name and check must be the ones its check reads. */
    private static void only(YamlNode item, Check check, String... fields) {
        List<String> allowed = new ArrayList<>(List.of("name", "check"));
        allowed.addAll(List.of(fields));
        try {
            item.expectMap(allowed.toArray(String[]::new));
        } catch (InvalidFeedContractException e) {
            throw new InvalidFeedContractException(e.source(), e.path(), e.line(), e.column(),
                    "is not a field of a " + check.name().toLowerCase(Locale.ROOT) + " rule; it takes " + allowed);
        }
    }

    private static DatasetRules datasetRules(YamlNode node) {
        node.expectMap("min_rows", "max_quarantine_ratio", "additive_columns");
        long minRows = 0;
        if (node.has("min_rows")) {
            YamlNode min = node.required("min_rows");
            minRows = min.integer();
            if (minRows < 0) {
                throw min.error("must not be negative");
            }
        }
        BigDecimal ratio = BigDecimal.ONE;
        if (node.has("max_quarantine_ratio")) {
            YamlNode ratioNode = node.required("max_quarantine_ratio");
            ratio = ratioNode.decimal();
            if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
                throw ratioNode.error("is a share of the rows read, between 0 and 1");
            }
        }
        boolean failOnAdditive = node.optional("additive_columns").map(n -> n.choice(AdditiveColumns.class))
                .orElse(AdditiveColumns.ACCEPT) == AdditiveColumns.FAIL;
        return new DatasetRules(minRows, ratio, failOnAdditive);
    }
}
