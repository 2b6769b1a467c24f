package com.c360.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.bench.TaskConcurrency.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskConcurrencyTest {

    @Test
    void overlappingTasks_wallSplitByHowManyRanAtOnce() {
        // GIVEN on 2 cores, over 0..100 ms: A runs 10..60, B 20..40, C 30..50 (3 at once, counted at 2), nothing after 60
        List<Interval> tasks = List.of(new Interval(10, 60), new Interval(20, 40), new Interval(30, 50));

        // WHEN
        TaskConcurrency.Profile profile = TaskConcurrency.profile(tasks, 0, 100, 2, List.of());

        // THEN 0 tasks: 0..10 and 60..100 = 50; 1 task: 10..20 and 50..60 = 20; 2 or more: 20..50 = 30
        assertThat(profile.millisAtConcurrency()).containsExactly(50, 20, 30);
        assertThat(profile.taskMillis()).isEqualTo(50 + 20 + 20);
        assertThat(profile.underusedShare()).isEqualTo(0.7);
    }

    @Test
    void tasksOutsideTheTimedInterval_areClippedToIt() {
        List<Interval> tasks = List.of(new Interval(-50, 20), new Interval(90, 200), new Interval(300, 400));

        TaskConcurrency.Profile profile = TaskConcurrency.profile(tasks, 0, 100, 1, List.of());

        assertThat(profile.millisAtConcurrency()).containsExactly(70, 30);
        assertThat(profile.taskMillis()).isEqualTo(30);
    }

    @Test
    void profile_printedByTheChild_parsesBackWithStageNamesHoldingSeparators() {
        TaskConcurrency.Profile printed = new TaskConcurrency.Profile(2, 100, new long[] {50, 20, 30}, 90,
                List.of(new TaskConcurrency.Stage("save at A;B", 4, 60, 80)));

        TaskConcurrency.Profile parsed = TaskConcurrency.Profile.parse(printed.toLines());

        assertThat(parsed.millisAtConcurrency()).containsExactly(50, 20, 30);
        assertThat(parsed.wallMillis()).isEqualTo(100);
        assertThat(parsed.taskMillis()).isEqualTo(90);
        assertThat(parsed.slowestStages()).containsExactly(new TaskConcurrency.Stage("save at A;B", 4, 60, 80));
    }
}
