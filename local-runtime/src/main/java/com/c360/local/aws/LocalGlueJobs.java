package com.c360.local.aws;

import com.c360.contract.GlueJob;
import com.c360.local.asl.TaskContext;
import com.c360.local.asl.TaskFailedException;
import com.c360.local.asl.TaskHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * {@code glue:startJobRun.sync} in-process: runs the job's main class from the glue-jobs jar with Glue-style
 * {@code --key value} arguments (the job's default arguments overlaid with the run's, as Glue merges them) in the
 * run's one SparkSession, and answers with a JobRun like Glue's. Like a deployed job, it has one set of default
 * arguments for its life. A run past the job's MaxConcurrentRuns waits in the pipeline's {@link JobRunQueue}.
 */
public final class LocalGlueJobs implements TaskHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> mainClassesByJobName;
    private final Map<String, String> defaultArguments;
    private final Supplier<SparkSession> spark;
    private final JobRunQueue runQueue;

    /**
     * @param defaultArguments as CDK sets them on the jobs, with or without the leading {@code --}
     * @param spark started on the first job run, so commands that run no job start no Spark
     * @param runQueue shared by every deployment of the pipeline, as each job's run limit is
     */
    public LocalGlueJobs(String prefix, Map<String, String> defaultArguments, Supplier<SparkSession> spark,
            JobRunQueue runQueue) {
        this(mainClassesByJobName(prefix), defaultArguments, spark, runQueue);
    }

    /** For tests, which run small stand-in main classes instead of the Spark jobs. */
    LocalGlueJobs(Map<String, String> mainClassesByJobName, Map<String, String> defaultArguments,
            Supplier<SparkSession> spark, JobRunQueue runQueue) {
        this.mainClassesByJobName = Map.copyOf(mainClassesByJobName);
        this.defaultArguments = Map.copyOf(defaultArguments);
        this.spark = spark;
        this.runQueue = runQueue;
    }

    /** The deployed job names for {@code prefix}, each with the main class CDK passes as {@code --class}. */
    static Map<String, String> mainClassesByJobName(String prefix) {
        return Arrays.stream(GlueJob.values())
                .collect(Collectors.toMap(job -> job.jobName(prefix), GlueJob::mainClass));
    }

    @Override
    public JsonNode invoke(String resource, JsonNode parameters, TaskContext context) throws TaskFailedException {
        String jobName = parameters.path("JobName").asText();
        String mainClass = mainClassesByJobName.get(jobName);
        if (mainClass == null) {
            throw new TaskFailedException("Glue.EntityNotFoundException", "Job " + jobName + " not found");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        defaultArguments.forEach((key, value) -> arguments.put(withoutDashes(key), value));
        arguments.put("JOB_NAME", jobName);
        parameters.path("Arguments").fields()
                .forEachRemaining(argument -> arguments.put(withoutDashes(argument.getKey()),
                        argument.getValue().isNull() ? "" : argument.getValue().asText()));

        String runId = "jr_" + UUID.randomUUID().toString().replace("-", "");
        try (JobRunQueue.Slot slot = takeSlot(jobName, runId)) {
            // Timed from leaving the queue: Glue's ExecutionTime counts only the time a run used resources.
            Instant started = Instant.now();
            spark.get();
            try {
                Class.forName(mainClass).getMethod("main", String[].class).invoke(null, (Object) argv(arguments));
            } catch (InvocationTargetException jobFailure) {
                Throwable failure = jobFailure.getCause();
                throw new TaskFailedException("States.TaskFailed",
                        jobRun(runId, jobName, "FAILED", started, failure.getClass().getSimpleName() + ": "
                                + failure.getMessage()).toString(), failure);
            } catch (ReflectiveOperationException notAJob) {
                throw new IllegalStateException("Glue job class " + mainClass + " has no main(String[])", notAJob);
            }
            return jobRun(runId, jobName, "SUCCEEDED", started, null);
        }
    }

    private JobRunQueue.Slot takeSlot(String jobName, String runId) {
        try {
            return runQueue.take(jobName);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while job run " + runId + " of " + jobName + " was queued", e);
        }
    }

    private static String withoutDashes(String key) {
        return key.replaceFirst("^--", "");
    }

    private static String[] argv(Map<String, String> arguments) {
        List<String> argv = new ArrayList<>();
        arguments.forEach((key, value) -> {
            argv.add("--" + key);
            argv.add(value);
        });
        return argv.toArray(String[]::new);
    }

    private static ObjectNode jobRun(String runId, String jobName, String state, Instant started, String error) {
        Instant completed = Instant.now();
        ObjectNode run = JSON.createObjectNode()
                .put("Id", runId)
                .put("JobName", jobName)
                .put("JobRunState", state)
                .put("StartedOn", started.toString())
                .put("CompletedOn", completed.toString())
                .put("ExecutionTime", Duration.between(started, completed).toSeconds());
        if (error != null) {
            run.put("ErrorMessage", error);
        }
        return run;
    }
}
