package com.c360.local.asl;

import static com.c360.local.asl.AslFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.local.asl.AslFixtures.RecordingSleeper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutionNameTest {

  private final AslInterpreter interpreter = AslFixtures.machine(
          "{\"StartAt\": \"Done\", \"States\": {\"Done\": {\"Type\": \"Succeed\"}}}")
      .bind(Map.of(), ExecutionListener.NONE, new RecordingSleeper(), AslFixtures.FIXED_CLOCK);

  @ParameterizedTest
  @ValueSource(strings = {"a", "c360-2024-05-01_0123456789abcdef", "ingest.v1=ok(1)",
      "x234567890123456789012345678901234567890123456789012345678901234567890123456789y"})
  void validName_startsExecution(String name) throws Exception {
    assertThat(interpreter.start(name, json("{}")).executionName()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "tab\there", "new\nline", "bell\u0007", "del\u007f", "c1\u0085",
      "a<b", "a>b", "a{b", "a}b", "a[b", "a]b", "a?b", "a*b", "a\"b", "a#b", "a%b", "a\\b", "a^b", "a|b", "a~b",
      "a`b", "a$b", "a&b", "a,b", "a;b", "a:b", "a/b",
      "x234567890123456789012345678901234567890123456789012345678901234567890123456789yz"})
  void invalidName_isRejected(String name) {
    assertThatThrownBy(() -> interpreter.start(name, json("{}")))
        .isInstanceOf(InvalidExecutionNameException.class);
  }

  @Test
  void sameNameTwice_isRejectedAsAlreadyExisting() throws Exception {
    interpreter.start("run-1", json("{}"));

    assertThatThrownBy(() -> interpreter.start("run-1", json("{}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class)
        .hasMessageContaining("run-1");
  }
}
