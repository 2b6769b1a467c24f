package com.c360.local;

import com.c360.contract.DatabaseArguments;
import com.c360.contract.DatabaseLogin;
import com.c360.contract.LakeLayout;
import com.c360.contract.FeedLayout;
import com.c360.contract.LakeRoots;
import com.c360.contract.TableCatalog;
import com.c360.contract.ReplayRequest;
import com.c360.contract.UploadOrder;
import com.c360.glue.silver.IngestionAudit;
import com.c360.glue.silver.ReplayRecord;
import com.c360.lambda.db.DatabaseCredentials;
import com.c360.contract.ExecutionInput;
import com.c360.lambda.trigger.ExecutionNames;
import com.c360.lambda.trigger.ExecutionStarter;
import com.c360.lambda.trigger.InvalidEventRecordException;
import com.c360.lambda.trigger.TriggerHandler;
import com.c360.lambda.trigger.TriggerResult;
import com.c360.lambda.upsert.UpsertHandler;
import com.c360.local.asl.AslInterpreter;
import com.c360.local.asl.AslStateMachine;
import com.c360.local.asl.ExecutionListener;
import com.c360.local.asl.ExecutionResult;
import com.c360.local.aws.JobRunQueue;
import com.c360.local.aws.LocalDeployment;
import com.c360.local.aws.LocalGlueJobs;
import com.c360.local.aws.LocalLambdaContext;
import com.c360.local.aws.LocalLambdaFunctions;
import com.c360.local.aws.LocalSnsTopic;
import com.c360.local.aws.LocalStepFunctions;
import com.c360.local.aws.S3Events;
import com.c360.local.aws.TaskInterceptor;
import com.c360.local.db.LocalDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Drives local ingestions through the deployed artifacts: the upload lands in the local bronze bucket, a real-shaped
 * S3 event goes to the trigger handler, whose StartExecution runs the ASL file with Glue jobs and the upsert handler
 * in-process. One SparkSession serves every job of every file the pipeline ingests.
 *
 * <p>Each ingestion deploys the pipeline afresh with that ingestion's job arguments, the way a redeploy changes the
 * jobs' default arguments on AWS: an {@code --fx} file is the FX path of that ingestion's jobs only.
 */
public final class LocalPipeline implements AutoCloseable {
    private static final DateTimeFormatter REPLAY_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalLake lake;
    private final Path home;
    private final PrintStream console;
    private final int sparkCores;
    private final LakeRoots lakeRoots;
    private final DatabaseArguments databaseArguments;
    private final UpsertHandler upsert;
    private final AslStateMachine stateMachine;
    private final StageProgress progress;
    private final JobRunQueue jobRunQueue = JobRunQueue.forJobs(LocalDeployment.PREFIX);
    private final TaskInterceptor interceptor;
    private SparkSession spark;

    private LocalPipeline(RepoLayout repo, Path home, LocalDatabase database, PrintStream console, int sparkCores,
            TaskInterceptor interceptor) throws IOException {
        this.interceptor = interceptor;
        this.lake = LocalLake.inHome(home);
        this.home = home;
        this.console = console;
        this.sparkCores = sparkCores;
        lake.publishReference(repo.defaultFxRates(), repo.feeds());
        this.lakeRoots = new LakeRoots(lake.uri(LocalLake.BRONZE), lake.uri(LocalLake.SILVER),
                lake.uri(LocalLake.GOLD), lake.uri(LocalLake.QUARANTINE), lake.uri(LocalLake.AUDIT),
                lake.fxRates().toUri().toString(), lake.feeds().toUri().toString());
        // Gold→RDS gets the login as job arguments, the local stand-in for the RDS secret it reads on AWS.
        DatabaseLogin login = new DatabaseLogin(database.jdbcUrl(), database.user(), database.password().orElse(null));
        this.databaseArguments = DatabaseArguments.login(login);
        this.upsert = new UpsertHandler(new DatabaseCredentials(login.jdbcUrl(), login.user(), login.password()));
        this.stateMachine = AslStateMachine.load(repo.stateMachineDefinition(),
                LocalDeployment.definitionSubstitutions());
        this.progress = new StageProgress(console);
    }

    /**
     * One pipeline per CLI command, shared by all the files it ingests, with Spark on {@code sparkCores} cores;
     * progress lines go to {@code console}.
     */
    public static LocalPipeline open(Path home, LocalDatabase database, PrintStream console, int sparkCores) {
        return open(RepoLayout.locate(), home, database, console, sparkCores);
    }

