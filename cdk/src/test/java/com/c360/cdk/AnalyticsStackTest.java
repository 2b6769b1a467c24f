package com.c360.cdk;

import static com.c360.cdk.SynthesizedApp.onlyResource;
import static com.c360.cdk.SynthesizedApp.resources;
import static org.assertj.core.api.Assertions.assertThat;

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
    void catalog_hasSilverQuarantineAndGoldTablesInTheEnvironmentDatabase() {
        assertThat(onlyResource(template, "AWS::Glue::Database").at("/Properties/DatabaseInput/Name").asText())
                .isEqualTo("c360_dev");
        assertThat(tables.keySet()).containsExactlyInAnyOrder(
                "silver_purchases", "quarantine_purchases", "gold_customer_daily");
        assertThat(resources(template, "AWS::Glue::Crawler")).isEmpty();
    }

    @Test
    void silverTable_hasThePurchaseColumnsWithTheirTypes() {
        Map<String, String> columns = columns(tables.get("silver_purchases").at("/StorageDescriptor/Columns"));

        assertThat(columns).containsEntry("purchase_id", "bigint").containsEntry("customer_id", "bigint")
                .containsEntry("full_name", "string").containsEntry("email", "string")
                .containsEntry("purchase_date", "date").containsEntry("amount_aud", "decimal(18,2)")
                .containsEntry("source_key", "string");
        assertThat(columns.get("amount")).startsWith("decimal(18,");
    }

    @Test
    void silverAndQuarantine_projectIngestionDateAsDatesAndInjectTheSourceFile() {
        for (String name : List.of("silver_purchases", "quarantine_purchases")) {
            JsonNode table = tables.get(name);
            JsonNode parameters = table.path("Parameters");
            String prefix = name.equals("silver_purchases") ? "ExportsOutputRefSilver" : "ExportsOutputRefQuarantine";

            assertThat(names(table.path("PartitionKeys"))).containsExactly("ingestion_date", "source_file");
            assertThat(parameters.path("projection.enabled").asText()).isEqualTo("true");
            assertThat(parameters.path("projection.ingestion_date.type").asText()).isEqualTo("date");
            assertThat(parameters.path("projection.ingestion_date.format").asText()).isEqualTo("yyyy-MM-dd");
            assertThat(parameters.path("projection.ingestion_date.range").asText()).endsWith(",NOW");
            assertThat(parameters.path("projection.source_file.type").asText()).isEqualTo("injected");
            JsonNode template = parameters.at("/storage.location.template/Fn::Join/1");
            assertThat(template.at("/1/Fn::ImportValue").asText()).contains(prefix);
            assertThat(template.get(2).asText())
                    .isEqualTo("/purchases/ingestion_date=${ingestion_date}/source_file=${source_file}/");
        }
    }

    @Test
    void goldTable_projectsZeroPaddedYearMonthDay() {
        JsonNode gold = tables.get("gold_customer_daily");
        JsonNode parameters = gold.path("Parameters");

        assertThat(names(gold.path("PartitionKeys"))).containsExactly("year", "month", "day");
        assertThat(gold.path("PartitionKeys")).allMatch(key -> key.path("Type").asText().equals("string"));
        assertThat(parameters.path("projection.month.type").asText()).isEqualTo("integer");
        assertThat(parameters.path("projection.month.range").asText()).isEqualTo("1,12");
        assertThat(parameters.path("projection.month.digits").asText()).isEqualTo("2");
        assertThat(parameters.path("projection.day.range").asText()).isEqualTo("1,31");
        assertThat(parameters.path("projection.day.digits").asText()).isEqualTo("2");
        assertThat(parameters.path("projection.year.digits").asText()).isEqualTo("4");
        assertThat(parameters.at("/storage.location.template/Fn::Join/1/2").asText())
                .isEqualTo("/customer_daily/year=${year}/month=${month}/day=${day}/");
        assertThat(columns(gold.at("/StorageDescriptor/Columns")))
                .containsEntry("total_spent_aud", "decimal(18,2)").containsEntry("ingestion_date", "date");
    }

    @Test
    void workGroup_enforcesEncryptedResultsInTheResultsBucket() {
        JsonNode configuration = onlyResource(template, "AWS::Athena::WorkGroup")
                .at("/Properties/WorkGroupConfiguration");

        assertThat(configuration.path("EnforceWorkGroupConfiguration").asBoolean()).isTrue();
        assertThat(configuration.at("/ResultConfiguration/EncryptionConfiguration/EncryptionOption").asText())
                .isEqualTo("SSE_KMS");
        assertThat(configuration.at("/ResultConfiguration/EncryptionConfiguration/KmsKey/Fn::ImportValue")
                .asText()).contains("DataKey");
        assertThat(configuration.at("/ResultConfiguration/OutputLocation").toString())
                .contains("ExportsOutputRefAthenaResults");
    }

    @Test
    void topSpendersQuery_ranksCustomersByTheirGoldTotal() {
        JsonNode query = onlyResource(template, "AWS::Athena::NamedQuery").path("Properties");

        assertThat(query.path("Name").asText()).isEqualTo("top spenders");
        assertThat(query.path("Database").asText()).isEqualTo("c360_dev");
        assertThat(query.path("WorkGroup").asText()).isEqualTo("c360-dev");
        assertThat(query.path("QueryString").asText()).contains("FROM gold_customer_daily")
                .contains("sum(total_spent_aud)").contains("ORDER BY total_spent_aud DESC");
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
