package com.c360.local.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.aws.LocalDeployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The npm asl-validator, an engine independent of ours, checks the definition CDK deploys. */
class AslValidatorIT {

  private static final Path ASL_FILE = Path.of("..", "statemachine", "c360-pipeline.asl.json");
  private static final String VALIDATOR = "node_modules/asl-validator/dist/bin/asl-validator.js";

  @BeforeAll
  static void requireEngines() {
    NpmEngines.assertInstalled();
  }

  private static NpmEngines.Outcome validate(String definition) throws Exception {
    return NpmEngines.node("", VALIDATOR, "--json-definition", definition);
  }

  @Test
  void definitionAsWritten_withItsPlaceholders_isValid() throws Exception {
    NpmEngines.Outcome outcome = validate(Files.readString(ASL_FILE, StandardCharsets.UTF_8));

    assertThat(outcome.exitCode()).as("asl-validator: %s%s", outcome.stdout(), outcome.stderr()).isZero();
  }

  @Test
  void definitionAfterTheLocalRuntimesSubstitutions_isValid() throws Exception {
    String substituted = Placeholders.substitute(Files.readString(ASL_FILE, StandardCharsets.UTF_8),
        LocalDeployment.definitionSubstitutions());

    NpmEngines.Outcome outcome = validate(substituted);

    assertThat(Placeholders.anyIn(substituted)).as("a placeholder is left in %s", substituted).isFalse();
    assertThat(outcome.exitCode()).as("asl-validator: %s%s", outcome.stdout(), outcome.stderr()).isZero();
  }

  @Test
  void definitionWithATransitionToNoState_isRejectedNamingIt() throws Exception {
    String broken = Files.readString(ASL_FILE, StandardCharsets.UTF_8)
        .replace("\"Next\": \"SilverToGold\"", "\"Next\": \"SilverToGlod\"");

    NpmEngines.Outcome outcome = validate(broken);

    assertThat(outcome.exitCode()).isNotZero();
    assertThat(outcome.stdout() + outcome.stderr()).contains("MISSING_TRANSITION_TARGET").contains("SilverToGlod");
  }
}
