package com.c360.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs executions of one {@link AslStateMachine} in the calling thread, with Step Functions' semantics for input and
 * output processing, Retry, Catch and the supported state types. Obtained from {@link AslStateMachine#bind}.
 */
public final class AslInterpreter {

  /** Local ARNs need a region and account; these say plainly that the execution never ran in AWS. */
  private static final String ARN_PREFIX = "arn:aws:states:local:000000000000:";
  private static final int MAX_EXECUTION_NAME_LENGTH = 80;
  private static final String FORBIDDEN_NAME_CHARACTERS = "<>{}[]?*\"#%\\^|~`$&,;:/";

  private final String stateMachineName;
  private final DefinitionParser.Definition definition;
  private final Map<String, TaskHandler> handlersByResource;
  private final ExecutionListener listener;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Set<String> startedExecutionNames = new HashSet<>();

  AslInterpreter(String stateMachineName, DefinitionParser.Definition definition,
      Map<String, TaskHandler> handlersByResource, ExecutionListener listener, Sleeper sleeper, Clock clock) {
    this.stateMachineName = stateMachineName;
    this.definition = definition;
    this.handlersByResource = handlersByResource;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public String stateMachineArn() {
    return ARN_PREFIX + "stateMachine:" + stateMachineName;
  }

  public String executionArn(String executionName) {
    return ARN_PREFIX + "execution:" + stateMachineName + ":" + executionName;
  }

  /**
   * Runs an execution to its end and returns how it ended.
   *
   * @throws InvalidExecutionNameException when the name breaks the StartExecution naming rules
   * @throws ExecutionAlreadyExistsException when an execution of that name was already started here
   */
  public ExecutionResult start(String executionName, JsonNode input) throws InterruptedException {
    validateExecutionName(executionName);
    Objects.requireNonNull(input, "input");
    synchronized (startedExecutionNames) {
      if (!startedExecutionNames.add(executionName)) {
        throw new ExecutionAlreadyExistsException(stateMachineName, executionName);
      }
    }
    ContextObject.ExecutionIdentity identity = new ContextObject.ExecutionIdentity(stateMachineName,
        stateMachineArn(), executionName, executionArn(executionName), input.deepCopy(), clock.instant());
    ExecutionResult result = new Execution(identity).run();
    listener.executionFinished(result);
    return result;
  }

  /**
   * StartExecution's naming rules, checked before an execution of that name can exist.
   *
   * @throws InvalidExecutionNameException when the name breaks them
   */
  public static void validateExecutionName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_EXECUTION_NAME_LENGTH) {
      throw new InvalidExecutionNameException(String.valueOf(name),
          "must be 1 to " + MAX_EXECUTION_NAME_LENGTH + " characters");
    }
    for (int i = 0; i < name.length(); i++) {
      char character = name.charAt(i);
      if (Character.isWhitespace(character) || Character.isSpaceChar(character)) {
        throw new InvalidExecutionNameException(name, "must not contain whitespace");
      }
      if (FORBIDDEN_NAME_CHARACTERS.indexOf(character) >= 0) {
        throw new InvalidExecutionNameException(name, "must not contain '" + character + "'");
      }
      if (Character.isISOControl(character)) {
        throw new InvalidExecutionNameException(name, "must not contain control characters");
      }
    }
  }

  /** The output a state hands on, and the state it hands it to ({@link Optional#empty()} ends the execution). */
  private record Step(JsonNode output, Optional<String> next) {}

  /** One execution's progress. */
  private final class Execution {
    private final ContextObject.ExecutionIdentity identity;
    private final List<String> visitedStates = new ArrayList<>();

    Execution(ContextObject.ExecutionIdentity identity) {
      this.identity = identity;
    }

    ExecutionResult run() throws InterruptedException {
      String stateName = definition.startAt();
      JsonNode stateInput = identity.input();
      while (true) {
        State state = definition.states().get(stateName);
        visitedStates.add(stateName);
        listener.stateEntered(stateName, stateInput);
        Step step;
        try {
          step = runState(state, stateInput, clock.instant());
        } catch (StateFailure failure) {
          return ExecutionResult.failure(identity.executionName(), failure.error(), failure.cause(), visitedStates);
        }
        listener.stateExited(stateName, step.output());
        if (step.next().isEmpty()) {
          return ExecutionResult.success(identity.executionName(), step.output(), visitedStates);
        }
        stateName = step.next().get();
        stateInput = step.output();
      }
    }

    private Step runState(State state, JsonNode input, Instant entered) throws StateFailure, InterruptedException {
      if (state instanceof State.Task task) {
        return runTask(task, input, entered);
      }
      JsonNode context = ContextObject.of(identity, state.name(), entered, 0);
      if (state instanceof State.Pass pass) {
        return runPass(pass, input, context);
      }
      if (state instanceof State.Choice choice) {
        return runChoice(choice, input, context);
      }
      if (state instanceof State.Wait wait) {
        return runWait(wait, input, context);
      }
      if (state instanceof State.Succeed succeed) {
        return new Step(outputPath(succeed.io(), inputPath(succeed.io(), input)), Optional.empty());
      }
      State.Fail fail = (State.Fail) state;
      throw new StateFailure(
          failText(fail.error(), fail.errorPath(), input, context),
          failText(fail.cause(), fail.causePath(), input, context));
    }

    private Step runTask(State.Task task, JsonNode input, Instant entered)
        throws StateFailure, InterruptedException {
      int[] retriesByRetrier = new int[task.retriers().size()];
      int retryCount = 0;
      while (true) {
        try {
          return new Step(attemptTask(task, input, entered, retryCount), task.next());
        } catch (StateFailure failure) {
          if (failure.isTerminal()) {
            throw failure;
          }
          int retrier = firstMatchingRetrier(task.retriers(), failure.error());
          if (retrier >= 0 && retriesByRetrier[retrier] < task.retriers().get(retrier).maxAttempts()) {
            Duration delay = task.retriers().get(retrier).delayBeforeRetry(retriesByRetrier[retrier]);
            retriesByRetrier[retrier]++;
            retryCount++;
            listener.taskRetry(task.name(), failure.error(), retriesByRetrier[retrier], delay);
            sleeper.sleep(delay);
            continue;
          }
          Catcher catcher = task.catchers().stream()
              .filter(candidate -> candidate.matches(failure.error()))
              .findFirst()
              .orElseThrow(() -> failure);
          ObjectNode errorOutput = JsonNodeFactory.instance.objectNode()
              .put("Error", failure.error())
              .put("Cause", failure.cause());
          return new Step(resultPath(catcher.resultPath(), input, errorOutput), Optional.of(catcher.next()));
        }
      }
    }

    private int firstMatchingRetrier(List<Retrier> retriers, String error) {
      for (int i = 0; i < retriers.size(); i++) {
        if (retriers.get(i).matches(error)) {
          return i;
        }
      }
      return -1;
    }

    private JsonNode attemptTask(State.Task task, JsonNode input, Instant entered, int retryCount)
        throws StateFailure {
      JsonNode context = ContextObject.of(identity, task.name(), entered, retryCount);
      JsonNode effectiveInput = inputPath(task.io(), input);
      JsonNode parameters = task.parameters().isPresent()
          ? task.parameters().get().resolve(effectiveInput, context)
          : effectiveInput;
      TaskContext taskContext =
          new TaskContext(identity.executionArn(), identity.executionName(), task.name(), retryCount);
      JsonNode result;
      try {
        result = handlersByResource.get(task.resource()).invoke(task.resource(), parameters, taskContext);
      } catch (TaskFailedException taskFailure) {
        throw new StateFailure(taskFailure.error(), taskFailure.cause());
      }
      JsonNode taskResult = result == null ? NullNode.instance : result;
      JsonNode selected = task.resultSelector().isPresent()
          ? task.resultSelector().get().resolve(taskResult, context)
          : taskResult;
      return outputPath(task.io(), resultPath(task.resultPath(), input, selected));
    }

    private Step runPass(State.Pass pass, JsonNode input, JsonNode context) throws StateFailure {
      JsonNode effectiveInput = inputPath(pass.io(), input);
      JsonNode parameters = pass.parameters().isPresent()
          ? pass.parameters().get().resolve(effectiveInput, context)
          : effectiveInput;
      JsonNode result = pass.result().<JsonNode>map(JsonNode::deepCopy).orElse(parameters);
      return new Step(outputPath(pass.io(), resultPath(pass.resultPath(), input, result)), pass.next());
    }

    private Step runChoice(State.Choice choice, JsonNode input, JsonNode context) throws StateFailure {
      JsonNode effectiveInput = inputPath(choice.io(), input);
      for (ChoiceRule.Branch branch : choice.branches()) {
        if (branch.rule().matches(effectiveInput, context)) {
          return new Step(outputPath(choice.io(), effectiveInput), Optional.of(branch.next()));
        }
      }
      String defaultNext = choice.defaultNext().orElseThrow(() -> new StateFailure(StateFailure.NO_CHOICE_MATCHED,
          "No choice rule of state '" + choice.name() + "' matched the input " + effectiveInput
              + " and it has no Default"));
      return new Step(outputPath(choice.io(), effectiveInput), Optional.of(defaultNext));
    }

    private Step runWait(State.Wait wait, JsonNode input, JsonNode context)
        throws StateFailure, InterruptedException {
      JsonNode effectiveInput = inputPath(wait.io(), input);
      long seconds;
      if (wait.seconds().isPresent()) {
        seconds = wait.seconds().get();
      } else {
        ReferencePath path = wait.secondsPath().orElseThrow();
        JsonNode value = path.read(effectiveInput, context).orElseThrow(() -> StateFailure.runtime(
            "Invalid path '" + path + "' for SecondsPath: no value at that path in " + effectiveInput));
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
          throw StateFailure.runtime("SecondsPath '" + path + "' must select a non-negative integer, not " + value);
        }
        seconds = value.longValue();
      }
      sleeper.sleep(Duration.ofSeconds(seconds));
      return new Step(outputPath(wait.io(), effectiveInput), wait.next());
    }

    private String failText(Optional<String> literal, Optional<ReferencePath> path, JsonNode input,
        JsonNode context) throws StateFailure {
      if (path.isEmpty()) {
        return literal.orElse(null);
      }
      JsonNode value = path.get().read(input, context).orElseThrow(() -> StateFailure.runtime(
          "Invalid path '" + path.get() + "': no value at that path in " + input));
      if (!value.isTextual()) {
        throw StateFailure.runtime("The path '" + path.get() + "' must select a string, not " + value);
      }
      return value.textValue();
    }
  }

  private static JsonNode inputPath(State.IoPaths io, JsonNode input) throws StateFailure {
    return select(io.inputPath(), "InputPath", input);
  }

  private static JsonNode outputPath(State.IoPaths io, JsonNode output) throws StateFailure {
    return select(io.outputPath(), "OutputPath", output);
  }

  private static JsonNode select(Optional<ReferencePath> path, String field, JsonNode value) throws StateFailure {
    if (path.isEmpty()) {
      return JsonNodeFactory.instance.objectNode();
    }
    return path.get().read(value, NullNode.instance).orElseThrow(() -> StateFailure.runtime(
        "Invalid path '" + path.get() + "' for " + field + ": no value at that path in " + value));
  }

  private static JsonNode resultPath(Optional<ReferencePath> path, JsonNode input, JsonNode result)
      throws StateFailure {
    if (path.isEmpty()) {
      return input;
    }
    try {
      return path.get().writeInto(input, result);
    } catch (ReferencePath.ResultPathMismatchException mismatch) {
      throw new StateFailure(StateFailure.RESULT_PATH_MATCH_FAILURE, mismatch.getMessage());
    }
  }
}
