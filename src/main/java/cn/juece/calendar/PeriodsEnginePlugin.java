package cn.juece.calendar;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Registers the statutory periods with the engine: the due-date calendar (used by user-task due dates,
 * follow-up dates and timeDate timers) is replaced by {@link StatutoryBusinessCalendar}, which resolves
 * {@code period:CODE} and hands everything else to the engine's own calendar; it is also registered under
 * the name {@code statutory}. BPMN cannot name a calendar (STACK-NOTES), hence the replacement.
 * {@link Periods} is looked up lazily: the engine is built before the application's beans are ready.
 */
@Component
class PeriodsEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<Periods> periods;
    private final ObjectProvider<org.springframework.jdbc.core.simple.JdbcClient> jdbc;

    /** Without the database (tools, tests of the engine's calendar): every period counts on the national calendar. */
    PeriodsEnginePlugin(ObjectProvider<Periods> periods) {
        this(periods, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    PeriodsEnginePlugin(ObjectProvider<Periods> periods, ObjectProvider<org.springframework.jdbc.core.simple.JdbcClient> jdbc) {
        this.periods = periods;
        this.jdbc = jdbc;
    }

    /** The organ of the decision a business key (its number) names (issue 15), or null. */
    private String organOf(String number) {
        if (jdbc == null) {
            return null;
        }
        return jdbc.getObject().sql("SELECT organ_code FROM juece.decision WHERE decision_number = ?").param(number)
                .query(String.class).optional().orElse(null);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        BusinessCalendarManager engineCalendars = configuration.getBusinessCalendarManager();
        BusinessCalendar statutory = new StatutoryBusinessCalendar(
                engineCalendars.getBusinessCalendar(DueDateBusinessCalendar.NAME), periods::getObject, this::organOf);
        configuration.setBusinessCalendarManager(name -> DueDateBusinessCalendar.NAME.equals(name)
                || StatutoryBusinessCalendar.NAME.equals(name) ? statutory : engineCalendars.getBusinessCalendar(name));
    }
}
