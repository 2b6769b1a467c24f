package com.c360.local.bench;

import com.c360.local.RepoLayout;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The same bronze→silver job on 1 and on 2 Spark cores, each in a child JVM with this JVM's classpath and options
 * (./c360's jvm.options and classpath.txt, or the test's) confined to that many CPUs, each on a fresh lake; only the
 * job is timed.
 */
public final class CoreScaling {
    private static final long TIMEOUT_SECONDS = 3600;

    /**
     * One child: its bronze→silver seconds, how many tasks ran at once, and peak RSS.
     *
     * @param confined whether the child JVM could use only {@code cores} CPUs (else only Spark was limited)
     */
    public record Run(int cores, double seconds, boolean confined, TaskConcurrency.Profile concurrency,
            OptionalLong peakRssBytes) {
    }

    /** @param ratio one core's seconds over two cores' */
    public record Result(Run oneCore, Run twoCores) {
        public double ratio() {
            return oneCore.seconds() / twoCores.seconds();
        }
    }

    private CoreScaling() {
    }

    public static Result run(Path csv, Path work, RepoLayout repo) {
        return new Result(child(csv, work, repo, 1), child(csv, work, repo, 2));
    }

    private static Run child(Path csv, Path work, RepoLayout repo, int cores) {
        // Agents (a debugger, coverage) of this JVM would only slow the child down.
        List<String> options = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream().filter(option -> !option.startsWith("-agentlib") && !option.startsWith("-javaagent"))
                .toList());
        options.add("-D" + RepoLayout.ROOT_PROPERTY + "=" + repo.root());
        List<String> launcher = ChildJvm.onFirstCpus(cores);
        List<String> output = ChildJvm.run(launcher, options, System.getProperty("java.class.path"),
                BronzeToSilverTiming.class.getName(),
                List.of(work.resolve("scaling-" + cores + "-cores").toString(), csv.toString(), "" + cores),
                Map.of(), TIMEOUT_SECONDS);
        return new Run(cores, Double.parseDouble(ChildJvm.line(output, BronzeToSilverTiming.SECONDS_PREFIX)),
                !launcher.isEmpty(), TaskConcurrency.Profile.parse(output), PeakRss.parse(output));
    }
}
