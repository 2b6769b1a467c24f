// Runs one scripted scenario of a state machine definition through aws-local-stepfunctions and prints its trace as
// JSON on stdout. Read by local-runtime's AslEngineDifferentialIT, which runs the same scenario through c360's own
// interpreter and compares the traces.
//
// stdin: {"definition": {...substituted ASL...}, "input": {...}, "context": {...context object...},
//         "tasks": {"<Task state name>": [outcome, ...]}}
// An outcome is {"result": <JSON>} or {"error": "<name>", "cause": "<text>"}; each invocation of the state takes the
// next outcome, and the last one repeats for every later invocation.
//
// stdout: {"statesEntered": [...], "taskCalls": [{"state", "parameters"}], "status": "SUCCEEDED"|"FAILED",
//          "error", "cause", "output"}
import { StateMachine } from 'aws-local-stepfunctions';

const scenario = JSON.parse(await readStdin());

const taskCalls = [];
const taskResourceLocalHandlers = {};
const retryIntervalOverrides = {};
for (const [stateName, state] of Object.entries(scenario.definition.States)) {
  if (state.Retry) {
    retryIntervalOverrides[stateName] = 0;
  }
  if (state.Type !== 'Task') {
    continue;
  }
  const outcomes = scenario.tasks[stateName];
  if (!outcomes || outcomes.length === 0) {
    throw new Error(`The scenario scripts no outcome for Task state '${stateName}'`);
  }
  let invocations = 0;
  taskResourceLocalHandlers[stateName] = (parameters) => {
    taskCalls.push({ state: stateName, parameters });
    const outcome = outcomes[Math.min(invocations++, outcomes.length - 1)];
    if ('error' in outcome) {
      const failure = new Error(outcome.cause);
      failure.name = outcome.error;
      throw failure;
    }
    return outcome.result;
  };
}

const execution = new StateMachine(scenario.definition).run(scenario.input, {
  overrides: { taskResourceLocalHandlers, retryIntervalOverrides },
  context: scenario.context,
});

const trace = { statesEntered: [], taskCalls, status: null, error: null, cause: null, output: null };
for await (const event of execution.eventLogs) {
  switch (event.type) {
    case 'StateEntered':
      trace.statesEntered.push(event.state.name);
      break;
    case 'ExecutionSucceeded':
      trace.status = 'SUCCEEDED';
      trace.output = event.output;
      break;
    case 'ExecutionFailed':
      trace.status = 'FAILED';
      trace.error = event.Error;
      trace.cause = event.Cause;
      break;
    default:
      break;
  }
}
await execution.result.catch(() => {}); // the failure is in the trace already
process.stdout.write(JSON.stringify(trace));

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
