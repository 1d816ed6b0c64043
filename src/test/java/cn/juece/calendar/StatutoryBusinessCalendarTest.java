package cn.juece.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import cn.juece.support.AppClock;

/**
 * The business calendar registered by {@link PeriodsEnginePlugin}, on a plain in-memory engine (no Spring):
 * a BPMN due date, follow-up date and timer written {@code period:CODE}, and the {@code periods} bean in
 * expressions, resolved against the engine's clock. The clock is moved, never slept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatutoryBusinessCalendarTest {

    private final Periods periods = TestCalendars.periods();
    private ProcessEngine engine;

    private static Date shanghai(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(AppClock.ZONE).toInstant());
    }

    @BeforeAll
    void startEngine() {
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:periods-calendar;DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .setProcessEngineName("periods-calendar");
        cfg.setMetricsEnabled(false);
        cfg.setBeans(Map.of("periods", periods));
        var provider = new StaticListableBeanFactory(Map.of("periods", periods)).getBeanProvider(Periods.class);
        cfg.setProcessEnginePlugins(List.of(new PeriodsEnginePlugin(provider)));
        engine = cfg.buildProcessEngine();

        BpmnModelInstance model = Bpmn.createExecutableProcess("periods")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .parallelGateway("fork")
                .userTask("review").name("合法性审查")
                    .camundaDueDate("period:LEGALITY_REVIEW")
                    .camundaFollowUpDate("period:LEGALITY_REVIEW-2")
                .boundaryEvent("escalation").cancelActivity(false).timerWithDate("period:LEGALITY_REVIEW")
                    .endEvent("escalated")
                .moveToActivity("review").endEvent("reviewed")
                .moveToNode("fork")
                .userTask("expert").name("专家论证")
                    .camundaDueDate("${periods.dueDate('EXPERT_RESEARCH', execution)}")
                .endEvent("researched")
                .moveToNode("fork")
                .userTask("notice").name("发布听证公告")
                    .camundaDueDate("${periods.dueDateFrom('HEARING_NOTICE', hearingDate)}")
                .endEvent("noticed")
                .moveToNode("fork")
                .userTask("plain").name("普通任务")
                    .camundaDueDate("2024-10-01T10:00:00")
                .endEvent("plainDone")
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance("periods.bpmn", model).deploy();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private Task task(ProcessInstance pi, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    @Test
    void dueDatesFollowUpDatesAndTimersNameAPeriod() {
        // Friday 2024-09-27 10:00 in Shanghai: the RULES.md example across 国庆 and its make-up days.
        ClockUtil.setCurrentTime(shanghai("2024-09-27T10:00:00"));
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("periods",
                Map.of("hearingDate", shanghai("2024-10-20T09:00:00")));

        Task review = task(pi, "review");
        assertEquals(shanghai("2024-10-12T23:59:59"), review.getDueDate());
        assertEquals(shanghai("2024-10-10T09:00:00"), review.getFollowUpDate());
        // 7 working days of expert research from 09-27: 09-29, 09-30, 10-08 .. 10-12.
        assertEquals(shanghai("2024-10-12T23:59:59"), task(pi, "expert").getDueDate());
        // Hearing on 10-20: the notice is due 15 days before, on 10-05.
        assertEquals(shanghai("2024-10-05T23:59:59"), task(pi, "notice").getDueDate());
        // Anything but period:… goes to the engine's own due-date calendar.
        assertEquals(shanghai("2024-10-01T10:00:00"), task(pi, "plain").getDueDate());

        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertEquals(shanghai("2024-10-12T23:59:59"), timer.getDuedate());

        // The escalation fires once the last day is over, and does not stop the step.
        ClockUtil.setCurrentTime(shanghai("2024-10-12T18:00:00"));
        assertEquals(0, engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().count());
        ClockUtil.setCurrentTime(shanghai("2024-10-13T00:00:00"));
        Job due = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().singleResult();
        assertNotNull(due);
        engine.getManagementService().executeJob(due.getId());
        assertEquals(1, engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("escalated").finished().count());
        assertNotNull(task(pi, "review"), "the review stays open");
    }

    @Test
    void theCalendarIsRegisteredUnderItsNameAndAsTheDueDateCalendar() {
        var manager = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBusinessCalendarManager();
        assertSame(manager.getBusinessCalendar(StatutoryBusinessCalendar.NAME),
                manager.getBusinessCalendar(DueDateBusinessCalendar.NAME));
        var statutory = manager.getBusinessCalendar(StatutoryBusinessCalendar.NAME);
        assertEquals(shanghai("2024-10-21T23:59:59"),
                statutory.resolveDuedate("period:COMMENT_WINDOW", shanghai("2024-09-20T15:00:00")));
        ClockUtil.setCurrentTime(shanghai("2024-09-20T15:00:00"));
        assertEquals(shanghai("2024-10-21T23:59:59"), statutory.resolveDuedate("period:COMMENT_WINDOW"));
        assertTrue(manager.getBusinessCalendar("cycle") != null && manager.getBusinessCalendar("duration") != null);
        assertThrows(IllegalArgumentException.class, () -> statutory.resolveDuedate("period:HEARING_NOTICE"));
    }
}
