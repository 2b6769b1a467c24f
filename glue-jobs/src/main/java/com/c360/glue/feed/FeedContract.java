package com.c360.glue.feed;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One feed's contract, as loaded from {@code feeds/<feed>.yaml} by {@link FeedContractLoader}: how its header maps to
 * the canonical purchase, its policies, and its row and dataset rules. Column names are kept as written; with
 * {@code caseSensitiveHeader} false (the default) they match a file's header ignoring case.
 */
public record FeedContract(String feed, int version, boolean caseSensitiveHeader, List<String> optionalColumns,
        Mapping mapping, Policies policies, List<RowRule> rowRules, DatasetRules datasetRules)
        implements Serializable {

    public static final int VERSION = 1;

    /** The source of each canonical field. Absent names and e-mail are null. */
    public record Mapping(CustomerId customerId, String firstNameColumn, String lastNameColumn, String emailColumn,
            PurchaseKey purchaseKey, PurchaseDate purchaseDate, Amount amount, Currency currency)
            implements Serializable {
    }

    /** {@code floatText}: {@code 17850.0} is customer 17850 (spreadsheet exports write ids as floats). */
    public record CustomerId(String column, boolean floatText) implements Serializable {
    }

    /**
     * {@code derived}: the id is {@link PurchaseKeys#derive} of the columns' values; otherwise the single column holds
     * the id itself, checked by the validator.
     */
    public record PurchaseKey(List<String> columns, boolean derived) implements Serializable {
    }

    /**
     * {@code format} null: ISO, as the validator reads it. Otherwise a {@link java.time.format.DateTimeFormatter}
     * pattern; a date-time without an offset in it is in {@code zone}, and becomes its date in
     * {@link CanonicalField#PURCHASE_DATE_ZONE}.
     */
    public record PurchaseDate(String column, String format, ZoneId zone) implements Serializable {
    }

    public sealed interface Amount extends Serializable permits AmountColumn, LineItem {
    }

    public record AmountColumn(String column) implements Amount {
    }

    /** amount = quantity × unit price, exactly. */
    public record LineItem(String quantityColumn, String unitPriceColumn) implements Amount {
    }

    /** Exactly one of the two is set. */
    public record Currency(String column, String fixed) implements Serializable {
    }

    public enum Returns { NET, QUARANTINE }

    public enum ZeroPrice { ACCEPT, QUARANTINE }

    /**
     * @param assignMissingCustomerTo null: a row without a customer id goes to quarantine
     *     ({@code missing_customer_id}); otherwise it counts for this customer id
     * @param cancellation null when the feed marks no cancellations
     */
    public record Policies(Long assignMissingCustomerTo, Returns negativeAmounts, ZeroPrice zeroPrice,
            Cancellation cancellation) implements Serializable {
    }

    /** A row whose {@code column} starts with {@code prefix} cancels a purchase: a return to net, or quarantine. */
    public record Cancellation(String column, String prefix, Returns action) implements Serializable {
    }

    /** What the validator must honour for this feed. */
    public ValidationPolicy validationPolicy() {
        return new ValidationPolicy(policies.negativeAmounts() == Returns.NET, mapping.purchaseKey().derived());
    }

    /** Every source column the mapping, the policies or a rule reads: a file without one of them breaks. */
    public Set<String> requiredColumns() {
        List<String> columns = new ArrayList<>();
        columns.add(mapping.customerId().column());
        columns.add(mapping.firstNameColumn());
        columns.add(mapping.lastNameColumn());
        columns.add(mapping.emailColumn());
        columns.addAll(mapping.purchaseKey().columns());
        columns.add(mapping.purchaseDate().column());
        if (mapping.amount() instanceof LineItem line) {
            columns.add(line.quantityColumn());
            columns.add(line.unitPriceColumn());
        } else {
            columns.add(((AmountColumn) mapping.amount()).column());
        }
        columns.add(mapping.currency().column());
        if (policies.cancellation() != null) {
            columns.add(policies.cancellation().column());
        }
        rowRules.forEach(rule -> columns.addAll(rule.columns()));
        Set<String> required = new LinkedHashSet<>();
        columns.stream().filter(c -> c != null).forEach(required::add);
        return required;
    }

    /** The uniqueness rules, in the order of {@link MappedRecord#uniqueKeys()}. */
    public List<RowRule.Unique> uniqueRules() {
        return rowRules.stream().filter(RowRule.Unique.class::isInstance).map(RowRule.Unique.class::cast).toList();
    }

    /** How a header name or a contract column is compared. */
    String headerKey(String name) {
        String trimmed = name.strip();
        return caseSensitiveHeader ? trimmed : trimmed.toLowerCase(Locale.ROOT);
    }

    /**
     * Resolves the file's header once: the positions of the columns this contract reads, and the schema drift.
     *
     * @throws com.c360.glue.silver.MissingRequiredColumnException breaking drift: a required column is missing (or
     *     renamed; the message lists the header as found)
     * @throws com.c360.glue.silver.DuplicateColumnException a required column is named twice
     * @throws DatasetRuleFailedException the contract's {@code schema_drift} rule forbids the extra columns found
     */
    public FeedMapper mapper(List<String> header, String source) {
        return FeedMapper.resolve(this, header, source);
    }
}
