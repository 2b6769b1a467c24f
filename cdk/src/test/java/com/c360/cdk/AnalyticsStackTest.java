package com.c360.cdk;

import static com.c360.cdk.SynthesizedApp.onlyResource;
import static com.c360.cdk.SynthesizedApp.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.c360.contract.TableCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnalyticsStackTest {
    private static JsonNode template;
    private static Map<String, JsonNode> tables;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedApp.template(SynthesizedApp.stacks().analytics());
        tables = new HashMap<>();
        resources(template, "AWS::Glue::Table").values()
                .forEach(table -> tables.put(table.at("/Properties/TableInput/Name").asText(),
                        table.at("/Properties/TableInput")));
    }

    @Test
    void catalog_declaresOnlyQuarantineLeavingSilverAndGoldToTheJobsIcebergTables() {
        assertThat(onlyResource(template, "AWS::Glue::Database").at("/Properties/DatabaseInput/Name").asText())
                .isEqualTo("c360_dev");
        assertThat(tables.keySet()).containsExactly("quarantine_purchases")
                .doesNotContain(TableCatalog.SILVER_TABLE, TableCatalog.GOLD_TABLE);
        assertThat(resources(template, "AWS::Glue::Crawler")).isEmpty();
    }

    @Test
    void quarantineTable_isParquetWithTheRawColumnsAndTheLineageIncludingUploadOrder() {
        JsonNode quarantine = tables.get("quarantine_purchases");
        Map<String, String> columns = columns(quarantine.at("/StorageDescriptor/Columns"));

        assertThat(quarantine.at("/Parameters/classification").asText()).isEqualTo("parquet");
        assertThat(quarantine.at("/StorageDescriptor/SerdeInfo/SerializationLibrary").asText())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(columns).containsEntry("reason", "string").containsEntry("raw_amount", "string")
                .containsEntry("source_key", "string").containsEntry("upload_order", "string")
                .containsEntry("ingested_at", "timestamp");
    }

    @Test
    void quarantineTable_projectsIngestionDateAsDatesAndInjectsTheSourceFile() {
        JsonNode table = tables.get("quarantine_purchases");
        JsonNode parameters = table.path("Parameters");

        assertThat(names(table.path("PartitionKeys"))).containsExactly("ingestion_date", "source_file");
        assertThat(parameters.path("projection.enabled").asText()).isEqualTo("true");
        assertThat(parameters.path("projection.ingestion_date.type").asText()).isEqualTo("date");
        assertThat(parameters.path("projection.ingestion_date.format").asText()).isEqualTo("yyyy-MM-dd");
        assertThat(parameters.path("projection.ingestion_date.range").asText()).endsWith(",NOW");
        assertThat(parameters.path("projection.source_file.type").asText()).isEqualTo("injected");
        JsonNode template = parameters.at("/storage.location.template/Fn::Join/1");
        assertThat(template.at("/1/Fn::ImportValue").asText()).contains("ExportsOutputRefQuarantine");
        assertThat(template.get(2).asText())
                .isEqualTo("/purchases/ingestion_date=${ingestion_date}/source_file=${source_file}/");
    }

    @Test
    void workGroup_pinsEngine3AndEnforcesEncryptedResultsInTheResultsBucket() {
        JsonNode configuration = onlyResource(template, "AWS::Athena::WorkGroup")
                .at("/Properties/WorkGroupConfiguration");

        assertThat(configuration.path("EnforceWorkGroupConfiguration").asBoolean()).isTrue();
        assertThat(configuration.at("/EngineVersion/SelectedEngineVersion").asText())
                .isEqualTo("Athena engine version 3");
        assertThat(configuration.at("/ResultConfiguration/EncryptionConfiguration/EncryptionOption").asText())
                .isEqualTo("SSE_KMS");
        assertThat(configuration.at("/ResultConfiguration/EncryptionConfiguration/KmsKey/Fn::ImportValue")
                .asText()).contains("DataKey");
        assertThat(configuration.at("/ResultConfiguration/OutputLocation").toString())
                .contains("ExportsOutputRefAthenaResults");
    }

    @Test
    void topSpendersQuery_readsTheTopTenGoldRowsOnePerCustomer() {
        JsonNode query = onlyResource(template, "AWS::Athena::NamedQuery").path("Properties");

        assertThat(query.path("Name").asText()).isEqualTo("top spenders");
        assertThat(query.path("Database").asText()).isEqualTo("c360_dev");
        assertThat(query.path("WorkGroup").asText()).isEqualTo("c360-dev");
        assertThat(query.path("QueryString").asText().strip().replaceAll("\\s+", " ")).isEqualTo(
                "SELECT customer_id, full_name, email, total_spent_aud, purchase_count, first_purchase_date, "
                        + "last_purchase_date FROM gold_customer_summary ORDER BY total_spent_aud DESC LIMIT 10");
    }

    private static Map<String, String> columns(JsonNode columns) {
        Map<String, String> byName = new HashMap<>();
        columns.forEach(column -> byName.put(column.path("Name").asText(), column.path("Type").asText()));
        return byName;
    }

    private static List<String> names(JsonNode columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(column -> names.add(column.path("Name").asText()));
        return names;
    }
}
