package cn.juece.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.juece.calendar.PeriodFile;
import cn.juece.calendar.PeriodKind;
import cn.juece.calendar.StatutoryPeriod;

/** Every period a .bpmn names on a user task is a code of config/periods.yaml that counts from the task. */
class PeriodNamesTest {

    @Test
    void everyNamedPeriodIsInTheTableAndCountsFromTheStep() {
        Map<String, StatutoryPeriod> table = PeriodFile.fromClasspath().stream()
                .collect(Collectors.toMap(StatutoryPeriod::code, Function.identity()));
        Map<String, String> named = PeriodGates.tasksNamingAPeriod();
        assertThat(named).containsEntry("legality-review", "LEGALITY_REVIEW")
                .containsEntry("expert-conduct", "EXPERT_RESEARCH")
                .containsEntry("publication-feedback", "ADOPTION_FEEDBACK");
        named.forEach((task, code) -> {
            assertThat(table).as(task + " names " + code).containsKey(code);
            assertThat(table.get(code).kind()).as(task + ": a BEFORE_EVENT period needs the event's date")
                    .isNotEqualTo(PeriodKind.BEFORE_EVENT);
        });
    }
}
