package com.c360.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobArgumentRecordsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @Test
    void bronzeToSilverArguments_renderedAsGlueArguments_parseBackToTheSameRecord() {
        BronzeToSilverArguments arguments = new BronzeToSilverArguments("run-1", DAY, "bronze-bucket",
                "year=2026/month=11/day=22/p.csv", null, UploadOrder.of(Instant.EPOCH, "0A"), "s3://b", "s3://s",
                "s3://q", "s3://a", "s3://r/fx.csv", "s3://r/feeds/",
                new TableCatalog(TableCatalog.Kind.GLUE, "c360_dev"), Optional.of("c360"));

        assertThat(arguments.toGlueArguments()).doesNotContainKey("--source_version")
                .containsEntry("--ingestion_date", "2026-11-22").containsEntry("--metrics_namespace", "c360")
                .containsEntry("--catalog", "glue").containsEntry("--catalog_database", "c360_dev");
        assertThat(BronzeToSilverArguments.parse(argv(arguments.toGlueArguments()))).isEqualTo(arguments);
    }

    @Test
    void silverToGoldArguments_amongGlueOwnArguments_parseByKey() {
        SilverToGoldArguments arguments = SilverToGoldArguments.parse("--JOB_ID", "j_1", "--run_id", "r",
                "--ingestion_date", "2026-11-22", "--source_key", "k.csv", "--upload_order", "0001-0A",
                "--silver_root", "file:/s", "--gold_root", "file:/g",
                "--catalog", "hadoop", "--catalog_database", "c360", "--enable-metrics");

        assertThat(arguments).isEqualTo(new SilverToGoldArguments("r", DAY, "k.csv", "0001-0A", "file:/s", "file:/g", TableCatalog.local()));
        assertThat(SilverToGoldArguments.parse(argv(arguments.toGlueArguments()))).isEqualTo(arguments);
    }

    @Test
    void goldToRdsArguments_withALogin_roundTrip_andNeverPrintThePassword() {
        GoldToRdsArguments arguments = new GoldToRdsArguments("r", DAY, "file:/g",
                DatabaseArguments.login(new DatabaseLogin("jdbc:postgresql://127.0.0.1/c360", "postgres", "hunter2")));

        assertThat(GoldToRdsArguments.parse(argv(arguments.toGlueArguments()))).isEqualTo(arguments);
        assertThat(arguments.toString()).doesNotContain("hunter2");
    }

    @Test
    void goldToRdsArguments_withASecret_renderOnlyTheSecretId() {
        assertThat(DatabaseArguments.secret("arn:secret").toGlueArguments())
                .isEqualTo(Map.of("--db_secret_id", "arn:secret"));
    }

    @Test
    void goldToRdsArguments_withoutDatabase_failNamingTheSecretArgument() {
        assertThatThrownBy(() -> GoldToRdsArguments.parse("--run_id", "r", "--ingestion_date", "2026-11-22",
                "--gold_root", "file:/g")).hasMessageContaining("--db_secret_id");
    }

    @Test
    void lakeRoots_renderEveryRootUnderItsKey() {
        assertThat(new LakeRoots("b", "s", "g", "q", "a", "fx", "feeds").toGlueArguments()).isEqualTo(Map.of(
                "--bronze_root", "b", "--silver_root", "s", "--gold_root", "g", "--quarantine_root", "q",
                "--audit_root", "a", "--fx_path", "fx", "--feeds_path", "feeds"));
    }

    @Test
    void bronzeKey_ofADay_isUnderZeroPaddedDateFolders() {
        assertThat(LakeLayout.bronzeKey(LocalDate.of(2026, 2, 3), "p.csv")).isEqualTo("year=2026/month=02/day=03/p.csv");
    }

    @Test
    void goldChanges_ofARun_isOneFolderPerRun() {
        assertThat(LakeLayout.goldChanges("s3://gold/", "run-1")).isEqualTo("s3://gold/changes/run_id=run-1");
    }

    @Test
    void tableCatalog_withAnUnknownKind_failsNamingTheArgument() {
        assertThatThrownBy(() -> TableCatalog.from(JobArguments.parse("--catalog", "nessie", "--catalog_database",
                "c360"))).hasMessageContaining("--catalog must be glue or hadoop");
    }

    @Test
    void tableCatalog_namesEachLayersTableInItsOwnSparkCatalog() {
        TableCatalog catalog = new TableCatalog(TableCatalog.Kind.GLUE, "c360_dev");

        assertThat(catalog.silverTable()).isEqualTo("c360_silver.c360_dev.silver_purchases");
        assertThat(catalog.goldTable()).isEqualTo("c360_gold.c360_dev.gold_customer_summary");
    }

    private static String[] argv(Map<String, String> glueArguments) {
        List<String> argv = new ArrayList<>();
        glueArguments.forEach((flag, value) -> {
            argv.add(flag);
            argv.add(value);
        });
        return argv.toArray(String[]::new);
    }
}
