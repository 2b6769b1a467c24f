package com.c360.contract;

/** The keys of the job arguments c360's Glue jobs read, without Glue's leading {@code --}. */
public enum JobArgument {
    RUN_ID("run_id"),
    INGESTION_DATE("ingestion_date"),
    SOURCE_BUCKET("source_bucket"),
    SOURCE_KEY("source_key"),
    SOURCE_VERSION("source_version"),
    BRONZE_ROOT("bronze_root"),
    SILVER_ROOT("silver_root"),
    GOLD_ROOT("gold_root"),
    QUARANTINE_ROOT("quarantine_root"),
    AUDIT_ROOT("audit_root"),
    FX_PATH("fx_path"),
    /** The folder holding the feed contracts, {@code <feed>.yaml} each ({@link FeedLayout#contractFile}). */
    FEEDS_PATH("feeds_path"),
    /** {@link UploadOrder} of the bronze object: which version of a purchase is the latest. */
    UPLOAD_ORDER("upload_order"),
    /** {@link TableCatalog.Kind}: {@code glue} on AWS, {@code hadoop} locally. */
    CATALOG("catalog"),
    CATALOG_DATABASE("catalog_database"),
    /** Where bronze→silver publishes its counts; absent, it publishes none (the log line has them). */
    METRICS_NAMESPACE("metrics_namespace"),
    DB_SECRET_ID("db_secret_id"),
    DB_URL("db_url"),
    DB_USER("db_user"),
    DB_PASSWORD("db_password");

    private final String key;

    JobArgument(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** As Glue's {@code Arguments} and {@code DefaultArguments} maps name it: {@code --key}. */
    public String flag() {
        return "--" + key;
    }
}
