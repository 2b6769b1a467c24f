package com.c360.local.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * A profile of how many Spark tasks ran at once over a timed interval: the part of a job's wall time during which
 * fewer tasks ran than there are cores is what bounds its speed-up from more cores, whatever the tasks do. Registered
 * on the session before the job; read after {@code SparkSession.stop()}, which delivers every queued event.
 */
public final class TaskConcurrency extends SparkListener {
    private static final String PROFILE_PREFIX = "task_concurrency=";
    private static final String STAGE_PREFIX = "slow_stage=";
    private final ConcurrentLinkedQueue<Interval> tasks = new ConcurrentLinkedQueue<>();
    private final Map<Integer, List<Interval>> tasksByStage = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<StageInfo> stages = new ConcurrentLinkedQueue<>();

    /** One task's run, in epoch milliseconds. */
    public record Interval(long startMillis, long endMillis) {
        long millis() {
            return endMillis - startMillis;
        }
    }

    /** A completed stage: its wall time from the first task's start to the last task's end, and its tasks' time. */
    public record Stage(String name, int tasks, long wallMillis, long taskMillis) {
    }

    /**
     * @param millisAtConcurrency wall milliseconds during which exactly k tasks ran, for k = 0 .. cores (more are
     *                            counted at cores)
     * @param slowestStages       the stages with the longest wall time, longest first
     */
    public record Profile(int cores, long wallMillis, long[] millisAtConcurrency, long taskMillis,
            List<Stage> slowestStages) {
        /** The share of the wall time during which some core had no task. */
        public double underusedShare() {
            return wallMillis == 0 ? 0 : (double) (wallMillis - millisAtConcurrency[cores]) / wallMillis;
        }

        /** How a child JVM prints it for {@link #parse}. */
        public List<String> toLines() {
            List<String> lines = new ArrayList<>();
            lines.add(PROFILE_PREFIX + cores + ";" + wallMillis + ";" + taskMillis + ";"
                    + String.join(",", Arrays.stream(millisAtConcurrency).mapToObj(Long::toString).toList()));
            slowestStages.forEach(stage -> lines.add(STAGE_PREFIX + stage.wallMillis() + ";" + stage.tasks() + ";"
                    + stage.taskMillis() + ";" + stage.name()));
            return lines;
        }

        public static Profile parse(List<String> output) {
            String[] totals = ChildJvm.line(output, PROFILE_PREFIX).split(";");
            long[] atConcurrency = Arrays.stream(totals[3].split(",")).mapToLong(Long::parseLong).toArray();
            List<Stage> stages = output.stream().filter(line -> line.startsWith(STAGE_PREFIX))
                    .map(line -> line.substring(STAGE_PREFIX.length()).split(";", 4))
                    .map(f -> new Stage(f[3], Integer.parseInt(f[1]), Long.parseLong(f[0]), Long.parseLong(f[2])))
                    .toList();
            return new Profile(Integer.parseInt(totals[0]), Long.parseLong(totals[1]), atConcurrency,
                    Long.parseLong(totals[2]), stages);
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        Interval interval = new Interval(taskEnd.taskInfo().launchTime(), taskEnd.taskInfo().finishTime());
        tasks.add(interval);
        tasksByStage.computeIfAbsent(taskEnd.stageId(), stage -> new ArrayList<>()).add(interval);
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted stageCompleted) {
        stages.add(stageCompleted.stageInfo());
    }

    /** The tasks seen between the two instants (epoch milliseconds), on a session of {@code cores} cores. */
    public Profile profile(long fromMillis, long toMillis, int cores, int stagesToList) {
        List<Stage> slowest = new ArrayList<>();
        for (StageInfo stage : stages) {
            List<Interval> ofStage = tasksByStage.getOrDefault(stage.stageId(), List.of());
            if (!ofStage.isEmpty()) {
                long first = ofStage.stream().mapToLong(Interval::startMillis).min().orElseThrow();
                long last = ofStage.stream().mapToLong(Interval::endMillis).max().orElseThrow();
                slowest.add(new Stage(firstLine(stage.name()), ofStage.size(), last - first,
                        ofStage.stream().mapToLong(Interval::millis).sum()));
            }
        }
        slowest.sort(Comparator.comparingLong(Stage::wallMillis).reversed());
        return profile(List.copyOf(tasks), fromMillis, toMillis, cores,
                slowest.subList(0, Math.min(stagesToList, slowest.size())));
    }

    static Profile profile(List<Interval> tasks, long fromMillis, long toMillis, int cores, List<Stage> slowest) {
        // Sweep over task starts (+1) and ends (-1), clipped to the timed interval.
        TreeMap<Long, Integer> changes = new TreeMap<>();
        long taskMillis = 0;
        for (Interval task : tasks) {
            long start = Math.max(task.startMillis(), fromMillis);
            long end = Math.min(task.endMillis(), toMillis);
            if (end > start) {
                changes.merge(start, 1, Integer::sum);
                changes.merge(end, -1, Integer::sum);
                taskMillis += end - start;
            }
        }
        changes.putIfAbsent(toMillis, 0);
        long[] atConcurrency = new long[cores + 1];
        int running = 0;
        long previous = fromMillis;
        for (Map.Entry<Long, Integer> change : changes.entrySet()) {
            atConcurrency[Math.min(running, cores)] += change.getKey() - previous;
            running += change.getValue();
            previous = change.getKey();
        }
        return new Profile(cores, toMillis - fromMillis, atConcurrency, taskMillis, slowest);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
