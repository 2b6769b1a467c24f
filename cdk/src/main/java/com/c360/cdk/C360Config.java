package com.c360.cdk;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Everything a deployment may vary, read from CDK context ({@code -c key=value} or {@code cdk.json}). Values given on
 * the command line arrive as strings, values from {@code cdk.json} as JSON types; both are accepted.
 *
 * @param envName               names every resource ({@code c360-<envName>-...}); lower-case letters, digits, hyphens
 * @param glueWorkerType        Glue worker type for all three jobs
 * @param glueNumberOfWorkers   Glue workers per job run (Glue's minimum is 2)
 * @param rdsInstanceClass      RDS instance class without the {@code db.} prefix, e.g. {@code t4g.micro}
 * @param rdsMultiAz            a standby in a second AZ
 * @param alertEmail            subscribes this address to the alert topic when present
 * @param retentionDays         CloudWatch log retention and access-log expiry
 * @param bronzeArchiveDays     days before bronze objects move to Glacier Instant Retrieval
 * @param athenaResultsDays     days before Athena query results expire
 * @param deletionProtection    RDS deletion protection, and RETAIN instead of DESTROY for data-bearing resources
 */
public record C360Config(
        String envName,
        String glueWorkerType,
        int glueNumberOfWorkers,
        String rdsInstanceClass,
        boolean rdsMultiAz,
        Optional<String> alertEmail,
        int retentionDays,
        int bronzeArchiveDays,
        int athenaResultsDays,
        boolean deletionProtection) {

    public static final String ENV_NAME = "envName";
    public static final String GLUE_WORKER_TYPE = "glueWorkerType";
    public static final String GLUE_NUMBER_OF_WORKERS = "glueNumberOfWorkers";
    public static final String RDS_INSTANCE_CLASS = "rdsInstanceClass";
    public static final String RDS_MULTI_AZ = "rdsMultiAz";
    public static final String ALERT_EMAIL = "alertEmail";
    public static final String RETENTION_DAYS = "retentionDays";
    public static final String BRONZE_ARCHIVE_DAYS = "bronzeArchiveDays";
    public static final String ATHENA_RESULTS_DAYS = "athenaResultsDays";
    public static final String DELETION_PROTECTION = "deletionProtection";

    private static final Pattern ENV_NAME_PATTERN = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    private static final Pattern EMAIL_PATTERN = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> GLUE_WORKER_TYPES = Set.of("G.1X", "G.2X", "G.4X", "G.8X");
    /** The only values CloudWatch Logs accepts as a retention period. */
    private static final Map<Integer, RetentionDays> LOG_RETENTION = Map.ofEntries(
            Map.entry(1, RetentionDays.ONE_DAY), Map.entry(3, RetentionDays.THREE_DAYS),
            Map.entry(5, RetentionDays.FIVE_DAYS), Map.entry(7, RetentionDays.ONE_WEEK),
            Map.entry(14, RetentionDays.TWO_WEEKS), Map.entry(30, RetentionDays.ONE_MONTH),
            Map.entry(60, RetentionDays.TWO_MONTHS), Map.entry(90, RetentionDays.THREE_MONTHS),
            Map.entry(120, RetentionDays.FOUR_MONTHS), Map.entry(150, RetentionDays.FIVE_MONTHS),
            Map.entry(180, RetentionDays.SIX_MONTHS), Map.entry(365, RetentionDays.ONE_YEAR),
            Map.entry(400, RetentionDays.THIRTEEN_MONTHS), Map.entry(545, RetentionDays.EIGHTEEN_MONTHS),
            Map.entry(731, RetentionDays.TWO_YEARS), Map.entry(1827, RetentionDays.FIVE_YEARS),
            Map.entry(3653, RetentionDays.TEN_YEARS));

    public C360Config {
        require(ENV_NAME_PATTERN.matcher(envName).matches(), ENV_NAME,
                "lower-case letters, digits and hyphens, starting with a letter, at most 20 characters", envName);
        require(GLUE_WORKER_TYPES.contains(glueWorkerType), GLUE_WORKER_TYPE, "one of " + GLUE_WORKER_TYPES,
                glueWorkerType);
        require(glueNumberOfWorkers >= 2, GLUE_NUMBER_OF_WORKERS, "at least 2", glueNumberOfWorkers);
        require(!rdsInstanceClass.startsWith("db."), RDS_INSTANCE_CLASS, "a class without the db. prefix",
                rdsInstanceClass);
        require(alertEmail.map(email -> EMAIL_PATTERN.matcher(email).matches()).orElse(true), ALERT_EMAIL,
                "an e-mail address", alertEmail.orElse(""));
        require(LOG_RETENTION.containsKey(retentionDays), RETENTION_DAYS,
                "a CloudWatch Logs retention period " + LOG_RETENTION.keySet().stream().sorted().toList(),
                retentionDays);
        require(bronzeArchiveDays >= 1, BRONZE_ARCHIVE_DAYS, "at least 1", bronzeArchiveDays);
        require(athenaResultsDays >= 1, ATHENA_RESULTS_DAYS, "at least 1", athenaResultsDays);
    }

    /** The configuration of a plain {@code cdk synth} without any {@code -c} option. */
    public static C360Config defaults() {
        return fromContext(key -> null);
    }

    /** Reads the configuration through a context lookup such as {@code app.getNode()::tryGetContext}. */
    public static C360Config fromContext(Function<String, Object> context) {
        ContextReader reader = new ContextReader(context);
        return new C360Config(
                reader.string(ENV_NAME, "dev"),
                reader.string(GLUE_WORKER_TYPE, "G.1X"),
                reader.integer(GLUE_NUMBER_OF_WORKERS, 2),
                reader.string(RDS_INSTANCE_CLASS, "t4g.micro"),
                reader.bool(RDS_MULTI_AZ, false),
                Optional.ofNullable(reader.string(ALERT_EMAIL, null)).filter(email -> !email.isBlank()),
                reader.integer(RETENTION_DAYS, 30),
                reader.integer(BRONZE_ARCHIVE_DAYS, 30),
                reader.integer(ATHENA_RESULTS_DAYS, 7),
                reader.bool(DELETION_PROTECTION, false));
    }

    /** Prefix of every physical name, e.g. {@code c360-dev}. */
    public String prefix() {
        return "c360-" + envName;
    }

    /** Glue Data Catalog names allow no hyphens. */
    public String catalogDatabaseName() {
        return prefix().replace('-', '_');
    }

    /** For resources that hold data: kept when deletion protection is on, otherwise torn down with the stack. */
    public RemovalPolicy dataRemovalPolicy() {
        return deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    }

    public RetentionDays logRetention() {
        return LOG_RETENTION.get(retentionDays);
    }

    private static void require(boolean valid, String key, String expectation, Object actual) {
        if (!valid) {
            throw new InvalidContextException(key, expectation, actual);
        }
    }

    private record ContextReader(Function<String, Object> context) {
        String string(String key, String fallback) {
            Object value = context.apply(key);
            return value == null ? fallback : value.toString().trim();
        }

        int integer(String key, int fallback) {
            Object value = context.apply(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Number number && number.doubleValue() == number.intValue()) {
                return number.intValue();
            }
            try {
                return Integer.parseInt(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new InvalidContextException(key, "an integer", value);
            }
        }

        boolean bool(String key, boolean fallback) {
            Object value = context.apply(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Boolean flag) {
                return flag;
            }
            return switch (value.toString().trim().toLowerCase()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidContextException(key, "true or false", value);
            };
        }
    }
}