    /** For a checkout found elsewhere, with Spark on every core of this machine. */
    public static LocalPipeline open(RepoLayout repo, Path home, LocalDatabase database, PrintStream console) {
        return open(repo, home, database, console, LocalSpark.machineCores());
    }

    /** With every Glue job run and Lambda invocation going through {@code interceptor}: faults, in the tests. */
    public static LocalPipeline open(RepoLayout repo, Path home, LocalDatabase database, PrintStream console,
            TaskInterceptor interceptor) {
        return open(repo, home, database, console, LocalSpark.machineCores(), interceptor);
    }

    private static LocalPipeline open(RepoLayout repo, Path home, LocalDatabase database, PrintStream console,
            int sparkCores) {
        return open(repo, home, database, console, sparkCores, TaskInterceptor.NONE);
    }

    private static LocalPipeline open(RepoLayout repo, Path home, LocalDatabase database, PrintStream console,
            int sparkCores, TaskInterceptor interceptor) {
        try {
            return new LocalPipeline(repo, home, database, console, sparkCores, interceptor);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + repo.stateMachineDefinition(), e);
        }
    }

    /**
     * The state machine with the Glue jobs, the upsert function and the alert topic, as deployed for one ingestion:
     * an {@code --fx} file is the FX path of that ingestion's jobs only.
     */
    private LocalStepFunctions deploy(Optional<Path> fxFile) {
        LakeRoots roots = fxFile.map(fx -> lakeRoots.withFxPath(fx.toAbsolutePath().toUri().toString()))
                .orElse(lakeRoots);
        Map<String, String> jobDefaults = new LinkedHashMap<>(roots.toGlueArguments());
        jobDefaults.putAll(TableCatalog.local().toGlueArguments());
        jobDefaults.putAll(databaseArguments.toGlueArguments());
        AslInterpreter interpreter = stateMachine.bind(Map.of(
                        LocalDeployment.GLUE_RUN_JOB_SYNC,
                        interceptor.wrap(new LocalGlueJobs(LocalDeployment.PREFIX, jobDefaults, this::spark,
                                jobRunQueue)),
                        LocalDeployment.LAMBDA_INVOKE,
                        interceptor.wrap(new LocalLambdaFunctions(Map.of(LocalDeployment.UPSERT_FUNCTION, upsert))),
                        LocalDeployment.SNS_PUBLISH,
                        new LocalSnsTopic(home.resolve("alerts"), console)),
                progress);
        return new LocalStepFunctions(interpreter, home.resolve("executions"));
    }

    /** An object put into bronze, with the S3 event that announces it: deliverable now, late, or more than once. */
    public record Upload(String file, LocalLake.StoredObject object, Optional<Path> fxFile) {
    }

    /**
     * Uploads {@code csvFile} as a new object version, under {@code year=/month=/day=} when a date is given (the
     * trigger then takes the ingestion date from the key), and runs the execution the trigger starts.
     */
    public IngestReport ingest(Path csvFile, Optional<LocalDate> ingestionDate, Optional<Path> fxFile) {
        return ingest(csvFile, ingestionDate, fxFile, FeedLayout.DEFAULT_FEED);
    }

    /** {@link #ingest(Path, Optional, Optional)} as a file of {@code feed}: under that feed's folder in bronze. */
    public IngestReport ingest(Path csvFile, Optional<LocalDate> ingestionDate, Optional<Path> fxFile, String feed) {
        Instant started = Instant.now();
        String file = csvFile.toString();
        if (!Files.isRegularFile(csvFile)) {
            return failed(file, null, started, "no such file: " + csvFile);
        }
        if (fxFile.isPresent() && !Files.isRegularFile(fxFile.get())) {
            return failed(file, null, started, "no such FX file: " + fxFile.get());
        }
        return deliver(upload(csvFile, ingestionDate, fxFile, feed));
    }

    /** Puts the file into bronze; its event is sent by {@link #deliver}. Uploads are numbered in the order made. */
    public Upload upload(Path csvFile, Optional<LocalDate> ingestionDate, Optional<Path> fxFile) {
        return upload(csvFile, ingestionDate, fxFile, FeedLayout.DEFAULT_FEED);
    }

    private Upload upload(Path csvFile, Optional<LocalDate> ingestionDate, Optional<Path> fxFile, String feed) {
        String fileName = csvFile.getFileName().toString();
        String key = FeedLayout.underFeed(feed,
                ingestionDate.map(day -> LakeLayout.bronzeKey(day, fileName)).orElse("incoming/" + fileName));
        LocalLake.StoredObject object = lake.upload(csvFile, key);
        console.printf("%s -> s3://%s/%s (version %s)%n", csvFile, object.bucket(), key, object.versionId());
        return new Upload(csvFile.toString(), object, fxFile);
    }

    /**
     * Sends the upload's S3 event to the trigger and runs the execution it starts, on this thread: deliveries on
     * several threads run at once, as concurrent executions do on AWS. Delivering an event again starts nothing.
     */
    public IngestReport deliver(Upload upload) {
        Instant started = Instant.now();
        LocalStepFunctions stepFunctions = deploy(upload.fxFile());
        progress.clearStageSeconds();
        TriggerResult triggered;
        try {
            triggered = new TriggerHandler(stepFunctions).handleRequest(S3Events.objectCreated(upload.object()),
                    LocalLambdaContext.forFunction(LocalDeployment.PREFIX + "-trigger"));
        } catch (InvalidEventRecordException rejected) {
            return failed(upload.file(), null, started, rejected.getMessage());
        }
        if (triggered.started().isEmpty()) {
            return failed(upload.file(), null, started, triggered.skippedKeys().isEmpty()
                    ? "duplicate delivery: the execution for this object version already exists"
                    : "the trigger skipped " + upload.object().key() + ": only .csv objects start the pipeline");
        }
        TriggerResult.Execution execution = triggered.started().get(0);
        return report(upload.file(), execution.name(), execution.ingestionDate(), execution.key(),
                stepFunctions.result(execution.name()).orElseThrow(), started);
    }

    /**
     * Runs a finished execution again with its input, under a new name: what an operator does after a failure that
     * a retry did not cure ({@code aws stepfunctions start-execution --name <name>-rerun-1 --input <its input>}).
     * Every stage is idempotent, so a re-run converges whatever the first run had committed.
     */
    public IngestReport rerun(String executionName, Optional<Path> fxFile) {
        Instant started = Instant.now();
        LocalStepFunctions stepFunctions = deploy(fxFile);
        progress.clearStageSeconds();
        ExecutionInput input = stepFunctions.input(executionName)
                .orElseThrow(() -> new IllegalArgumentException("no execution named " + executionName));
        for (int attempt = 1; ; attempt++) {
            String suffix = "-rerun-" + attempt;
            String name = executionName.substring(0, Math.min(executionName.length(),
                    ExecutionNames.MAX_LENGTH - suffix.length())) + suffix;
            if (stepFunctions.start(name, input.toJson()) == ExecutionStarter.StartOutcome.STARTED) {
                return report(executionName, name, input.ingestionDate(), input.key(),
                        stepFunctions.result(name).orElseThrow(), started);
            }
        }
    }

    /**
     * Replays the quarantined rows {@code selector} and {@code value} name (see {@link ReplayRequest}) through the
     * current FX table ({@code fxFile}, else the lake's) and feed contracts: an execution of the same state machine,
     * whose input's key is the replay's, started as an operator starts one on AWS.
     */
    public ReplayReport replay(ReplayRequest.Selector selector, String value, Optional<Path> fxFile) {
        Instant started = Instant.now();
        String replayId = REPLAY_ID.format(started) + "-" + HexFormat.of().toHexDigits((short) RANDOM.nextInt());
        ReplayRequest request = new ReplayRequest(selector, value, replayId);
        LocalStepFunctions stepFunctions = deploy(fxFile);
        progress.clearStageSeconds();
        ExecutionInput input = new ExecutionInput(LocalLake.BRONZE_BUCKET, request.key(), null,
                LocalDate.ofInstant(started, ZoneOffset.UTC).toString(), UploadOrder.of(started, null));
        stepFunctions.start(request.executionName(), input.toJson());
        ExecutionResult result = stepFunctions.result(request.executionName()).orElseThrow();
        Path record = Path.of(java.net.URI.create(LakeLayout.replayRecord(lake.uri(LocalLake.QUARANTINE), replayId)));
        Optional<ReplayRecord> replayed = Files.exists(record)
                ? Optional.of(ReplayRecord.read(record.toUri().toString(), new Configuration()))
                : Optional.empty();
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return new ReplayReport(request.executionName(), result.succeeded(), replayed,
                result.succeeded() ? result.output().path("stages").path("upsert").path("customersUpserted").asLong() : 0,
                seconds, result.succeeded() ? null : result.error() + ": " + result.cause());
    }

    private IngestReport report(String file, String executionName, String ingestionDate, String key,
            ExecutionResult result, Instant started) {
        Optional<IngestionAudit> audit = audit(executionName, ingestionDate, key);
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return new IngestReport(file, executionName, result.succeeded(),
                audit.map(a -> a.accounting().rowsRead()).orElse(0L),
                audit.map(a -> a.accounting().rowsValid()).orElse(0L),
                audit.map(a -> a.accounting().rowsQuarantined()).orElse(0L),
                audit.map(a -> a.accounting().duplicatesCollapsed()).orElse(0L),
                result.succeeded() ? result.output().path("stages").path("upsert").path("customersUpserted").asLong() : 0,
                seconds,
                progress.stageSeconds(),
                result.succeeded() ? null : result.error() + ": " + result.cause());
    }

    /** The run report bronze→silver wrote for the execution {@code executionName}, if it got that far. */
    public Optional<IngestionAudit> runReport(String executionName) {
        return executionName == null ? Optional.empty() : new RunReports(lake).of(executionName);
    }

    /** This execution's own record only: a record left by an earlier run of the same key says nothing about it. */
    private Optional<IngestionAudit> audit(String executionName, String ingestionDate, String key) {
        Path record = Path.of(java.net.URI.create(LakeLayout.auditRecord(lake.uri(LocalLake.AUDIT),
                LocalDate.parse(ingestionDate), LakeLayout.sourceFileId(key))));
        if (!Files.exists(record)) {
            return Optional.empty();
        }
        return Optional.of(IngestionAudit.read(record.toUri().toString(), new Configuration()))
                .filter(a -> executionName.equals(a.runId()));
    }

    private static IngestReport failed(String file, String executionName, Instant started, String error) {
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return new IngestReport(file, executionName, false, 0, 0, 0, 0, 0, seconds, Map.of(), error);
    }

    /**
     * Starts the shared SparkSession now rather than inside the first Glue job, so that job's stage time (e.g. in a
     * benchmark) does not include the session's start-up. Returns that session, e.g. for a benchmark to seed tables.
     */
    public SparkSession startSpark() {
        return spark();
    }

    private synchronized SparkSession spark() {
        if (spark == null) {
            spark = LocalSpark.start("c360-local", sparkCores);
        }
        return spark;
    }

    @Override
    public synchronized void close() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }

    /**
     * One line as each state starts and ends, so a long run shows where it is; the same wall times, per state in the
     * order the states ran, go into the run's {@link IngestReport}.
     */
    private static final class StageProgress implements ExecutionListener {
        private static final double NANOS_PER_SECOND = 1e9;

        private final PrintStream console;
        // Each execution runs on the thread that delivered its event, so per-thread maps keep concurrent ones apart.
        private final ThreadLocal<Map<String, Long>> enteredAtNanos = ThreadLocal.withInitial(HashMap::new);
        private final ThreadLocal<Map<String, Double>> stageSeconds = ThreadLocal.withInitial(LinkedHashMap::new);

        StageProgress(PrintStream console) {
            this.console = console;
        }

        /** A thread runs one execution at a time, so forgetting its previous one's stages leaves the next one's. */
        void clearStageSeconds() {
            stageSeconds.get().clear();
        }

        Map<String, Double> stageSeconds() {
            return new LinkedHashMap<>(stageSeconds.get());
        }

        @Override
        public void stateEntered(String stateName, JsonNode input) {
            enteredAtNanos.get().put(stateName, System.nanoTime());
            console.printf("  %-16s started%n", stateName);
        }

        @Override
        public void stateExited(String stateName, JsonNode output) {
            long now = System.nanoTime();
            double seconds = (now - enteredAtNanos.get().getOrDefault(stateName, now)) / NANOS_PER_SECOND;
            stageSeconds.get().merge(stateName, seconds, Double::sum);
            console.printf(Locale.ROOT, "  %-16s done in %.1f s%n", stateName, seconds);
        }

        @Override
        public void taskRetry(String stateName, String error, int retryNumber, Duration delay) {
            console.printf("  %-16s retry %d after %s (%s)%n", stateName, retryNumber, delay, error);
        }
    }
}
