package com.c360.local.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.aws.LocalDeployment;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * A Retry or Catch on an error name nothing throws never fires, and nothing else notices: a renamed or moved exception
 * class would silently stop the upsert's transient database errors from being retried. This checks every error name
 * the state machine matches that is neither a Step Functions nor an AWS service error against the jar CDK deploys
 * behind that Task.
 */
class DeployedErrorNamesTest {

  private static final Path ASL_FILE = Path.of("..", "statemachine", "c360-pipeline.asl.json");
  /** Error names Step Functions or the integrated AWS services raise; no jar of ours defines them. */
  private static final List<String> SERVICE_ERROR_PREFIXES = List.of("States.", "Glue.", "Lambda.", "SNS.");
  private static final Map<String, Path> DEPLOYED_JAR_BY_RESOURCE = Map.of(
      LocalDeployment.LAMBDA_INVOKE, Path.of("..", "lambdas", "target", "c360-lambdas.jar"),
      LocalDeployment.GLUE_RUN_JOB_SYNC, Path.of("..", "glue-jobs", "target", "c360-glue-jobs.jar"));

  /** An error name a Task's Retry or Catch matches, with the Resource whose code must throw it. */
  private record MatchedError(String state, String resource, String name) {}

  private static List<MatchedError> ownErrorNames() throws Exception {
    List<MatchedError> names = new ArrayList<>();
    AslFixtures.MAPPER.readTree(ASL_FILE.toFile()).path("States").fields().forEachRemaining(state -> {
      for (String handling : List.of("Retry", "Catch")) {
        for (JsonNode rule : state.getValue().path(handling)) {
          for (JsonNode error : rule.path("ErrorEquals")) {
            if (SERVICE_ERROR_PREFIXES.stream().noneMatch(error.asText()::startsWith)) {
              names.add(new MatchedError(state.getKey(), state.getValue().path("Resource").asText(), error.asText()));
            }
          }
        }
      }
    });
    return names;
  }

  @Test
  void everyOwnErrorNameRetriedOrCaught_isAThrowableInTheJarDeployedBehindThatTask() throws Exception {
    List<MatchedError> ownNames = ownErrorNames();

    assertThat(ownNames).as("the upsert retries TransientDatabaseException by class name").isNotEmpty();
    for (MatchedError error : ownNames) {
      Path jar = DEPLOYED_JAR_BY_RESOURCE.get(error.resource());
      assertThat(jar).as("state %s matches %s, but no jar of ours runs behind %s", error.state(), error.name(),
          error.resource()).isNotNull();
      assertThat(jar).as("the deployed jar; build it with `mvn -B -ntp verify -pl local-runtime -am`").isRegularFile();
      try (JarFile deployed = new JarFile(jar.toFile())) {
        assertThat(deployed.getEntry(error.name().replace('.', '/') + ".class"))
            .as("state %s matches %s, which is no class in %s", error.state(), error.name(), jar)
            .isNotNull();
      }
      try (URLClassLoader deployedOnly = new URLClassLoader(new URL[] {jar.toUri().toURL()},
          ClassLoader.getPlatformClassLoader())) {
        assertThat(Throwable.class.isAssignableFrom(Class.forName(error.name(), false, deployedOnly)))
            .as("state %s matches %s, a class in %s that is not a Throwable", error.state(), error.name(), jar)
            .isTrue();
      }
    }
  }
}
