package com.c360.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactsTest {
    @TempDir
    Path repo;

    @Test
    void fromTheCdkDirectory_findsTheRepositoryRoot() {
        Artifacts artifacts = Artifacts.locate();

        assertThat(artifacts.repoRoot().resolve("statemachine/c360-pipeline.asl.json")).isRegularFile();
        assertThat(artifacts.glueJobsJar()).isEqualTo(artifacts.repoRoot().resolve(
                "glue-jobs/target/c360-glue-jobs.jar"));
        assertThat(artifacts.lambdasJar()).isEqualTo(artifacts.repoRoot().resolve("lambdas/target/c360-lambdas.jar"));
    }

    @Test
    void unbuiltJars_failSynthWithTheBuildCommand() throws IOException {
        writeSources();

        assertThatThrownBy(() -> Artifacts.at(repo))
                .isInstanceOf(MissingArtifactException.class)
                .hasMessageContaining("glue-jobs/target/c360-glue-jobs.jar")
                .hasMessageContaining("lambdas/target/c360-lambdas.jar")
                .hasMessageContaining("lambdas/target/c360-trigger.jar")
                .hasMessageContaining("mvn -B package -DskipTests -pl glue-jobs,lambdas -am");
    }

    @Test
    void missingFxTable_failsSynthNamingTheFile() throws IOException {
        writeSources();
        writeJars();
        Files.delete(repo.resolve("glue-jobs/reference/fx_rates_aud.csv"));

        assertThatThrownBy(() -> Artifacts.at(repo))
                .isInstanceOf(MissingArtifactException.class)
                .hasMessageContaining("glue-jobs/reference/fx_rates_aud.csv")
                .hasMessageNotContaining("not built");
    }

    @Test
    void migrationsDigest_changesWithAnyMigrationAndIgnoresOtherFiles() throws IOException {
        writeSources();
        writeJars();
        Artifacts artifacts = Artifacts.at(repo);
        String original = artifacts.migrationsDigest();

        Files.writeString(repo.resolve("sql/README.md"), "notes");
        String withNotes = artifacts.migrationsDigest();
        Files.writeString(repo.resolve("sql/V2__more.sql"), "CREATE TABLE b (id INT);");
        String withSecondMigration = artifacts.migrationsDigest();
        Files.writeString(repo.resolve("sql/V1__tables.sql"), "CREATE TABLE a (id BIGINT);");
        String withEditedMigration = artifacts.migrationsDigest();

        assertThat(withNotes).isEqualTo(original);
        assertThat(withSecondMigration).isNotEqualTo(original);
        assertThat(withEditedMigration).isNotEqualTo(withSecondMigration).isNotEqualTo(original);
    }

    private void writeSources() throws IOException {
        write("statemachine/c360-pipeline.asl.json", "{}");
        write("glue-jobs/reference/fx_rates_aud.csv", "currency,rate_date,aud_per_unit\n");
        write("cdk/glue/c360-entrypoint.scala", "// entry\n");
        write("sql/V1__tables.sql", "CREATE TABLE a (id INT);");
        write("feeds/default.yaml", "version: 1\n");
    }

    private void writeJars() throws IOException {
        write("glue-jobs/target/c360-glue-jobs.jar", "jar");
        write("lambdas/target/c360-lambdas.jar", "jar");
        write("lambdas/target/c360-trigger.jar", "jar");
    }

    private void write(String relative, String content) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
