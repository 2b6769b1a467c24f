package com.c360.cdk;

import com.c360.contract.LakeSchemas;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.athena.CfnNamedQuery;
import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.constructs.Construct;

/**
 * Athena over the lake: a Glue Data Catalog database, in which the Glue jobs create the silver and gold Iceberg tables
 * and CDK declares the quarantine table (partition projection, no crawler; see {@link LakeTables}), a workgroup whose
 * encrypted result location users cannot override, and the "top spenders" named query.
 */
public class AnalyticsStack extends Stack {
    static final String TOP_SPENDERS_QUERY = "top spenders";
    /** Stops a runaway scan (e.g. an unfiltered quarantine query over years) at 10 GiB, about USD 0.05. */
    static final long BYTES_SCANNED_CUTOFF = 10L * 1024 * 1024 * 1024;

    private final String databaseName;
    private final String workGroupName;

    public AnalyticsStack(Construct scope, String id, StackProps props, C360Config config, StorageStack storage) {
        super(scope, id, props);
        databaseName = config.catalogDatabaseName();
        workGroupName = config.prefix();

        CfnDatabase database = CfnDatabase.Builder.create(this, "CatalogDatabase")
                .catalogId(getAccount())
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
                        .name(databaseName)
                        .description("c360 " + config.envName() + ": silver and gold (Iceberg, created by the "
                                + "Glue jobs) and quarantine")
                        .build())
                .build();
        catalogTable(LakeTables.quarantine(storage.lake())).getNode().addDependency(database);

        CfnWorkGroup workGroup = CfnWorkGroup.Builder.create(this, "WorkGroup")
                .name(workGroupName)
                .description("c360 " + config.envName() + ": queries over the lake")
                .state("ENABLED")
                .recursiveDeleteOption(!config.deletionProtection())
                .workGroupConfiguration(CfnWorkGroup.WorkGroupConfigurationProperty.builder()
                        .enforceWorkGroupConfiguration(true)
                        .publishCloudWatchMetricsEnabled(true)
                        .bytesScannedCutoffPerQuery(BYTES_SCANNED_CUTOFF)
                        // Pinned, not left to Athena: engine version 3 reads the jobs' Iceberg (format 2) tables.
                        .engineVersion(CfnWorkGroup.EngineVersionProperty.builder()
                                .selectedEngineVersion("Athena engine version 3").build())
                        .resultConfiguration(CfnWorkGroup.ResultConfigurationProperty.builder()
                                .outputLocation("s3://" + storage.athenaResults().getBucketName() + "/"
                                        + StorageStack.ATHENA_RESULTS_PREFIX + "/")
                                .expectedBucketOwner(getAccount())
                                .encryptionConfiguration(CfnWorkGroup.EncryptionConfigurationProperty.builder()
                                        .encryptionOption("SSE_KMS")
                                        .kmsKey(storage.dataKey().getKeyArn())
                                        .build())
                                .build())
                        .build())
                .build();

        CfnNamedQuery topSpenders = CfnNamedQuery.Builder.create(this, "TopSpendersQuery")
                .name(TOP_SPENDERS_QUERY)
                .description("Top 10 customers by lifetime spend in AUD (gold, one row per customer)")
                .database(databaseName)
                .workGroup(workGroupName)
                .queryString(LakeTables.TOP_SPENDERS_SQL)
                .build();
        topSpenders.getNode().addDependency(workGroup, database);
        CfnOutput.Builder.create(this, "AthenaWorkGroup").value(workGroupName).build();
        CfnOutput.Builder.create(this, "CatalogDatabaseName").value(databaseName).build();
    }

    public String databaseName() {
        return databaseName;
    }

    public String workGroupName() {
        return workGroupName;
    }

    private CfnTable catalogTable(LakeTables.Table table) {
        Map<String, String> parameters = new HashMap<>(table.projection());
        parameters.put("EXTERNAL", "TRUE");
        parameters.put("classification", "parquet");
        parameters.put("projection.enabled", "true");
        return CfnTable.Builder.create(this, "Table-" + table.name())
                .catalogId(getAccount())
                .databaseName(databaseName)
                .tableInput(CfnTable.TableInputProperty.builder()
                        .name(table.name())
                        .description(table.description())
                        .tableType("EXTERNAL_TABLE")
                        .parameters(parameters)
                        .partitionKeys(columns(table.partitionKeys()))
                        .storageDescriptor(CfnTable.StorageDescriptorProperty.builder()
                                .location(table.location() + "/")
                                .columns(columns(table.columns()))
                                .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                                .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                                .serdeInfo(CfnTable.SerdeInfoProperty.builder()
                                        .serializationLibrary(
                                                "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                                        .build())
                                .build())
                        .build())
                .build();
    }

    private static List<CfnTable.ColumnProperty> columns(List<LakeSchemas.Column> columns) {
        return columns.stream()
                .map(column -> CfnTable.ColumnProperty.builder().name(column.name()).type(column.type()).build())
                .toList();
    }
}
